import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { createWebhookAt, emit, eventually } from '../../test/webhook-helpers.ts';
import { revokeApiKey, suspendApiKey } from '../auth/api-keys.ts';
import { ManualClock } from '../core/clock.ts';

const HOUR = 3_600_000;

/**
 * An ATS key's webhooks follow the key's state: revoked, suspended or expired, nothing is sent to
 * them — events raised meanwhile make no delivery, and deliveries already queued are parked when
 * their turn comes. A company's webhooks belong to the company, not to the key that made them.
 */
describe('webhooks: the owning key', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const clock = new ManualClock();
  beforeAll(async () => {
    server = await startTestServer({ clock });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  const db = () => server.deps.database.db;
  const status = async (deliveryId: string) => (await db().selectFrom('webhookDeliveries').select('status').where('id', '=', deliveryId).executeTakeFirstOrThrow()).status;

  const invalidations = {
    revoked: async (keyIds: string[]) => void (await Promise.all(keyIds.map((id) => revokeApiKey(db(), clock, id)))),
    suspended: async (keyIds: string[]) => void (await Promise.all(keyIds.map((id) => suspendApiKey(db(), clock, id, 'unpaid invoices')))),
    // The keys were made to expire an hour after their creation; the clock started an hour behind
    // the real time, so deliveries are signed with a time the receiver still accepts.
    expired: async () => void clock.advance(HOUR),
  };

  it.each(Object.keys(invalidations) as (keyof typeof invalidations)[])(
    'an ATS key that is %s: its queued delivery is parked, not sent; later events make none; the company webhook still receives',
    async (state) => {
      clock.set(new Date(Date.now() - (state === 'expired' ? HOUR : 0)));
      const expiresAt = state === 'expired' ? new Date(clock.now().getTime() + HOUR).toISOString() : null;
      const company = await server.company(undefined, { expiresAt });
      const ats = await server.atsKey([company.id], { expiresAt });
      const atsEndpoint = receiver.endpoint();
      const companyEndpoint = receiver.endpoint();
      const atsHook = await createWebhookAt(ats.api, atsEndpoint, { events: ['interview.started'] });
      const companyHook = await createWebhookAt(company.api, companyEndpoint, { events: ['interview.started'] });

      // Queued while the key is valid, not yet sent (the runner is held), then the key goes.
      await server.deps.queue.stop();
      let queued: string[];
      let later: string[];
      try {
        queued = await emit(server.deps.database, { companyId: company.id }, clock);
        expect(queued).toHaveLength(2);
        // The key that made the company webhook goes too: that webhook is the company's, not the key's.
        await invalidations[state]([ats.keyId, company.keyId]);
        later = await emit(server.deps.database, { companyId: company.id }, clock);
      } finally {
        server.deps.queue.start();
      }
      const deliveries = await db().selectFrom('webhookDeliveries').select(['id', 'webhookId']).where('id', 'in', [...queued, ...later]).execute();
      const atsDelivery = deliveries.find((d) => d.webhookId === atsHook.id && queued.includes(d.id))?.id as string;
      expect(deliveries.filter((d) => d.webhookId === atsHook.id), 'no delivery for the later event').toHaveLength(1);
      expect(later.map((id) => deliveries.find((d) => d.id === id)?.webhookId)).toEqual([companyHook.id]);

      await eventually(async () => (await status(atsDelivery)) === 'PARKED', 10_000, 'the ATS delivery parked');
      await companyEndpoint.waitForAccepted(2);
      for (const id of deliveries.filter((d) => d.webhookId === companyHook.id).map((d) => d.id)) {
        await eventually(async () => (await status(id)) === 'DELIVERED', 10_000, 'the company deliveries delivered');
      }
      expect(atsEndpoint.received).toEqual([]);
    },
  );
});
