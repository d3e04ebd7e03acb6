import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { enqueue } from './enqueue.ts';
import type { TaskKindSpec } from './task-kind.ts';

/** The payload of a recurring task: none. */
export const noPayload = z.null();

/**
 * Makes sure a recurring task exists (one row per kind that reschedules itself; see
 * `TaskKind.repeatEveryMs`). Safe to call from every process at every start.
 */
export async function ensureRecurring(db: Kysely<DB>, clock: Clock, kind: TaskKindSpec<null>, firstRunAt?: Date): Promise<void> {
  await enqueue(db, clock, kind, null, { key: `recurring:${kind.name}`, runAt: firstRunAt, maxAttempts: 1_000_000 });
}
