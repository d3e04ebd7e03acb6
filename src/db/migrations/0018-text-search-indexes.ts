import { type Kysely, type Migration, sql } from 'kysely';
import type { DatabaseKind } from '../database.ts';

/**
 * PostgreSQL answers a list's `search` (a case-insensitive substring, `lower(column) like '%…%'`)
 * by testing every live row of the company: for a company of 200,000 agents each search page
 * (its total included) lowered and matched 200,000 names. A trigram index over the live rows,
 * led by the company (btree_gin lets a GIN index carry it), finds the matching rows directly;
 * the planner keeps the list index for searches too short for trigrams.
 *
 * pg_trgm and btree_gin ship with PostgreSQL and are trusted extensions (any role that may create
 * in the database may install them). Where they cannot be installed the indexes are skipped and
 * search works as before, only slower. SQLite scans
 * the list's own index, which carries the searched columns (migration 0008).
 */
const SEARCHES: { table: string; columns: string[] }[] = [
  { table: 'agents', columns: ['name'] },
  { table: 'jobs', columns: ['title'] },
  { table: 'candidates', columns: ['first_name', 'last_name', 'email'] },
];

export function textSearchIndexes(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (kind !== 'postgres' || !(await installed(db))) return;
      for (const { table, columns } of SEARCHES) {
        const expressions = columns.map((c) => `lower(${c}) gin_trgm_ops`).join(', ');
        await sql.raw(`create index if not exists ${table}_live_search on ${table} using gin (company_id, ${expressions}) where deleted_at is null`).execute(db);
      }
    },
  };
}

/** Installs both extensions, or neither (a savepoint keeps a refusal from aborting the migration). */
async function installed(db: Kysely<unknown>): Promise<boolean> {
  await sql`savepoint text_search_extensions`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create extension if not exists btree_gin`.execute(db);
    await sql`release savepoint text_search_extensions`.execute(db);
    return true;
  } catch {
    await sql`rollback to savepoint text_search_extensions`.execute(db);
    return false;
  }
}
