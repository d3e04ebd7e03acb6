import { type SelectQueryBuilder, sql } from 'kysely';
import type { ListQuery } from '../http/pagination.ts';

/**
 * One page of a list query, in a total order (sort column, then id), plus the total count.
 * The builder must already hold the tenant scope and the filters.
 */
export async function fetchPage<DB, TB extends keyof DB, Row>(
  base: SelectQueryBuilder<DB, TB, object>,
  query: ListQuery,
  select: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  let filtered = base;
  if (query.updatedSince) filtered = filtered.where(sql.ref('updatedAt'), '>=', new Date(query.updatedSince).toISOString());
  const [countRow, rows] = await Promise.all([
    filtered.select(sql<number>`count(*)`.as('total')).executeTakeFirst(),
    select(filtered)
      .orderBy(sql.ref(query.sort), query.order)
      .orderBy(sql.ref('id'), query.order)
      .limit(query.limit)
      .offset((query.page - 1) * query.limit)
      .execute(),
  ]);
  return { rows, total: Number((countRow as { total?: number } | undefined)?.total ?? 0) };
}
