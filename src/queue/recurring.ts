import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { enqueue } from './enqueue.ts';

/**
 * Makes sure a recurring task exists (one row per kind that reschedules itself; see
 * `TaskHandler.repeatEveryMs`). Safe to call from every process at every start.
 */
export async function ensureRecurring(db: Kysely<DB>, clock: Clock, kind: string, firstRunAt?: Date): Promise<void> {
  await enqueue(db, clock, { kind, payload: null, dedupeKey: `recurring:${kind}`, runAt: firstRunAt, maxAttempts: 1_000_000 });
}
