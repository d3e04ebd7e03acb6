import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { ListQuery, Page } from '../http/pagination.ts';
import type { DB } from './schema.ts';

/*
 * `updatedSince` feeds are read by pollers that pass back the last `updatedAt` they saw. On
 * PostgreSQL two write transactions may commit in the other order than the one they took their
 * times in: a poller that saw the later time first would never see the earlier row. So every
 * write transaction first takes its feed's clock (`takeFeedClock`, from `transact`), and a read of
 * a feed (`readFeed`) waits for the writes in flight:
 *
 * - PostgreSQL: a writer holds its feed's advisory lock shared until it commits (writers never
 *   wait for each other, and commit together as before); a feed read takes it exclusively, so it
 *   starts after every writer in flight committed and no writer starts while it reads. Its rows
 *   are therefore all that will ever be written below their times: a writer that starts later
 *   takes the later of now and the feed's floor, which the read raised to the latest `updatedAt`
 *   it answered — so a clock that lags behind another process's does not write below it either.
 * - SQLite runs one write transaction at a time: a writer stores the later of its clock's last
 *   stamp and now, and takes that; a read needs nothing.
 *
 * Both take the feed's clock as a transaction's first lock, so no deadlock is added.
 */

/** The feed of the company list (`GET /v1/company`): every company row's writes. */
export const COMPANIES_FEED = 'companies';

/**
 * The time of one write transaction, taken from its feed's clock. A `Clock` that stands still, so
 * everything the transaction writes (and the code it calls) carries one instant.
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

function onPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The feed's advisory lock (PostgreSQL): two feeds that hash alike merely wait for each other. */
const feedLock = (feed: string) => sql`hashtextextended(${feed}, 0)`;

/** Takes the feed's clock for a write transaction (its first statement; `transact` does it). */
export async function takeFeedClock(trx: Kysely<DB>, feed: string, now: Date): Promise<TransactionClock> {
  const at = now.toISOString();
  if (onPostgres(trx)) {
    await sql`select pg_advisory_xact_lock_shared(${feedLock(feed)})`.execute(trx);
    // Read once the lock is held: a feed read that raised the floor meanwhile has committed.
    const { rows } = await sql<{ stamp: string }>`select stamp from feed_clocks where feed = ${feed}`.execute(trx);
    const floor = rows[0]?.stamp;
    return new TransactionClock(feed, floor !== undefined && floor > at ? floor : at);
  }
  const { rows } = await sql<{ stamp: string }>`
    insert into feed_clocks (feed, stamp) values (${feed}, ${at})
    on conflict (feed) do update set stamp = max(feed_clocks.stamp, excluded.stamp)
    returning stamp`.execute(trx);
  const stamp = rows[0]?.stamp;
  if (stamp === undefined) throw new Error(`the feed clock ${feed} answered no stamp`);
  return new TransactionClock(feed, stamp);
}

/** A page a poller may take its next `updatedSince` from: asked with `updatedSince`, or sorted by `updatedAt`. */
function isFeedRead(query: Pick<ListQuery, 'sort' | 'updatedSince'>): boolean {
  return query.updatedSince !== undefined || query.sort === 'updatedAt';
}

function latestUpdatedAt(page: Page<{ updatedAt: string }>): string | undefined {
  return page.data.reduce<string | undefined>((latest, item) => (latest === undefined || item.updatedAt > latest ? item.updatedAt : latest), undefined);
}

/**
 * Reads a page of the feed. A feed read on PostgreSQL waits for the feed's writes in flight and
 * holds new ones back while it reads, then raises the feed's floor to the latest `updatedAt` it
 * answers (see above); any other read, and every read on SQLite, just runs.
 */
export async function readFeed<T extends { updatedAt: string }>(
  db: Kysely<DB>,
  feed: string,
  query: Pick<ListQuery, 'sort' | 'updatedSince'>,
  read: (db: Kysely<DB>) => Promise<Page<T>>,
): Promise<Page<T>> {
  if (!isFeedRead(query) || !onPostgres(db)) return read(db);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ stamp: string | null }>`
      select pg_advisory_xact_lock(${feedLock(feed)}) as locked, (select stamp from feed_clocks where feed = ${feed}) as stamp`.execute(trx);
    const page = await read(trx);
    const latest = latestUpdatedAt(page);
    const floor = rows[0]?.stamp ?? null;
    if (latest !== undefined && (floor === null || latest > floor)) {
      await sql`
        insert into feed_clocks (feed, stamp) values (${feed}, ${latest})
        on conflict (feed) do update set stamp = greatest(feed_clocks.stamp, excluded.stamp)`.execute(trx);
    }
    return page;
  });
}
