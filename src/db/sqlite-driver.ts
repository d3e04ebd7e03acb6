import type BetterSqlite3 from 'better-sqlite3';
import {
  type CompiledQuery,
  createQueryId,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  IdentifierNode,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  RawNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/*
 * Kysely's own SQLite driver (kysely/dist/esm/dialect/sqlite/sqlite-driver.js) with two changes:
 * - a statement is prepared once per SQL text and kept (compiling SQL costs more than running a
 *   small indexed query); rows are still built by better-sqlite3, which reads the column names on
 *   every execution, so a schema change made by another connection never shifts a value to
 *   another key;
 * - a transaction begins IMMEDIATE: every transaction is a write (`transact()`), so it takes the
 *   write lock at once instead of failing at its first write when another process writes.
 * One connection, handed to one holder at a time in arrival order (a transaction holds it until it
 * ends); statements outside a transaction autocommit, and a read never takes the write lock.
 */

export function sqliteDialect(handle: BetterSqlite3.Database, cacheSize = 256): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SqliteDriver(new SqliteConnection(handle, cacheSize)),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

class SqliteDriver implements Driver {
  #held = false;
  /** Waiting for the connection, first come first served. */
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly connection: SqliteConnection) {}

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.connection);
    }
    return new Promise((resolve) => this.#waiting.push(() => resolve(this.connection)));
  }

  async releaseConnection(): Promise<void> {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  async beginTransaction(): Promise<void> {
    this.connection.run('begin immediate');
    this.connection.inTransaction = true;
  }

  async commitTransaction(): Promise<void> {
    this.connection.run('commit');
    this.connection.inTransaction = false;
  }

  async rollbackTransaction(): Promise<void> {
    this.connection.inTransaction = false;
    // SQLite may have rolled it back already (after an I/O error, say): nothing is left to undo.
    if (this.connection.handle.inTransaction) this.connection.run('rollback');
  }

  // Kysely's savepoint API (`startTransaction()`, then `trx.savepoint(name)` …), as Kysely's driver does it.
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(savepointCommand(compile, 'savepoint', name));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(savepointCommand(compile, 'rollback to', name));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(savepointCommand(compile, 'release', name));
  }

  async destroy(): Promise<void> {
    this.connection.handle.close();
  }
}

/** The name goes through the compiler as an identifier, so it is quoted. */
function savepointCommand(compile: QueryCompiler['compileQuery'], command: string, name: string): CompiledQuery {
  return compile(RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]), createQueryId());
}

class SqliteConnection implements DatabaseConnection {
  /** Prepared statements by SQL text, least recently used first. */
  readonly #cache = new Map<string, BetterSqlite3.Statement>();
  /** Between BEGIN and COMMIT or ROLLBACK of a Kysely transaction. */
  inTransaction = false;

  constructor(
    readonly handle: BetterSqlite3.Database,
    private readonly cacheSize: number,
  ) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return Promise.resolve(this.execute<R>(compiledQuery));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    this.assertStillInTransaction();
    // Not the cached statement: it would be busy while this iterates.
    const statement = this.handle.prepare(compiledQuery.sql);
    if (!statement.reader) throw new Error('The SQLite driver only streams queries that return rows.');
    for (const row of statement.iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] };
  }

  /** A statement without parameters or rows (BEGIN, COMMIT …). */
  run(sql: string): void {
    this.prepare(sql).run();
  }

  private execute<R>(compiledQuery: CompiledQuery): QueryResult<R> {
    this.assertStillInTransaction();
    const statement = this.prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  /** SQLite rolled the transaction back on its own (an I/O error, say): a statement now would autocommit. */
  private assertStillInTransaction(): void {
    if (this.inTransaction && !this.handle.inTransaction) throw new Error('SQLite rolled this transaction back; it can only fail now.');
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.#cache.get(sql);
    if (statement) {
      this.#cache.delete(sql);
    } else {
      statement = this.handle.prepare(sql);
      if (this.#cache.size >= this.cacheSize) this.#cache.delete(this.#cache.keys().next().value as string);
    }
    this.#cache.set(sql, statement);
    return statement;
  }
}
