import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * Migrations live in code, in order; the key is the version. Never edit one that has shipped:
 * add a new one. Column types are the portable subset (text, integer).
 */
const migrations: Record<string, Migration> = {
  '0001_foundation': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('companies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('owner_email', 'text')
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('monthly_minutes', 'integer')
        .addColumn('rate_limit_minute', 'integer')
        .addColumn('rate_limit_hour', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('company_id', 'text', (c) => c.references('companies.id'))
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('key_prefix', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('is_test', 'integer', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('allowed_ips', 'text')
        .addColumn('rate_limit_minute', 'integer')
        .addColumn('rate_limit_hour', 'integer')
        .addColumn('revoked_at', 'text')
        .addColumn('suspended_at', 'text')
        .addColumn('suspend_reason', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_key_companies')
        .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id'))
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('api_key_companies_pk', ['api_key_id', 'company_id'])
        .execute();

      await db.schema
        .createTable('phone_numbers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('capabilities', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('number_type', 'text', (c) => c.notNull())
        .addColumn('location', 'text')
        .addColumn('custom', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      // A number belongs to one live registration in the whole deployment.
      await db.schema
        .createIndex('phone_numbers_live_number')
        .on('phone_numbers')
        .column('number')
        .unique()
        .where(sql.ref('deleted_at'), 'is', null)
        .execute();
      await listIndexes(db, 'phone_numbers');

      await db.schema
        .createTable('agents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('focus', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('duration', 'integer', (c) => c.notNull())
        .addColumn('questions', 'text', (c) => c.notNull())
        .addColumn('instructions', 'text')
        .addColumn('voice_id', 'text')
        .addColumn('company_phone_number_id', 'text', (c) => c.references('phone_numbers.id'))
        .addColumn('cefr_level', 'text')
        .addColumn('background_sound', 'text', (c) => c.notNull())
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      await listIndexes(db, 'agents');

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('api_key_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer')
        .addColumn('response_body', 'text')
        .addColumn('locked_until', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['api_key_id', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();

      await db.schema
        .createTable('rate_limit_counters')
        .addColumn('api_key_id', 'text', (c) => c.primaryKey())
        .addColumn('minute_start', 'integer', (c) => c.notNull())
        .addColumn('minute_used', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('hour_start', 'integer', (c) => c.notNull())
        .addColumn('hour_used', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
};

/** The list endpoints page by (company, createdAt|updatedAt, id): one index each. */
async function listIndexes(db: Kysely<unknown>, table: string): Promise<void> {
  await db.schema.createIndex(`${table}_company_created`).on(table).columns(['company_id', 'created_at', 'id']).execute();
  await db.schema.createIndex(`${table}_company_updated`).on(table).columns(['company_id', 'updated_at', 'id']).execute();
}

// Any fixed number: the advisory lock that serialises migrations across processes on PostgreSQL.
const MIGRATION_LOCK_ID = 7_310_421;

/**
 * Brings the schema to the latest version. Safe when several processes start together: on
 * PostgreSQL they queue on an advisory lock, so exactly one runs each migration; on SQLite the
 * database file is written by one process (see README).
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return withStartupLock(database, async () => {
    const db = database.db as unknown as Kysely<unknown>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  });
}

/** Runs `fn` while holding the cross-process start-up lock (migrations, bootstrap). */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'sqlite') return fn();
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(conn);
    }
  });
}
