import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';

export const QUEUE_PURGE_TASK = 'queue.purge';
export const QUEUE_PURGE_EVERY_MS = 3600_000;
/** Finished work is kept this long for inspection, then removed so the table stays small. */
export const FINISHED_TASK_RETENTION_MS = 7 * 86_400_000;

export async function purgeFinishedTasks(db: Kysely<DB>, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - FINISHED_TASK_RETENTION_MS).toISOString();
  const result = await db.deleteFrom('queueTasks').where('status', 'in', ['DONE', 'DEAD']).where('updatedAt', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
