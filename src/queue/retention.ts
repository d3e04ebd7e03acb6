import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { noPayload } from './recurring.ts';
import { taskKind } from './task-kind.ts';

/** Finished work is kept this long for inspection, then removed so the table stays small. */
export const FINISHED_TASK_RETENTION_MS = 7 * 86_400_000;

export async function purgeFinishedTasks(db: Kysely<DB>, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - FINISHED_TASK_RETENTION_MS).toISOString();
  const result = await db.deleteFrom('queueTasks').where('status', 'in', ['DONE', 'DEAD', 'CANCELLED']).where('updatedAt', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Hourly: removes finished tasks past their retention. */
export function queuePurgeKind(db: Kysely<DB>, clock: Clock) {
  return taskKind({
    name: 'queue.purge',
    payload: noPayload,
    repeatEveryMs: 3600_000,
    concurrency: 1,
    run: async () => void (await purgeFinishedTasks(db, clock)),
  });
}
