import { type Kysely, type Migration, sql } from 'kysely';
import type { DatabaseKind } from '../database.ts';

/**
 * Every list page carries its total. On PostgreSQL, counting a large company's live rows through
 * a list index (migration 0008) walked every wide entry of it — for 200,000 agents more than a
 * page may take — and the planner often reached for a parallel scan of the table instead, taking
 * the machine's other cores for one page. These indexes hold the company and the list's
 * few-valued filters only, over live rows: B-tree deduplication keeps each distinct key once with
 * the list of its rows, so 200,000 agents take a few hundred pages, and a count, filtered by those
 * columns or not, reads nothing else. Their columns must stay few-valued: an id or a name would
 * end the deduplication (the interviews' candidate, agent and job filters keep the list index).
 * SQLite gets none: it counts through the list index fast enough, and its planner took such an
 * index for filtered counts and read every row (docs/benchmark-history.md, "One large tenant").
 */
const COUNTED: { table: string; filters: string[] }[] = [
  { table: 'agents', filters: ['type', 'focus', 'language'] },
  { table: 'jobs', filters: ['status'] },
  { table: 'candidates', filters: ['status'] },
  { table: 'interviews', filters: ['status'] },
  { table: 'phone_numbers', filters: ['status'] },
];

export function liveCountIndexes(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (kind !== 'postgres') return;
      for (const { table, filters } of COUNTED) {
        await db.schema
          .createIndex(`${table}_live_count`)
          .ifNotExists()
          .on(table)
          .columns(['company_id', ...filters])
          .where(sql.ref('deleted_at'), 'is', null)
          .execute();
      }
    },
  };
}
