import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { takeFeedClock, type TransactionClock } from './feed-clock.ts';
import type { DB } from './schema.ts';
import type { TenantScope } from './tenant-scope.ts';

export { TransactionClock } from './feed-clock.ts';

/** Work that must commit atomically with a request's own writes (the idempotency record). */
export type CommitHook = (trx: Kysely<DB>) => Promise<void>;

/**
 * Every write transaction of a service goes through here, so cross-cutting records that must
 * commit with the change (idempotency, the outbox) have one place to hook in. It first takes the
 * clock of the feed it writes (`src/db/feed-clock.ts`): `time` is the transaction's one time,
 * for every `createdAt`/`updatedAt` it writes, so `updatedSince` feeds follow commit order.
 */
export async function transact<T>(
  db: Kysely<DB>,
  clock: Clock,
  feed: string,
  hook: CommitHook | undefined,
  fn: (trx: Kysely<DB>, time: TransactionClock) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const time = await takeFeedClock(trx, feed, clock.now());
    const result = await fn(trx, time);
    if (hook) await hook(trx);
    return result;
  });
}

/** A write transaction of one company: its scope inside the transaction, and its time. */
export function companyTransaction<T>(
  clock: Clock,
  ctx: { scope: TenantScope; commitHook?: CommitHook | undefined },
  fn: (scope: TenantScope, time: TransactionClock) => Promise<T>,
): Promise<T> {
  return transact(ctx.scope.db, clock, ctx.scope.companyId, ctx.commitHook, (trx, time) => fn(ctx.scope.in(trx), time));
}
