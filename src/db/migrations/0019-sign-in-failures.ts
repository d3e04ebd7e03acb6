import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in failures counted in the database, so the per-account and per-address limits of §15 hold
 * across every process of a deployment (counted in memory, N processes gave an attacker N times
 * the guesses). One row per counted key — a SHA-256 of the account or the address group, never the
 * text typed — with its one-minute window; rows whose window ended are deleted as others are counted.
 */
export const signInFailures: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sign_in_failures')
      .addColumn('key_hash', 'text', (c) => c.primaryKey())
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_failures_window').on('sign_in_failures').column('window_started_at').execute();
  },
};
