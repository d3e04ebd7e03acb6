import { type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from './schema.ts';

/** The LIKE pattern for a case-insensitive "contains": %, _ and \ in the user's text stay literal. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column` matches a pattern made by `containsPattern`. PostgreSQL folds case with `lower()`
 * (full Unicode); SQLite's LIKE already ignores ASCII case, which is all its `lower()` folds, so
 * the column is compared as stored: the same answer without a new string per row, which a search
 * over a large company's list index pays for every entry.
 */
export function matchesPattern(db: Kysely<DB>, column: string, pattern: string): RawBuilder<SqlBool> {
  const value = db.getExecutor().adapter instanceof PostgresAdapter ? sql`lower(${sql.ref(column)})` : sql.ref(column);
  return sql<SqlBool>`${value} like ${pattern} escape '\\'`;
}

/** Case-insensitive "contains" that treats %, _ and \ in the user's text literally, on both databases. */
export function containsInsensitive(db: Kysely<DB>, column: string, text: string): RawBuilder<SqlBool> {
  return matchesPattern(db, column, containsPattern(text));
}
