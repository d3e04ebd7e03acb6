import { PostgresAdapter, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Serialises transactions that read-then-write a company's aggregate (its minute allowance).
 * PostgreSQL: a row lock held to commit, across every process. SQLite: nothing to do — the single
 * connection already runs one transaction at a time.
 *
 * `FOR NO KEY UPDATE`, not `FOR UPDATE`: every insert of a row referencing the company (an inline
 * candidate, agent or job created earlier in the same transaction) holds `FOR KEY SHARE` on it,
 * which `FOR UPDATE` waits for — two such transactions would deadlock. The weaker lock still
 * excludes every other holder of this lock and every UPDATE of the company row.
 */
export async function lockCompany(trx: Transaction<DB>, companyId: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select id from companies where id = ${companyId} for no key update`.execute(trx);
}

/**
 * A read inside a transaction that will write the same row (read-merge-write, e.g. a PATCH):
 * PostgreSQL locks the row to commit (`FOR UPDATE`), so concurrent PATCHes apply one after the
 * other instead of losing each other's changes. SQLite: already one transaction at a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function forUpdate<Q extends SelectQueryBuilder<any, any, any>>(trx: Transaction<DB>, query: Q, of?: Parameters<Q['forUpdate']>[0]): Q {
  // `of`: the tables locked, when a query joins others (an outer join's nullable side cannot be).
  return trx.getExecutor().adapter instanceof PostgresAdapter ? (query.forUpdate(of) as Q) : query;
}
