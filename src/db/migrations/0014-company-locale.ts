import type { Kysely, Migration } from 'kysely';

/**
 * Contract §7 extensions: a company's `timezone` (IANA name) and `defaultLanguage` (an agent
 * language): the fallbacks for calling windows and for messages to unknown callers. Existing
 * companies get the contract's defaults.
 */
export const companyLocale: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('companies').addColumn('timezone', 'text', (c) => c.notNull().defaultTo('UTC')).execute();
    await db.schema.alterTable('companies').addColumn('default_language', 'text', (c) => c.notNull().defaultTo('EN')).execute();
  },
};
