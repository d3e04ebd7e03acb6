import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';
import type { DB } from './schema.ts';

/*
 * On SQLite a list page is rendered to JSON by the database: one json_object per row, in the
 * field order of the response schema, joined into the page's array by the caller and written into
 * the response as it is (src/core/rendered-json.ts). Measured on a page of 20 agents, handing
 * better-sqlite3's 340 values to JavaScript one by one, building rows, mapping them to agents,
 * shaping and stringifying them cost ≈ 230 µs; the database's own JSON ≈ 40 µs. PostgreSQL keeps
 * the row path: its json text spaces keys and values differently from ours, and its round trip,
 * not the rows, is what a request there waits for.
 */

/** API field → the column that holds it; `json` for a column whose text is JSON (embedded as is). */
export type JsonRowSpec = Record<string, { column: string; json?: true }>;

export function rendersJsonRows(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** The row as JSON text, in the spec's field order. */
export function jsonRowSql(spec: JsonRowSpec): RawBuilder<string> {
  const pairs = Object.entries(spec).map(([field, { column, json }]) => sql`${sql.lit(field)}, ${json ? sql`json(${sql.ref(column)})` : sql.ref(column)}`);
  return sql<string>`json_object(${sql.join(pairs)})`;
}
