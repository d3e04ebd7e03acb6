import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The claim walks due work in `seq` order and stops after a batch. The old due index
 * (status, run_at, seq) made both planners read every unfinished task and sort them by seq on
 * each claim; (status, seq) hands them over already in order, so a claim reads about a batch.
 */
export const queueClaimOrder: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('queue_tasks_unfinished')
      .on('queue_tasks')
      .columns(['status', 'seq'])
      .where(sql.ref('status'), 'in', ['PENDING', 'RUNNING'])
      .execute();
    await db.schema.dropIndex('queue_tasks_due').execute();
  },
};
