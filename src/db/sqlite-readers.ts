import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type UnknownRow,
} from 'kysely';

/*
 * better-sqlite3 runs a query on the thread that asks, and SQLite has one serving connection: a
 * list page of a large company (counting its rows, walking to a deep offset) stopped the event
 * loop, and with it every other company's requests, for as long as it ran. List pages run here
 * instead: a Kysely dialect of its own (`Database.listDb`, with the same plugins as the serving
 * database; src/db/paging.ts sends pages to it) whose driver hands each compiled statement to a
 * small pool of worker threads, each with its own read-only connection to the same file. WAL lets
 * them read beside the writer, and each statement reads the latest committed snapshot, so a list
 * sees every transaction that was answered before it was asked. Point reads, writes and
 * transactions stay on the serving connection, and so does a page read inside a transaction (it
 * must see its own writes).
 *
 * The workers start with the first page and are referenced only while they have work, so an idle
 * pool never keeps the process alive; destroying the database ends them.
 */

// Plain CommonJS evaluated in the worker: no TypeScript loader is needed there. Rows are built by
// better-sqlite3, which reads the column names on every execution (a schema change made meanwhile
// never shifts a value to another key).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
function prepared(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= 64) statements.delete(statements.keys().next().value);
    statement = db.prepare(sql);
    if (!statement.reader) throw new Error('A reader thread only runs statements that return rows.');
    statements.set(sql, statement);
  }
  return statement;
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, rows: prepared(message.sql).all(message.parameters) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** A dialect whose statements run on reader threads: reads only, no transactions. */
export function sqliteReadersDialect(file: string, size: number): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReadersDriver(new ReaderPool(file, size)),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/** One connection for every statement: each is a message to a thread, so they run side by side. */
class ReadersDriver implements Driver {
  readonly #connection: DatabaseConnection;

  constructor(private readonly pool: ReaderPool) {
    this.#connection = {
      executeQuery: async <R>(compiled: CompiledQuery) => ({ rows: (await pool.select(compiled.sql, compiled.parameters)) as R[] }),
      streamQuery: () => {
        throw new Error('The SQLite reader threads do not stream.');
      },
    };
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async releaseConnection(): Promise<void> {}
  beginTransaction = noTransactions;
  commitTransaction = noTransactions;
  rollbackTransaction = noTransactions;
  destroy(): Promise<void> {
    return this.pool.close();
  }
}

function noTransactions(): Promise<void> {
  return Promise.reject(new Error('The SQLite reader threads only read, outside any transaction.'));
}

interface Answer {
  id: number;
  rows?: UnknownRow[];
  error?: { message: string; code?: string };
}

interface Pending {
  resolve(rows: UnknownRow[]): void;
  reject(error: Error): void;
}

class Reader {
  readonly pending = new Map<number, Pending>();
  readonly worker: Worker;
  readonly exited: Promise<void>;

  constructor(file: string, driver: string, onExit: (reader: Reader) => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    this.worker.unref();
    this.worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) this.worker.unref();
      if (answer.error) waiting.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      else waiting.resolve(answer.rows ?? []);
    });
    // A worker that fails (it could not open the file, say) fails what it was asked, not the process.
    this.worker.on('error', (error) => this.failAll(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.failAll(new Error('The SQLite reader thread stopped.'));
        onExit(this);
        resolve();
      }),
    );
  }

  send(id: number, sql: string, parameters: readonly unknown[], pending: Pending): void {
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, pending);
    this.worker.postMessage({ id, sql, parameters });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.worker.unref();
  }
}

class ReaderPool {
  readonly #readers: Reader[] = [];
  readonly #driver = createRequire(import.meta.url).resolve('better-sqlite3');
  #nextId = 0;
  #closed = false;

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  /** The rows of a SELECT, as better-sqlite3 builds them on the thread. */
  select(sql: string, parameters: readonly unknown[]): Promise<UnknownRow[]> {
    if (this.#closed) return Promise.reject(new Error('The database is closed.'));
    const reader = this.#leastBusy();
    return new Promise((resolve, reject) => reader.send(++this.#nextId, sql, parameters, { resolve, reject }));
  }

  /** Ends the workers once they have answered what they were asked. */
  async close(): Promise<void> {
    this.#closed = true;
    const readers = this.#readers.splice(0);
    for (const reader of readers) {
      reader.worker.ref();
      reader.worker.postMessage('close');
    }
    await Promise.all(readers.map((r) => r.exited));
  }

  #leastBusy(): Reader {
    let best: Reader | undefined;
    for (const reader of this.#readers) if (!best || reader.pending.size < best.pending.size) best = reader;
    if (best && (best.pending.size === 0 || this.#readers.length >= this.size)) return best;
    const reader = new Reader(this.file, this.#driver, (gone) => this.#forget(gone));
    this.#readers.push(reader);
    return reader;
  }

  #forget(reader: Reader): void {
    const at = this.#readers.indexOf(reader);
    if (at >= 0) this.#readers.splice(at, 1);
  }
}
