import { type Kysely, type Migration } from 'kysely';

/**
 * Webhooks (§11): the subscriptions, one row per delivery (one event for one webhook, whose id is
 * the Standard Webhooks `webhook-id`) and one row per attempt (the delivery log). The work itself
 * is a `webhook.deliver` task in `queue_tasks`, enqueued in the transaction of the event.
 */
export const webhooks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Null: an ATS key's global webhook (every company the key manages, now and later).
      .addColumn('company_id', 'text', (c) => c.references('companies.id'))
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('ats_key_id', 'text', (c) => c.references('api_keys.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('description', 'text')
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('is_active', 'integer', (c) => c.notNull())
      .addColumn('timeout_ms', 'integer', (c) => c.notNull())
      .addColumn('max_retries', 'integer', (c) => c.notNull())
      .addColumn('circuit_opened_at', 'text')
      .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    // The two doors: a company's webhooks, an ATS key's webhooks (lists page by created/updated).
    await db.schema.createIndex('webhooks_company').on('webhooks').columns(['company_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('webhooks_ats_key').on('webhooks').columns(['ats_key_id', 'created_at', 'id']).execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id'))
      .addColumn('company_id', 'text')
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('interview_id', 'text')
      // The exact JSON body sent (every attempt sends the same bytes).
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempt_count', 'integer', (c) => c.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('webhook_deliveries_webhook_updated').on('webhook_deliveries').columns(['webhook_id', 'updated_at', 'id']).execute();
    await db.schema.createIndex('webhook_deliveries_status').on('webhook_deliveries').columns(['webhook_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('webhook_deliveries_created').on('webhook_deliveries').column('created_at').execute();

    await db.schema
      .createTable('webhook_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('attempted_at', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('latency_ms', 'integer', (c) => c.notNull())
      .addColumn('response_body', 'text')
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['delivery_id', 'number']).execute();
  },
};
