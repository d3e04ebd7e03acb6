import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { withNamedStatements } from './postgres-statements.ts';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './sqlite-checkpointer.ts';
import { attachDirectReads, directReadsOf, SqliteCamelCase, type SqliteDirectReads, sqliteDialect } from './sqlite-driver.ts';
import { attachReaders, SqliteReaders } from './sqlite-readers.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** The SQLite database file (null for `:memory:` and for PostgreSQL). */
  file: string | null;
  /** True when the database answers a trivial query (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; every count we read fits a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/** Reader threads for SQLite list pages (src/db/sqlite-readers.ts) unless told otherwise. */
export const DEFAULT_SQLITE_READERS = 2;

export interface OpenOptions {
  /** PostgreSQL: connections in the pool. */
  poolSize?: number;
  /** SQLite: reader threads for list pages; 0 reads them on the serving connection. */
  sqliteReaders?: number;
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options.sqliteReaders ?? DEFAULT_SQLITE_READERS);
  return openPostgres(url, options.poolSize ?? 10);
}

function openSqlite(path: string, readerCount: number): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const handle = new BetterSqlite3(path);
  // WAL + NORMAL: a committed transaction survives a crash of the process (SIGKILL); see README.
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  // Checkpoints run on a worker thread (src/db/sqlite-checkpointer.ts); this is the fallback.
  const checkpointer = path === ':memory:' ? null : startCheckpointer(path);
  if (checkpointer) handle.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const dialect = sqliteDialect(handle);
  const camelCase = new SqliteCamelCase();
  const db = new Kysely<DB>({ dialect, plugins: [camelCase] });
  attachDirectReads(db, dialect, camelCase);
  // A `:memory:` database exists on its connection alone: no other connection can read it.
  const readers = path === ':memory:' || readerCount === 0 ? null : new SqliteReaders(path, readerCount, camelCase, directReadsOf(db) as SqliteDirectReads);
  if (readers) attachReaders(db, readers);
  return {
    kind: 'sqlite',
    db,
    file: path === ':memory:' ? null : path,
    ping: async () => ping(db),
    close: async () => {
      await readers?.close();
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }), plugins: [new CamelCasePlugin()] });
  return {
    kind: 'postgres',
    db,
    file: null,
    ping: async () => ping(db),
    close: () => db.destroy(),
  };
}

async function ping(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
