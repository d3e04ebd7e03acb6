import { type Kysely, type Migration, sql } from 'kysely';
import type { DatabaseKind } from '../database.ts';

/**
 * The durable work queue (outbox): one table for every kind of background work. `seq` is a
 * database-assigned, increasing number that orders work sharing an `ordering_key`.
 */
export function queue(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('queue_tasks')
        .addColumn('seq', kind === 'postgres' ? 'bigserial' : 'integer', (c) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('ordering_key', 'text')
        .addColumn('dedupe_key', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Claiming scans due work in order; the partial index keeps that scan to unfinished rows.
      await db.schema
        .createIndex('queue_tasks_due')
        .on('queue_tasks')
        .columns(['status', 'run_at', 'seq'])
        .where(sql.ref('status'), 'in', ['PENDING', 'RUNNING'])
        .execute();
      await db.schema
        .createIndex('queue_tasks_ordering')
        .on('queue_tasks')
        .columns(['ordering_key', 'seq'])
        .where(sql.ref('status'), 'in', ['PENDING', 'RUNNING'])
        .execute();
      // At most one unfinished task per dedupe key (recurring work, one sweep at a time).
      await db.schema
        .createIndex('queue_tasks_dedupe')
        .on('queue_tasks')
        .column('dedupe_key')
        .unique()
        .where(sql.ref('status'), 'in', ['PENDING', 'RUNNING'])
        .execute();
    },
  };
}
