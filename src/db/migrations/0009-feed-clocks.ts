import type { Kysely, Migration } from 'kysely';

/**
 * One clock per feed (a company, the company list, an ATS key's webhooks): the latest time a
 * write transaction of that feed took. Every write transaction takes its feed's clock first
 * (`src/db/feed-clock.ts`), so the `updatedSince` feeds never see times out of commit order.
 */
export const feedClocks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('feed_clocks')
      .addColumn('feed', 'text', (c) => c.primaryKey())
      .addColumn('stamp', 'text', (c) => c.notNull())
      .execute();
  },
};
