import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDriver } from './sqlite-group-commit.ts';
import {
  CamelCasePlugin,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  type PluginTransformResultArgs,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type UnknownRow,
} from 'kysely';

/*
 * Kysely's own SQLite driver, reworked where the request path paid for it (measured: ≈ 40 % of a
 * 20-row list went to building rows):
 * - the same prepared statement for the same SQL (compiling SQL costs more than running a small
 *   indexed query); a statement still iterating a streamed query is never handed out twice;
 * - rows are read as arrays and built in JavaScript (cheaper than better-sqlite3's own objects),
 *   once, with the camelCase names `SqliteCamelCase` works out once per statement, rather than
 *   built by better-sqlite3 and rebuilt by the plugin with every key renamed;
 * - the single connection is handed out without allocating a promise when nobody holds it, and
 *   transactions commit in groups (src/db/sqlite-group-commit.ts).
 */

/** A read's rows as SQLite gave them: value arrays and the statement's column names. */
const ROW_ARRAYS = Symbol('sqlite row arrays');

export interface RowArrays {
  values: unknown[][];
  columns: string[];
}

/** A read's result: its row objects are built on first use, so the CamelCase pass builds them only once. */
function readResult(values: unknown[][], columns: string[]): QueryResult<UnknownRow> {
  let rows: UnknownRow[] | undefined;
  return {
    get rows() {
      return (rows ??= toObjects(values, columns));
    },
    [ROW_ARRAYS]: { values, columns },
  } as QueryResult<UnknownRow>;
}

/**
 * The CamelCase plugin for SQLite: queries as usual; for rows read by this driver the camelCase
 * names are worked out once per statement and the row objects built with them directly.
 */
export class SqliteCamelCase extends CamelCasePlugin {
  private readonly names = new WeakMap<string[], string[]>();

  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const arrays = (args.result as { [ROW_ARRAYS]?: RowArrays })[ROW_ARRAYS];
    if (!arrays) return super.transformResult(args);
    return { rows: this.rows(arrays) };
  }

  rows(arrays: RowArrays): UnknownRow[] {
    let camel = this.names.get(arrays.columns);
    if (!camel) this.names.set(arrays.columns, (camel = arrays.columns.map((name) => this.camelCase(name))));
    return toObjects(arrays.values, camel);
  }
}

/**
 * Reads that need not wait: a SELECT sent outside any transaction while nobody holds the single
 * connection runs at once, without Kysely's chain of promises around the connection (≈ 8 µs of a
 * 140 µs GET). The statement and its camelCased rows are exactly what the Kysely path would give;
 * while a transaction holds the connection, the caller takes the ordinary path and waits its turn,
 * so no read ever sees another request's uncommitted writes.
 */
export class SqliteDirectReads {
  constructor(
    private readonly driver: SqliteDriver,
    private readonly camelCase: SqliteCamelCase,
  ) {}

  /** The rows, or undefined when the connection is busy. */
  select(sql: string, parameters: readonly unknown[]): UnknownRow[] | undefined {
    const arrays = this.driver.readIfFree(sql, parameters);
    return arrays && this.camelCase.rows(arrays);
  }
}

const directReads = new WeakMap<object, SqliteDirectReads>();

/** The direct reads of a root database opened by `openSqlite`; none for a transaction or another dialect. */
export function directReadsOf(db: object): SqliteDirectReads | undefined {
  return directReads.get(db);
}

export function attachDirectReads(db: object, dialect: SqliteDialectWithDriver, camelCase: SqliteCamelCase): void {
  directReads.set(db, new SqliteDirectReads(dialect.driver, camelCase));
}

export type SqliteDialectWithDriver = Dialect & { driver: SqliteDriver };

export function sqliteDialect(handle: BetterSqlite3.Database, options: { cacheSize?: number; maxHoldMs?: number } = {}): SqliteDialectWithDriver {
  const driver = new SqliteDriver(new SqliteConnection(handle, options.cacheSize ?? 256), handle, options.maxHoldMs);
  return {
    driver,
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

interface Prepared {
  statement: BetterSqlite3.Statement;
  /** Column names of a statement that returns rows; null for one that does not. */
  columns: string[] | null;
}

export class SqliteConnection implements DatabaseConnection {
  private readonly cache = new Map<string, Prepared>();

  constructor(
    private readonly handle: BetterSqlite3.Database,
    private readonly cacheSize: number,
  ) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { statement, columns } = this.prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (columns) return Promise.resolve(readResult(statement.all(parameters) as unknown[][], columns) as QueryResult<R>);
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  /** A statement without parameters or rows (BEGIN, COMMIT, SAVEPOINT …). */
  run(sql: string): void {
    this.prepare(sql).statement.run();
  }

  /** A read's rows as arrays, at once. */
  readArrays(sql: string, parameters: readonly unknown[]): RowArrays | undefined {
    const { statement, columns } = this.prepare(sql);
    if (!columns) return undefined;
    return { values: statement.all(parameters as unknown[]) as unknown[][], columns };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { statement, columns } = this.prepare(compiledQuery.sql);
    if (!columns) throw new Error('The SQLite driver only streams queries that return rows.');
    for (const row of statement.iterate(compiledQuery.parameters as unknown[])) yield { rows: toObjects([row as unknown[]], columns) as R[] };
  }

  private prepare(sql: string): Prepared {
    const hit = this.cache.get(sql);
    if (hit && !hit.statement.busy) {
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const statement = this.handle.prepare(sql);
    const prepared: Prepared = { statement, columns: statement.reader ? statement.columns().map((c) => c.name) : null };
    if (prepared.columns) statement.raw(true);
    if (hit) return prepared; // the cached one is iterating: this one is used once
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(sql, prepared);
    return prepared;
  }
}

function toObjects(rows: unknown[][], columns: string[]): UnknownRow[] {
  const objects = new Array<UnknownRow>(rows.length);
  const width = columns.length;
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r] as unknown[];
    const row: UnknownRow = {};
    for (let c = 0; c < width; c++) row[columns[c] as string] = values[c];
    objects[r] = row;
  }
  return objects;
}
