import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** The LIKE pattern for a case-insensitive "contains": %, _ and \ in the user's text stay literal. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` matches a pattern made by `containsPattern`, on both databases. */
export function matchesPattern(column: string, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Case-insensitive "contains" that treats %, _ and \ in the user's text literally, on both databases. */
export function containsInsensitive(column: string, text: string): RawBuilder<SqlBool> {
  return matchesPattern(column, containsPattern(text));
}
