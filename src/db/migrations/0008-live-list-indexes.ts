import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The lists of soft-deleted resources page over live rows only, and count them. Their indexes
 * (company, sort column, id) held the deleted rows too, so both databases read every row of the
 * company's table to check `deleted_at` — for a company of 200,000 agents, most of a page's time
 * (bench/README.md, "One large tenant"). These replace them by partial indexes over live rows,
 * which carry the list's filter columns after the order: a page, its total and each filter are
 * answered from the index alone, and a row is read only for the page's own items.
 *
 * SQLite uses a partial index only for a query that restates its condition literally: the
 * repositories' `live()` helpers write `deleted_at is null` (src/db/live-list-indexes.test.ts
 * holds the plans). Both indexes of a table carry the filter columns, or SQLite counts a filtered
 * list through the narrower one and reads every row after all.
 */
const LISTS: { table: string; filters: string[] }[] = [
  { table: 'agents', filters: ['name', 'type', 'focus', 'language'] },
  { table: 'jobs', filters: ['status', 'title'] },
  { table: 'candidates', filters: ['status', 'first_name', 'last_name', 'email'] },
  { table: 'interviews', filters: ['status', 'candidate_id', 'agent_id', 'job_id'] },
  { table: 'phone_numbers', filters: ['status'] },
];

export const liveListIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    // Each step can run again: SQLite migrations run outside a transaction.
    for (const { table, filters } of LISTS) {
      for (const sort of ['created_at', 'updated_at']) {
        await db.schema
          .createIndex(`${table}_live_${sort === 'created_at' ? 'created' : 'updated'}`)
          .ifNotExists()
          .on(table)
          .columns(['company_id', sort, 'id', ...filters])
          .where(sql.ref('deleted_at'), 'is', null)
          .execute();
      }
      await db.schema.dropIndex(`${table}_company_created`).ifExists().execute();
      await db.schema.dropIndex(`${table}_company_updated`).ifExists().execute();
    }
  },
};
