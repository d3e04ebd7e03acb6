import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** Case-insensitive "contains" that treats %, _ and \ in the user's text literally, on both databases. */
export function containsInsensitive(column: string, text: string): RawBuilder<SqlBool> {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escaped}%`} escape '\\'`;
}
