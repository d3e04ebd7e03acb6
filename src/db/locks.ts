import { type Kysely, PostgresAdapter, type SelectQueryBuilder } from 'kysely';
import type { DB } from './schema.ts';

/**
 * A read inside a transaction that will write the same row (read-merge-write, e.g. a PATCH):
 * PostgreSQL locks the row to commit (`FOR UPDATE`), so concurrent PATCHes apply one after the
 * other instead of losing each other's changes. SQLite: already one transaction at a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function forUpdate<Q extends SelectQueryBuilder<any, any, any>>(trx: Kysely<DB>, query: Q): Q {
  return trx.getExecutor().adapter instanceof PostgresAdapter ? (query.forUpdate() as Q) : query;
}
