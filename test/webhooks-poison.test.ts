/**
 * A webhook header Node cannot send must never take a server process down (issue 11). The schema
 * refuses such headers now, but a database written before that may hold them: these tests put one
 * in by SQL, as such a database would, and run real server processes on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/core/clock.ts';
import { newId } from '../src/core/ids.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { fanOutEvent } from '../src/webhooks/record-event.ts';
import { startWebhookReceiver, type WebhookReceiver } from './fakes/webhook-receiver.ts';
import { type ApiClient, type FreshDatabase, freshDatabase, testDatabaseKind } from './harness.ts';
import { randomKey, type ServerProcess, startServerProcess } from './process-harness.ts';
import { createWebhookAt, eventually, interviewData } from './webhook-helpers.ts';

describe(`a poisonous webhook header (${testDatabaseKind})`, () => {
  let receiver: WebhookReceiver;
  let fresh: FreshDatabase;
  let database: Database;
  const key = randomKey();
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    for (const server of servers) await server.kill('SIGKILL');
    await database?.close();
    await fresh?.drop();
    await receiver.close();
  });

  const start = async () => {
    const server = await startServerProcess(fresh.url, { env: { INTERVIEWD_BOOTSTRAP_KEY: key } });
    servers.push(server);
    return server;
  };

  /**
   * Proves the process outlived any timer an attempt of the poisoned webhook (timeoutMs 1000) may
   * have left behind: a ping to a healthy receiver that answers after 1.5 s keeps the server busy
   * past that deadline (Node runs due timers before it reads the answer), then /healthz.
   */
  const stillServing = async (server: ServerProcess, api: ApiClient, healthyId: string) => {
    const ping = await api('POST', `/v1/webhooks/${healthyId}/test`);
    expect(ping.status, ping.text).toBe(200);
    expect(ping.body.success, ping.text).toBe(true);
    expect((await api('GET', '/healthz')).status).toBe(200);
    expect(server.child.exitCode, server.stderr()).toBeNull();
    expect(server.stderr()).not.toMatch(/TypeError|uncaught/i);
  };

  let poisonedId = '';
  let healthyId = '';
  let companyId = '';

  it('POST …/test on a stored header Node refuses answers 200 with success:false and the reason; the server keeps answering', async () => {
    const server = await start();
    const api = server.api(key);
    companyId = (await api('GET', '/v1/company')).body.data[0].id;
    const poisoned = await createWebhookAt(api, receiver.endpoint(), { events: ['interview.started', 'ping'], timeoutMs: 1000, maxRetries: 0, headers: [{ name: 'X-Tenant', value: 'acme' }] });
    const healthy = await createWebhookAt(api, receiver.endpoint({ respond: () => ({ status: 200, delayMs: 1500 }) }), { events: ['ping'], timeoutMs: 10_000 });
    poisonedId = poisoned.id;
    healthyId = healthy.id;
    database = openDatabase(fresh.url, { poolSize: 2 });
    await database.db.updateTable('webhooks').set({ headers: JSON.stringify([{ name: 'X-Tenant', value: 'acme €' }]) }).where('id', '=', poisonedId).execute();

    const res = await api('POST', `/v1/webhooks/${poisonedId}/test`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ success: false, httpStatus: null });
    expect(res.body.message).toMatch(/X-Tenant/);
    await stillServing(server, api, healthyId);
    const [ping] = (await api('GET', `/v1/webhooks/${poisonedId}/deliveries`)).body.data;
    expect(ping.attempts).toMatchObject([{ trigger: 'TEST', statusCode: null, error: expect.stringMatching(/X-Tenant/) }]);
  }, 120_000);

  it('a queued delivery to that webhook, found by a restarted server, is attempted and recorded as failed; the process stays up', async () => {
    expect(poisonedId, 'runs after the test above').not.toBe('');
    await servers.at(-1)?.kill('SIGKILL');
    // Committed while no server runs: the next one to start finds it queued.
    const interviewId = newId();
    const [deliveryId] = await database.db.transaction().execute((trx) =>
      fanOutEvent(trx, systemClock, { type: 'interview.started', companyId, interviewId, data: interviewData(companyId, interviewId) }),
    );
    expect(deliveryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const server = await start();
    const api = server.api(key);
    const delivery = await eventually(
      async () => {
        const row = await database.db.selectFrom('webhookDeliveries').selectAll().where('id', '=', deliveryId as string).executeTakeFirstOrThrow();
        return row.status === 'FAILED' ? row : null;
      },
      30_000,
      'the delivery recorded as FAILED',
    );
    expect(delivery).toMatchObject({ attemptCount: 1, lastStatusCode: null, lastError: expect.stringMatching(/X-Tenant/) });
    await stillServing(server, api, healthyId);
    // The failure counts like any other: the circuit sees it.
    expect((await api('GET', `/v1/webhooks/${poisonedId}`)).body.consecutiveFailures).toBe(1);
    const logged = (await api('GET', `/v1/webhooks/${poisonedId}/deliveries`, { query: { event: 'interview.started' } })).body.data;
    expect(logged).toMatchObject([{ id: deliveryId, status: 'FAILED', attempts: [{ trigger: 'AUTOMATIC', error: expect.stringMatching(/X-Tenant/) }] }]);
  }, 120_000);
});
