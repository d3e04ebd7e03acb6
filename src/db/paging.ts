import { type SelectQueryBuilder, sql } from 'kysely';
import type { ListQuery } from '../http/pagination.ts';
import { RenderedJson } from '../core/rendered-json.ts';
import { literalLimit } from './literal-limit.ts';
import { PreparedQuery } from './prepared-query.ts';
import type { DB } from './schema.ts';
import type { TenantScope } from './tenant-scope.ts';

/**
 * One page of a list query, in a total order (sort column, then id), plus the total count.
 * The builder must already hold the tenant scope and the filters. The total comes with the page
 * from one statement (see PreparedPage, below).
 */
export async function fetchPage<DB, TB extends keyof DB, Row>(
  base: SelectQueryBuilder<DB, TB, object>,
  query: ListQuery,
  select: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  let filtered = base;
  if (query.updatedSince) filtered = filtered.where(sql.ref('updatedAt'), '>=', new Date(query.updatedSince).toISOString());
  const count = filtered.select(sql<number>`count(*)`.as('total'));
  const offset = (query.page - 1) * query.limit;
  const rows = (await select(filtered)
    .select(count.as(PAGE_TOTAL) as never)
    .orderBy(sql.ref(query.sort), query.order)
    .orderBy(sql.ref('id'), query.order)
    .limit(literalLimit(query.limit))
    .offset(offset)
    .execute()) as (Row & { [PAGE_TOTAL]: number | null })[];
  const total = await pageTotal(rows[0]?.[PAGE_TOTAL], offset, async () => ((await count.executeTakeFirst()) as { total?: number } | undefined)?.total);
  return { rows: rows.map(({ [PAGE_TOTAL]: _total, ...row }) => row as Row), total };
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
    this.#count = new PreparedQuery(count);
    this.#rows = new PreparedQuery(
      (scope, args) =>
        base(scope, args)
          .select([count(scope, args).as('total'), sql.ref<string>(rendered).as('json')])
          .orderBy(sql.ref(args.sort), args.order)
          .orderBy(sql.ref('id'), args.order)
          .limit(literalLimit(args.limit))
          .offset(args.offset),
      { inline: ['sort', 'order', 'limit'] },
    );
  }

  async fetch(scope: TenantScope, args: A, query: ListQuery): Promise<{ items: RenderedJson<Item[]>; total: number }> {
    // InstantSchema has already normalised updatedSince to the stored form (UTC, ms, Z).
    const filters = { ...args, updatedSince: query.updatedSince };
    const offset = (query.page - 1) * query.limit;
    const rows = await this.#rows.execute(scope, { ...filters, sort: query.sort, order: query.order, limit: query.limit, offset });
    const total = await pageTotal(rows[0]?.total, offset, async () => (await this.#count.takeFirst(scope, filters))?.total);
    return { items: RenderedJson.array<Item>(rows.map((r) => r.json)), total };
  }
}
