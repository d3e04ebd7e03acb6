import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB } from '../db/schema.ts';
import { DEFAULT_MAX_ATTEMPTS, type TaskKindSpec } from './task-kind.ts';

export interface EnqueueOptions {
  /** At most one unfinished task per key: enqueueing with a live key is a no-op (see also `task-keys.ts`). */
  key?: string;
  /** Tasks sharing an ordering key run one at a time, in the order they were enqueued. */
  orderingKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** The stored payload: the kind's schema must accept it (a caller's bug otherwise, so it throws). */
export function storablePayload<P>(kind: TaskKindSpec<P>, payload: P): string {
  const checked = kind.payload.safeParse(payload);
  if (!checked.success) throw new Error(`a ${kind.name} task's payload does not fit its schema: ${checked.error.message}`);
  return JSON.stringify(payload ?? null);
}

/**
 * Records work to do. Call it with the transaction of the change that causes the work (outbox):
 * the work exists exactly when the change committed. Returns the task id, or null when the key
 * already has unfinished work.
 */
export async function enqueue<P>(db: Kysely<DB>, clock: Clock, kind: TaskKindSpec<P>, payload: P, options: EnqueueOptions = {}): Promise<string | null> {
  const now = clock.now().toISOString();
  const id = newId();
  const result = await db
    .insertInto('queueTasks')
    .values({
      id,
      kind: kind.name,
      payload: storablePayload(kind, payload),
      orderingKey: options.orderingKey ?? null,
      dedupeKey: options.key ?? null,
      status: 'PENDING',
      runAt: (options.runAt ?? clock.now()).toISOString(),
      attempts: 0,
      maxAttempts: options.maxAttempts ?? kind.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? id : null;
}
