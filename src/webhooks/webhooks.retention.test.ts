import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { DELIVERY_STATUSES } from './schema.ts';
import { newDeliveryRow } from './outbox.ts';
import { insertDeliveries } from './repository.ts';
import { DELIVERY_RETENTION_MS, purgeOldDeliveries } from './retention.ts';

describe('webhooks: delivery log retention', () => {
  let server: TestServer;
  const clock = new ManualClock('2030-01-01T00:00:00.000Z');
  beforeAll(async () => {
    server = await startTestServer({ clock });
  });
  afterAll(() => server.close());

  it('removes deliveries that will never be sent, parked ones included, with their attempts, 30 days after they were recorded', async () => {
    const db = server.deps.database.db;
    const company = await server.company();
    const webhook = (await company.api('POST', '/v1/webhooks', { body: { url: 'https://93.184.215.14/hook', events: ['ping'] } })).body;
    const byStatus = new Map<string, string>();
    for (const status of DELIVERY_STATUSES) {
      const row = { ...newDeliveryRow(clock, webhook, { type: 'ping', companyId: company.id, interviewId: null, data: {} }), status };
      await insertDeliveries(db, [row]);
      await db.insertInto('webhookAttempts').values({ id: newId(), deliveryId: row.id, number: 1, trigger: 'AUTOMATIC', attemptedAt: row.createdAt, statusCode: 500, latencyMs: 3, responseBody: 'nope', error: null }).execute();
      byStatus.set(status, row.id);
    }
    const left = async () => (await db.selectFrom('webhookDeliveries').select('status').where('webhookId', '=', webhook.id).orderBy('status').execute()).map((r) => r.status);
    const attempts = async () => (await db.selectFrom('webhookAttempts').select('deliveryId').where('deliveryId', 'in', [...byStatus.values()]).execute()).length;

    clock.advance(DELIVERY_RETENTION_MS - 1);
    expect(await purgeOldDeliveries(db, clock)).toBe(0);
    expect(await attempts()).toBe(DELIVERY_STATUSES.length);
    clock.advance(2);
    // A parked backlog a month old is not kept for a receiver that may never come back; a PENDING
    // delivery is still being worked on (its retries end within hours) and stays.
    expect(await purgeOldDeliveries(db, clock)).toBe(4);
    expect(await left()).toEqual(['PENDING']);
    expect(await attempts()).toBe(1);
  });
});
