import { type Kysely, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { ListQuery } from '../http/pagination.ts';
import { literalLimit } from './literal-limit.ts';
import { listDatabaseOf } from './database.ts';
import type { DB } from './schema.ts';

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
 * root database or a transaction), where the statement runs unless a reader thread takes it.
 *
 * The page and the total come from one statement: the count is an uncorrelated subquery, which
 * both databases evaluate once per statement. One round trip instead of two, and the total is
 * counted in the same snapshot as the page (two statements on two pooled connections could see
 * different commits). Only a page past the end, which has no row to carry the total, asks for the
 * count alone.
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
