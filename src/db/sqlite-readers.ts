import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { UnknownRow } from 'kysely';
import type { SqliteCamelCase, SqliteDirectReads } from './sqlite-driver.ts';

/*
 * better-sqlite3 runs a query on the thread that asks, and SQLite has one serving connection: a
 * list page of a large company (counting its rows, walking to a deep offset) stopped the event
 * loop, and with it every other company's requests, for as long as it ran. List pages run here
 * instead (src/db/paging.ts sends them): on a small pool of worker threads, each with its own
 * read-only connection to the same file. WAL lets them read beside the writer, and each
 * statement reads the latest committed snapshot, so a list sees every transaction that was
 * answered before it was asked (a transaction is answered only once committed:
 * src/db/sqlite-group-commit.ts). Point reads, writes and transactions stay on the serving
 * connection, and so does a page read inside a transaction (it must see its own writes).
 *
 * The trip to a thread and back costs more CPU than a small page itself (bench/README.md, "One
 * large tenant"), so a statement that ran in under CHEAP_MS the last time — the same SQL with the
 * same values: the same company, filters and page — is read on the serving connection, if that
 * is free, as reads were before; one that turns out slower there goes back to the threads. A
 * small company's lists thus cost what they did, and a large one's never hold the event loop
 * for longer than a cheap page grows between two reads of it.
 *
 * The workers start with the first page and are referenced only while they have work, so an idle
 * pool never keeps the process alive; `close` ends them with the database.
 */

/** A page that took less than this (ms) is cheaper on the serving connection than on a thread. */
const CHEAP_MS = 1;
/** How many cheap statements are remembered (the least recently used is forgotten first). */
const CHEAP_REMEMBERED = 4096;

// Plain CommonJS evaluated in the worker: no TypeScript loader is needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
function prepared(sql) {
  let entry = statements.get(sql);
  if (!entry) {
    if (statements.size >= 64) statements.delete(statements.keys().next().value);
    const statement = db.prepare(sql);
    if (!statement.reader) throw new Error('A reader thread only runs statements that return rows.');
    statement.raw(true);
    entry = { statement, columns: statement.columns().map((c) => c.name) };
    statements.set(sql, entry);
  }
  return entry;
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const { statement, columns } = prepared(message.sql);
    const started = performance.now();
    const values = statement.all(message.parameters);
    parentPort.postMessage({ id: message.id, values, columns, ms: performance.now() - started });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Answer {
  id: number;
  values?: unknown[][];
  columns?: string[];
  /** How long the statement ran on the reader. */
  ms?: number;
  error?: { message: string; code?: string };
}

interface Pending {
  resolve(rows: UnknownRow[], ms: number): void;
  reject(error: Error): void;
}

class Reader {
  readonly pending = new Map<number, Pending>();
  readonly worker: Worker;
  readonly exited: Promise<void>;

  constructor(file: string, driver: string, onExit: (reader: Reader) => void, camelCase: SqliteCamelCase) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    this.worker.unref();
    this.worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) this.worker.unref();
      if (answer.error) waiting.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      else waiting.resolve(camelCase.rows({ values: answer.values ?? [], columns: answer.columns ?? [] }), answer.ms ?? Number.POSITIVE_INFINITY);
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

export class SqliteReaders {
  readonly #readers: Reader[] = [];
  readonly #driver = createRequire(import.meta.url).resolve('better-sqlite3');
  /** Statements (SQL and values) that ran in under CHEAP_MS the last time, least recently used first. */
  readonly #cheap = new Set<string>();
  #nextId = 0;
  #closed = false;

  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly camelCase: SqliteCamelCase,
    private readonly serving: SqliteDirectReads,
  ) {}

  /** The rows of a SELECT, camelCased exactly as the serving connection's reads are. */
  select(sql: string, parameters: readonly unknown[]): Promise<UnknownRow[]> {
    const key = `${sql}\u0000${JSON.stringify(parameters)}`;
    if (this.#cheap.delete(key)) {
      const started = performance.now();
      const rows = this.serving.select(sql, parameters);
      if (rows) {
        if (performance.now() - started < CHEAP_MS) this.#remember(key);
        return Promise.resolve(rows);
      }
    }
    if (this.#closed) return Promise.reject(new Error('The database is closed.'));
    const reader = this.#leastBusy();
    return new Promise((resolve, reject) =>
      reader.send(++this.#nextId, sql, parameters, {
        resolve: (rows, ms) => {
          if (ms < CHEAP_MS) this.#remember(key);
          resolve(rows);
        },
        reject,
      }),
    );
  }

  #remember(key: string): void {
    this.#cheap.add(key);
    if (this.#cheap.size > CHEAP_REMEMBERED) this.#cheap.delete(this.#cheap.values().next().value as string);
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
    const reader = new Reader(this.file, this.#driver, (gone) => this.#forget(gone), this.camelCase);
    this.#readers.push(reader);
    return reader;
  }

  #forget(reader: Reader): void {
    const at = this.#readers.indexOf(reader);
    if (at >= 0) this.#readers.splice(at, 1);
  }
}

const readersOf = new WeakMap<object, SqliteReaders>();

/** The reader threads of a root database opened by `openSqlite`; none for a transaction, `:memory:` or PostgreSQL. */
export function pageReadersOf(db: object): SqliteReaders | undefined {
  return readersOf.get(db);
}

export function attachReaders(db: object, readers: SqliteReaders): void {
  readersOf.set(db, readers);
}
