import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { withNamedStatements } from './postgres-statements.ts';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './sqlite-checkpointer.ts';
import { sqliteDialect } from './sqlite-driver.ts';
import { sqliteReadersDialect } from './sqlite-readers.ts';
import { guardTransactions } from './transaction.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /**
   * Where list pages are read (src/db/paging.ts): on SQLite with reader threads, their own
   * instance (src/db/sqlite-readers.ts); otherwise `db` itself.
   */
  listDb: Kysely<DB>;
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
  const db = new Kysely<DB>({ dialect: guardTransactions(sqliteDialect(handle)), plugins: [new CamelCasePlugin()] });
  // A `:memory:` database exists on its connection alone: no other connection can read it.
  const listDb = path === ':memory:' || readerCount === 0 ? db : new Kysely<DB>({ dialect: sqliteReadersDialect(path, readerCount), plugins: [new CamelCasePlugin()] });
  if (listDb !== db) listDatabases.set(db, listDb);
  return {
    kind: 'sqlite',
    db,
    listDb,
    file: path === ':memory:' ? null : path,
    ping: async () => ping(db),
    close: async () => {
      if (listDb !== db) await listDb.destroy();
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: guardTransactions(new PostgresDialect({ pool: withNamedStatements(pool) })), plugins: [new CamelCasePlugin()] });
  return {
    kind: 'postgres',
    db,
    listDb: db,
    file: null,
    ping: async () => ping(db),
    close: () => db.destroy(),
  };
}

const listDatabases = new WeakMap<Kysely<DB>, Kysely<DB>>();

/** Where a list page built on `db` is read: a root SQLite database's reader threads, or `db` itself (a transaction, PostgreSQL). */
export function listDatabaseOf(db: Kysely<DB>): Kysely<DB> {
  return listDatabases.get(db) ?? db;
}

async function ping(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
