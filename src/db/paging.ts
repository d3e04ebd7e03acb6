import { type Kysely, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { ListQuery } from '../http/pagination.ts';
import { RenderedJson } from '../core/rendered-json.ts';
import { literalLimit } from './literal-limit.ts';
import { listDatabaseOf } from './database.ts';
import { PreparedQuery } from './prepared-query.ts';
import type { DB } from './schema.ts';
import type { TenantScope } from './tenant-scope.ts';

/*
 * Every list page runs here, and its statements go where they cannot stall the server: on SQLite
 * to the reader threads' database (src/db/sqlite-readers.ts) when `db` is the root database, on
 * the serving connection inside a transaction or without readers; PostgreSQL's pool is
 * asynchronous already. Either way through Kysely's executor, with the database's plugins.
 *
 * A page with an offset on PostgreSQL first takes its rows' ids from the list's index (an
 * index-only scan over live rows: src/db/migrations/0008-live-list-indexes.ts), then reads those
 * rows only: an OFFSET over whole rows fetched every skipped row from the table. SQLite needs no
 * such detour (it reads the table only for the rows it returns), and its planner would walk the
 * whole index for the detour's outer query instead.
 */

/**
 * One page of a list query, in a total order (sort column, then id), plus the total count.
 * `base` must already hold the tenant scope and the filters; `db` is what it was built on (the
 * root database or a transaction), where the statement runs unless a reader thread takes it. The
 * total comes with the page from one statement (see PreparedPage).
 */
export async function fetchPage<TB extends keyof DB, Row>(
  db: Kysely<DB>,
  base: SelectQueryBuilder<DB, TB, object>,
  query: ListQuery,
  select: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  let filtered = base;
  if (query.updatedSince) filtered = filtered.where(sql.ref('updatedAt'), '>=', new Date(query.updatedSince).toISOString());
  const count = filtered.select(sql<number>`count(*)`.as('total'));
  const offset = (query.page - 1) * query.limit;
  const inOrder = <Q extends SelectQueryBuilder<DB, TB, object>>(qb: Q): Q => qb.orderBy(sql.ref(query.sort), query.order).orderBy(sql.ref('id'), query.order) as Q;
  const ordered = inOrder(select(filtered).select(count.as(PAGE_TOTAL) as never));
  const page =
    offset > 0 && idsFirst(db)
      ? ordered.where(sql.ref('id'), 'in', inOrder(filtered.select(sql.ref<string>('id').as('id'))).limit(literalLimit(query.limit)).offset(offset))
      : ordered.limit(literalLimit(query.limit)).offset(offset);
  const reader = listDatabaseOf(db);
  const rows = (await reader.executeQuery(page.compile())).rows as (Row & { [PAGE_TOTAL]: number | null })[];
  const countAlone = async () => (await reader.executeQuery(count.compile())).rows[0]?.total;
  const total = await pageTotal(rows[0]?.[PAGE_TOTAL], offset, countAlone);
  return { rows: rows.map(({ [PAGE_TOTAL]: _total, ...row }) => row as Row), total };
}

function idsFirst(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The total a page's first row carries. Without a row: nothing matches on the first page, and a
 * page past the end counts on its own.
 */
async function pageTotal(carried: number | null | undefined, offset: number, countAlone: () => Promise<number | undefined>): Promise<number> {
  return Number(carried ?? (offset === 0 ? 0 : await countAlone()) ?? 0);
}

/** The column that carries the total beside a page's rows (no table has a column of that name). */
const PAGE_TOTAL = 'pageTotal';

interface PageArgs {
  sort: ListQuery['sort'];
  order: ListQuery['order'];
  limit: number;
  offset: number;
  idsFirst: boolean;
  updatedSince: string | undefined;
}

// Kysely's builder types do not survive a generic table parameter; the page code only needs these.
type AnySelect = SelectQueryBuilder<DB, keyof DB, object>;

/**
 * `fetchPage` as prepared queries (src/db/prepared-query.ts), with each item's JSON read from the
 * column that keeps it rendered (`rendered`, src/db/json-rows.ts): the filters are built once per
 * shape through the tenant scope, and each request only fills in the values. `filtered` receives placeholders for the
 * filter values, so it may test whether a filter is present but must pass the values to the
 * query unchanged (precompute patterns and the like in `args`).
 *
 * The page and the total come from one statement: the count is an uncorrelated subquery, which
 * both databases evaluate once per statement. One round trip instead of two (on PostgreSQL the
 * agents list answered ≈ 40 % more pages, bench/README.md), and the total is counted in the same
 * snapshot as the page (two statements on two pooled connections could see different commits).
 * Only a page past the end, which has no row to carry the total, asks for the count alone.
 */
export class PreparedPage<A extends object, Item> {
  readonly #count: PreparedQuery<A & Pick<PageArgs, 'updatedSince'>, { total: number }>;
  readonly #rows: PreparedQuery<A & PageArgs, { total: number | null; json: string }>;

  constructor(filtered: (scope: TenantScope, args: A) => SelectQueryBuilder<DB, never, object>, rendered: string) {
    const base = (scope: TenantScope, args: A & Pick<PageArgs, 'updatedSince'>): AnySelect => {
      const query = filtered(scope, args) as unknown as AnySelect;
      return args.updatedSince === undefined ? query : query.where(sql.ref('updatedAt'), '>=', args.updatedSince);
    };
    const count = (scope: TenantScope, args: A & Pick<PageArgs, 'updatedSince'>) => base(scope, args).select(sql<number>`count(*)`.as('total'));
    const inOrder = <Q extends AnySelect>(qb: Q, args: PageArgs): Q => qb.orderBy(sql.ref(args.sort), args.order).orderBy(sql.ref('id'), args.order) as Q;
    this.#count = new PreparedQuery(count);
    this.#rows = new PreparedQuery(
      (scope, args) => {
        const page = inOrder(base(scope, args).select([count(scope, args).as('total'), sql.ref<string>(rendered).as('json')]), args);
        if (!args.idsFirst) return page.limit(literalLimit(args.limit)).offset(args.offset);
        const ids = inOrder(base(scope, args).select(sql.ref<string>('id').as('id')), args).limit(literalLimit(args.limit)).offset(args.offset);
        return page.where(sql.ref('id'), 'in', ids);
      },
      { inline: ['sort', 'order', 'limit', 'idsFirst'] },
    );
  }

  async fetch(scope: TenantScope, args: A, query: ListQuery): Promise<{ items: RenderedJson<Item[]>; total: number }> {
    // InstantSchema has already normalised updatedSince to the stored form (UTC, ms, Z).
    const filters = { ...args, updatedSince: query.updatedSince };
    const offset = (query.page - 1) * query.limit;
    const pageArgs = { ...filters, sort: query.sort, order: query.order, limit: query.limit, offset, idsFirst: offset > 0 && idsFirst(scope.db) };
    const reader = listDatabaseOf(scope.db);
    const { rows } = await reader.executeQuery(this.#rows.compiled(scope, pageArgs));
    const countAlone = async () => (await reader.executeQuery(this.#count.compiled(scope, filters))).rows[0]?.total;
    const total = await pageTotal(rows[0]?.total, offset, countAlone);
    return { items: RenderedJson.array<Item>(rows.map((r) => r.json)), total };
  }
}
