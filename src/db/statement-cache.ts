import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL costs more than running a
 * small indexed query. This hands it the same prepared statement for the same SQL text instead
 * (least recently used beyond `max`). A statement still iterating (a streamed query) is never
 * handed out twice: such a caller gets a fresh one.
 */
export function withStatementCache(handle: BetterSqlite3.Database, max = 256): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      handle.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return handle.prepare(sql);
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = handle.prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
      return statement;
    },
  };
}
