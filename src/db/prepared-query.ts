import type { Compilable, CompiledQuery, Kysely, QueryResult, Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { type TenantScope, TxScope } from './tenant-scope.ts';

/*
 * Building a Kysely query and compiling it costs ≈ 40 µs here, more than running a small indexed
 * query. A prepared query is built once per shape through a TenantScope, with placeholders where
 * the values go, and compiled once per dialect; each call only fills the values in. The query is
 * still Kysely's (the same plugins, one code path for SQLite and PostgreSQL) and still goes
 * through the tenant scope: the company id is a placeholder filled from the caller's scope.
 */

/** Stands where a value goes while the query is built; found again among the compiled parameters. */
class Placeholder {
  constructor(readonly name: string) {}
}

const COMPANY = new Placeholder('(company)');

type Slot = { kind: 'arg'; name: string } | { kind: 'company' } | { kind: 'constant'; value: unknown };

interface Compiled {
  sql: string;
  query: CompiledQuery['query'];
  queryId: CompiledQuery['queryId'];
  slots: Slot[];
}

export interface PreparedOptions<A> {
  /**
   * Arguments that shape the SQL itself (a sort column, an order) instead of filling a value:
   * each distinct value gets its own compiled query. Every other argument is a placeholder. An
   * undefined argument is absent, a null one is passed as null (`is null` stays expressible), and
   * either makes its own shape.
   */
  inline?: readonly (keyof A & string)[];
}

/**
 * `S` is the scope the query needs: a `TenantScope` to read, a `TxScope` (written as the type of
 * the builder's scope) to write, which only a write transaction has.
 */
export class PreparedQuery<A extends object, Row, S extends TenantScope = TenantScope> {
  // Per dialect adapter: a root database and its transactions share one.
  readonly #compiled = new WeakMap<object, Map<string, Compiled>>();
  readonly #inline: ReadonlySet<string>;

  constructor(
    private readonly build: (scope: S, args: A) => Compilable<Row>,
    options: PreparedOptions<A> = {},
  ) {
    this.#inline = new Set(options.inline ?? []);
  }

  async execute(scope: S, args: A): Promise<Row[]> {
    return (await this.run(scope, args)).rows;
  }

  async takeFirst(scope: S, args: A): Promise<Row | undefined> {
    return (await this.run(scope, args)).rows[0];
  }

  /** The full result (affected rows for writes). */
  run(scope: S, args: A): Promise<QueryResult<Row>> {
    return scope.db.executeQuery<Row>(this.compiled(scope, args));
  }

  /** The compiled query `run` sends, for whoever runs it on another database (src/db/paging.ts: the reader threads). */
  compiled(scope: S, args: A): CompiledQuery<Row> {
    const compiled = this.compiledShape(scope.db, args);
    const parameters = compiled.slots.map((slot) =>
      slot.kind === 'arg' ? (args as Record<string, unknown>)[slot.name] : slot.kind === 'company' ? scope.companyId : slot.value,
    );
    return { sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, parameters };
  }

  private compiledShape(db: Kysely<DB>, args: A): Compiled {
    const adapter = db.getExecutor().adapter;
    let byShape = this.#compiled.get(adapter);
    if (!byShape) this.#compiled.set(adapter, (byShape = new Map()));
    const shape = this.shapeOf(args);
    let compiled = byShape.get(shape);
    if (!compiled) byShape.set(shape, (compiled = this.compile(db, args)));
    return compiled;
  }

  private shapeOf(args: A): string {
    let shape = '';
    for (const [name, value] of Object.entries(args)) {
      if (value === undefined) continue;
      shape += value === null || this.#inline.has(name) ? `${name}=${String(value)};` : `${name};`;
    }
    return shape;
  }

  private compile(db: Kysely<DB>, args: A): Compiled {
    const placeholders: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(args)) {
      if (value !== undefined) placeholders[name] = value === null || this.#inline.has(name) ? value : new Placeholder(name);
    }
    // Only built and compiled here, never run: a TxScope serves reads and writes alike.
    const query = this.build(new TxScope(db as Transaction<DB>, COMPANY as never) as unknown as S, placeholders as A).compile();
    const slots: Slot[] = query.parameters.map((value) =>
      value === COMPANY ? { kind: 'company' } : value instanceof Placeholder ? { kind: 'arg', name: value.name } : { kind: 'constant', value },
    );
    // A placeholder the builder transformed (say, lower-cased) would never be filled: refuse it.
    const used = new Set(slots.flatMap((s) => (s.kind === 'arg' ? [s.name] : [])));
    const unused = Object.keys(placeholders).filter((name) => placeholders[name] instanceof Placeholder && !used.has(name));
    if (unused.length > 0) throw new Error(`prepared query: argument(s) ${unused.join(', ')} never reach the SQL as values`);
    return { sql: query.sql, query: query.query, queryId: query.queryId, slots };
  }
}
