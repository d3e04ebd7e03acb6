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
 * The first page and its total come from one statement: the count is an uncorrelated subquery,
 * which both databases evaluate once per statement (one round trip, one snapshot). A later page
 * counts first and then reads its rows from the nearer end of the list: an offset costs a walk over
 * every skipped index entry, so the last page of 200,000 rows read backwards skips a handful
 * instead of nearly all. Its count and rows are two statements, which may see different commits;
 * a row written in between shifts the page by one, as it would between two requests.
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
  const reader = listDatabaseOf(db);
  const offset = (query.page - 1) * query.limit;

  if (offset === 0) {
    const first = inOrder(select(filtered).select(count.as(PAGE_TOTAL) as never), query.sort, query.order).limit(literalLimit(query.limit));
    const rows = (await reader.executeQuery(first.compile())).rows as (Row & { [PAGE_TOTAL]: number | null })[];
    return { rows: rows.map(({ [PAGE_TOTAL]: _total, ...row }) => row as Row), total: Number(rows[0]?.[PAGE_TOTAL] ?? 0) };
  }

  const total = Number((await reader.executeQuery(count.compile())).rows[0]?.total ?? 0);
  if (offset >= total) return { rows: [], total };
  const take = Math.min(query.limit, total - offset);
  const fromEnd = total - offset - take;
  const backwards = fromEnd < offset;
  const order = backwards ? (query.order === 'asc' ? 'desc' : 'asc') : query.order;
  const skip = backwards ? fromEnd : offset;
  const ordered = inOrder(select(filtered), query.sort, order);
  const page = idsFirst(db)
    ? ordered.where(sql.ref('id'), 'in', inOrder(filtered.select(sql.ref<string>('id').as('id')), query.sort, order).limit(literalLimit(take)).offset(skip))
    : ordered.limit(literalLimit(take)).offset(skip);
  const rows = (await reader.executeQuery(page.compile())).rows as Row[];
  return { rows: backwards ? rows.reverse() : rows, total };
}

function inOrder<TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>, sort: string, order: 'asc' | 'desc'): SelectQueryBuilder<DB, TB, O> {
  return qb.orderBy(sql.ref(sort), order).orderBy(sql.ref('id'), order);
}

function idsFirst(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The column that carries the total beside the first page's rows (no table has a column of that name). */
const PAGE_TOTAL = 'pageTotal';
