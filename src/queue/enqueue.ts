import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB } from '../db/schema.ts';

export interface NewTask {
  kind: string;
  payload: unknown;
  /** Tasks sharing a key run one at a time, in the order they were enqueued. */
  orderingKey?: string | null;
  /** At most one unfinished task per key: enqueueing another is a no-op. */
  dedupeKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Records work to do. Call it with the transaction of the change that causes the work (outbox):
 * the work exists exactly when the change committed. Returns the task id, or null when the
 * dedupe key already has unfinished work.
 */
export async function enqueue(db: Kysely<DB>, clock: Clock, task: NewTask): Promise<string | null> {
  const now = clock.now().toISOString();
  const id = newId();
  const result = await db
    .insertInto('queueTasks')
    .values({
      id,
      kind: task.kind,
      payload: JSON.stringify(task.payload ?? null),
      orderingKey: task.orderingKey ?? null,
      dedupeKey: task.dedupeKey ?? null,
      status: 'PENDING',
      runAt: (task.runAt ?? clock.now()).toISOString(),
      attempts: 0,
      maxAttempts: task.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
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
