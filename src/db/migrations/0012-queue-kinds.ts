import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The runner claims per task kind (each kind has its own concurrency, and a process claims only
 * the kinds it knows): the claim walks one kind's unfinished tasks in `seq` order. The index
 * carries what the claim's condition reads (status, run_at, locked_until), so tasks not yet due
 * are passed over in the index alone. It replaces (status, seq), which only the claim read.
 * A new status, CANCELLED, needs no change: `status` is free text.
 */
export const queueKinds: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('queue_tasks_claim')
      .on('queue_tasks')
      .columns(['kind', 'seq', 'status', 'run_at', 'locked_until'])
      .where(sql.ref('status'), 'in', ['PENDING', 'RUNNING'])
      .execute();
    await db.schema.dropIndex('queue_tasks_unfinished').execute();
  },
};
