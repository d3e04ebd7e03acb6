import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { DB } from './schema.ts';

/*
 * Agents (single and in pages) are rendered to JSON by the database: one JSON object per row, in
 * the field order of the response schema, written into the response as it is (the page's array is
 * joined by the caller, src/core/rendered-json.ts). Measured on SQLite for a page of 20 agents:
 * handing better-sqlite3's 340 values to JavaScript one by one, building rows, mapping them to
 * agents, shaping and stringifying them cost ≈ 230 µs; the database's own JSON ≈ 40 µs. SQLite
 * uses json_object; PostgreSQL row_to_json over a row of aliased columns, which writes compact
 * JSON (its json_build_object spaces keys and values: `{"id" : …}`).
 */

/** API field → the column that holds it; `json` for a column whose text is JSON (embedded as is). */
export type JsonRowSpec = Record<string, { column: string; json?: true }>;

/** The row as JSON text, in the spec's field order. */
export function jsonRowSql(db: Kysely<DB>, spec: JsonRowSpec): RawBuilder<string> {
  const fields = Object.entries(spec);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Aliases are written raw: the CamelCase plugin would turn identifiers into snake_case.
    const columns = fields.map(([field, { column, json }]) => sql`${sql.ref(column)}${json ? sql.raw('::json') : sql``} as ${sql.raw(JSON.stringify(field))}`);
    return sql<string>`(select row_to_json(r)::text from (select ${sql.join(columns)}) r)`;
  }
  const pairs = fields.map(([field, { column, json }]) => sql`${sql.lit(field)}, ${json ? sql`json(${sql.ref(column)})` : sql.ref(column)}`);
  return sql<string>`json_object(${sql.join(pairs)})`;
}
