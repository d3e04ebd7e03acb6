import { type Kysely, sql, type SqlBool } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { enqueue, storablePayload } from './enqueue.ts';
import type { TaskKindSpec } from './task-kind.ts';

/*
 * A task key names one piece of pending work (a scheduled call, an abandonment timer) so the code
 * that decides about it can move or drop it later, in the transaction that decides. Every function
 * here takes that transaction. The key is unique among unfinished tasks (the partial index
 * `queue_tasks_dedupe`, whose condition the queries restate literally for SQLite's planner).
 *
 * A cancelled task is CANCELLED: a PENDING one never runs; a RUNNING one keeps running until its
 * next heartbeat finds the task no longer its own and aborts its signal, and its outcome (or
 * `finishIn`) changes nothing. The key is free at once.
 */

const keyed = (key: string) => sql<SqlBool>`dedupe_key = ${key} and status in ('PENDING', 'RUNNING')`;

/**
 * Makes the work under `key` due at `runAt` with this payload: the pending task is moved (payload
 * replaced), a running one is cancelled and replaced, and without either a new task is enqueued.
 */
export async function scheduleTask<P>(db: Kysely<DB>, clock: Clock, kind: TaskKindSpec<P>, payload: P, options: { key: string; runAt: Date }): Promise<void> {
  const stored = storablePayload(kind, payload);
  // Another transaction may enqueue the key between our update and insert: then move its task.
  for (let round = 0; round < 3; round++) {
    const moved = await db
      .updateTable('queueTasks')
      .set({ kind: kind.name, payload: stored, runAt: options.runAt.toISOString(), updatedAt: clock.now().toISOString() })
      .where(keyed(options.key))
      .where(sql<SqlBool>`status = 'PENDING'`)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) > 0) return;
    await cancelTask(db, clock, options.key);
    if ((await enqueue(db, clock, kind, payload, { key: options.key, runAt: options.runAt })) !== null) return;
  }
  throw new Error(`the task key ${options.key} kept changing while it was being scheduled`);
}

/** Moves the pending task under `key` to `runAt`; false if none is pending (a running task is not moved). */
export async function rescheduleTask(db: Kysely<DB>, clock: Clock, key: string, runAt: Date): Promise<boolean> {
  const moved = await db
    .updateTable('queueTasks')
    .set({ runAt: runAt.toISOString(), updatedAt: clock.now().toISOString() })
    .where(keyed(key))
    .where(sql<SqlBool>`status = 'PENDING'`)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) > 0;
}

/** Cancels the unfinished task under `key` (see above for a running one); false if there is none. */
export async function cancelTask(db: Kysely<DB>, clock: Clock, key: string): Promise<boolean> {
  const cancelled = await db
    .updateTable('queueTasks')
    .set({ status: 'CANCELLED', lockedUntil: null, updatedAt: clock.now().toISOString() })
    .where(keyed(key))
    .executeTakeFirst();
  return Number(cancelled.numUpdatedRows) > 0;
}
