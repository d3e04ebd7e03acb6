import { type Kysely, type Migration, sql } from 'kysely';
import { listIndexes } from './list-indexes.ts';

/** Companies, API keys, phone numbers, agents, idempotency records, rate-limit counters. */
export const foundation: Migration = {
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
      .addColumn('minute_start', 'bigint', (c) => c.notNull())
      .addColumn('minute_used', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('hour_start', 'bigint', (c) => c.notNull())
      .addColumn('hour_used', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
