import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from './schema.ts';

/** The feed of the company list (`GET /v1/company`): every company row's writes. */
export const COMPANIES_FEED = 'companies';

/**
 * The time of one write transaction: the stamp it took from its feed's clock. A `Clock` that
 * stands still, so everything the transaction writes (and the code it calls) carries one instant.
 */
export class TransactionClock implements Clock {
  constructor(
    /** The feed whose clock the transaction holds (a company id for company data). */
    readonly feed: string,
    /** ISO 8601, as stored. */
    readonly at: string,
  ) {}

  now(): Date {
    return new Date(this.at);
  }
}

/**
 * Takes the feed's clock: the later of its last stamp and `now`, stored and answered. Call it as
 * the first statement of a write transaction (`transact` does).
 *
 * Why: `updatedSince` feeds are read by pollers that pass back the last `updatedAt` they saw. On
 * PostgreSQL two transactions may commit in the other order than the one they took their times
 * in; a poller that saw the later time first would never see the earlier row. The upsert holds
 * the clock row's lock until commit, so a feed's write transactions commit one after the other,
 * each with a stamp not behind any committed before it (even if the process clocks differ or step
 * back). SQLite runs one write transaction at a time anyway. Being every transaction's first
 * lock, it adds no deadlock.
 */
export async function takeFeedClock(trx: Kysely<DB>, feed: string, now: Date): Promise<TransactionClock> {
  const later = sql.raw(trx.getExecutor().adapter instanceof PostgresAdapter ? 'greatest' : 'max');
  const { rows } = await sql<{ stamp: string }>`
    insert into feed_clocks (feed, stamp) values (${feed}, ${now.toISOString()})
    on conflict (feed) do update set stamp = ${later}(feed_clocks.stamp, excluded.stamp)
    returning stamp`.execute(trx);
  const stamp = rows[0]?.stamp;
  if (stamp === undefined) throw new Error(`the feed clock ${feed} answered no stamp`);
  return new TransactionClock(feed, stamp);
}
