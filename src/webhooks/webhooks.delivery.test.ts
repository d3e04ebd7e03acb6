import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { createWebhookAt, emit, eventually } from '../../test/webhook-helpers.ts';
import { webhookBackoffMs } from './delivery.ts';

/**
 * Retries, back-off, the circuit, pausing and deleting. Time is a ManualClock started at the real
 * time: retries become due only when a test moves it (signature timestamps stay within the
 * receiver's 5-minute tolerance, so every delivery is still verified).
 */
describe('webhooks: delivery, retries and the circuit', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let company: SeededCompany;
  const clock = new ManualClock();
  beforeAll(async () => {
    server = await startTestServer({ clock });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });
  beforeEach(async () => {
    clock.set(new Date());
    company = await server.company();
  });

  const db = () => server.deps.database.db;
  const deliveries = (webhookId: string) => db().selectFrom('webhookDeliveries').selectAll().where('webhookId', '=', webhookId).orderBy('createdAt').orderBy('id').execute();
  const attemptsOf = (deliveryId: string) => db().selectFrom('webhookAttempts').selectAll().where('deliveryId', '=', deliveryId).orderBy('number').execute();
  const taskOf = (deliveryId: string) => db().selectFrom('queueTasks').selectAll().where('payload', 'like', `%${deliveryId}%`).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  const webhook = async (id: string) => (await company.api('GET', `/v1/webhooks/${id}`)).body;

  it('backs off from under 10 s, doubling with jitter up to an hour', () => {
    for (let attempt = 1; attempt <= 30; attempt++) {
      const step = Math.min(3_600_000, 10_000 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const delay = webhookBackoffMs(attempt);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
    expect(webhookBackoffMs(1)).toBeLessThanOrEqual(10_000);
  });

  it('a receiver that is down, then up: delivered on a retry after the back-off', async () => {
    const endpoint = receiver.endpoint();
    const hook = await createWebhookAt(company.api, endpoint);
    await receiver.down();
    let deliveryId: string;
    try {
      [deliveryId] = (await emit(server.deps.database, { companyId: company.id }, clock)) as [string];
      const failed = await eventually(async () => (await attemptsOf(deliveryId))[0]);
      expect(failed).toMatchObject({ number: 1, statusCode: null, error: 'connection refused' });
      const task = await eventually(async () => {
        const t = await taskOf(deliveryId);
        return t.status === 'PENDING' && t.attempts === 1 ? t : null;
      });
      const gap = new Date(task.runAt).getTime() - clock.now().getTime();
      expect(gap).toBeGreaterThanOrEqual(5_000);
      expect(gap).toBeLessThanOrEqual(10_000);
      expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'PENDING', attemptCount: 1, lastError: 'connection refused' });
    } finally {
      await receiver.up();
    }
    // Not due yet: a round of the queue (one that waits for whatever it claims) sends nothing
    // until the clock passes the retry time.
    expect(await server.deps.queue.runOnce()).toBe(0);
    expect(endpoint.received).toHaveLength(0);
    expect(await taskOf(deliveryId)).toMatchObject({ status: 'PENDING', attempts: 1 });
    clock.advance(10_000);
    const [got] = await endpoint.waitForAccepted(1);
    expect(got?.verified).toBe(true);
    const [row] = await eventually(async () => {
      const rows = await deliveries(hook.id);
      return rows[0]?.status === 'DELIVERED' ? rows : null;
    });
    expect(row).toMatchObject({ attemptCount: 2, lastStatusCode: 200, lastError: null });
    expect((await attemptsOf(row!.id)).map((a) => [a.number, a.statusCode, a.error])).toEqual([
      [1, null, 'connection refused'],
      [2, 200, null],
    ]);
    expect((await webhook(hook.id)).consecutiveFailures).toBe(0);
  });

  it('gives up after maxRetries retries and keeps later events of the interview in order', async () => {
    let failingId = '';
    const endpoint = receiver.endpoint({ respond: (d) => (!d.verified ? 401 : d.id === failingId ? 500 : 200) });
    const hook = await createWebhookAt(company.api, endpoint, { maxRetries: 2 });
    const interviewId = crypto.randomUUID();
    const [first] = (await emit(server.deps.database, { type: 'interview.started', companyId: company.id, interviewId }, clock)) as [string];
    failingId = first;
    const [second] = (await emit(server.deps.database, { type: 'interview.completed', companyId: company.id, interviewId }, clock)) as [string];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await endpoint.waitForReceived(attempt);
      await eventually(async () => (await attemptsOf(first)).length === attempt);
      clock.advance(10_000 * 2 ** (attempt - 1));
    }
    const rows = await eventually(async () => {
      const r = await deliveries(hook.id);
      return r[0]?.status === 'FAILED' ? r : null;
    });
    expect(rows[0]).toMatchObject({ id: first, attemptCount: 3, lastStatusCode: 500 });
    await eventually(async () => (await taskOf(first)).status === 'DEAD');
    // The next event of the same interview waited for the first to finish, and was never sent before it.
    await endpoint.waitForAccepted(1);
    expect(endpoint.received.map((d) => d.id)).toEqual([first, first, first, second]);
    expect(endpoint.received.every((d) => d.verified)).toBe(true);
    await eventually(async () => (await webhook(hook.id)).consecutiveFailures === 0);
  });

  it('times out a slow receiver after timeoutMs', async () => {
    const endpoint = receiver.endpoint({ respond: () => ({ status: 200, delayMs: 3000 }) });
    const hook = await createWebhookAt(company.api, endpoint, { timeoutMs: 1000 });
    const res = await company.api('POST', `/v1/webhooks/${hook.id}/test`);
    expect(res.body).toMatchObject({ success: false, httpStatus: null });
    expect(res.body.message).toMatch(/timed out after 1000 ms/);
    expect(res.body.durationMs).toBeGreaterThanOrEqual(950);
    expect(res.body.durationMs).toBeLessThan(2500);
  });

  it('opens the circuit after 10 failed attempts in a row; reset-circuit re-arms it', async () => {
    let status = 500;
    const endpoint = receiver.endpoint({ respond: (d) => (d.verified ? status : 401) });
    const hook = await createWebhookAt(company.api, endpoint, { maxRetries: 0 });
    for (let i = 0; i < 9; i++) await emit(server.deps.database, { companyId: company.id }, clock);
    await endpoint.waitForReceived(9);
    await eventually(async () => (await webhook(hook.id)).consecutiveFailures === 9);
    expect((await webhook(hook.id)).isActive).toBe(true);
    await emit(server.deps.database, { companyId: company.id }, clock);
    const opened = await eventually(async () => {
      const w = await webhook(hook.id);
      return w.isActive === false ? w : null;
    });
    expect(opened).toMatchObject({ isActive: false, consecutiveFailures: 10, circuitOpenedAt: clock.now().toISOString() });
    expect(endpoint.received.every((d) => d.verified)).toBe(true);

    // While open, events are not recorded for it; a ping still goes out (and does not count).
    expect(await emit(server.deps.database, { companyId: company.id }, clock)).toHaveLength(0);
    status = 200;
    expect((await company.api('POST', `/v1/webhooks/${hook.id}/test`)).body.success).toBe(true);
    expect((await webhook(hook.id)).isActive).toBe(false);

    const reset = await company.api('POST', `/v1/webhooks/${hook.id}/reset-circuit`);
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body).toMatchObject({ isActive: true, circuitOpenedAt: null, consecutiveFailures: 0 });
    const before = endpoint.accepted().length;
    const [deliveryId] = await emit(server.deps.database, { companyId: company.id }, clock);
    const got = await endpoint.waitForAccepted(before + 1);
    expect(got.at(-1)?.id).toBe(deliveryId);
    expect(got.at(-1)?.verified).toBe(true);
  });

  it('holds retries due while the circuit is open and resumes them, in order, on reset', async () => {
    let status = 500;
    const endpoint = receiver.endpoint({ respond: (d) => (d.verified ? status : 401) });
    const hook = await createWebhookAt(company.api, endpoint, { maxRetries: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(...(await emit(server.deps.database, { companyId: company.id }, clock)));
    await endpoint.waitForReceived(5);
    await eventually(async () => (await webhook(hook.id)).consecutiveFailures === 5);
    clock.advance(10_000);
    await endpoint.waitForReceived(10);
    await eventually(async () => (await webhook(hook.id)).isActive === false);
    // The third attempts come due with the circuit open: they are parked, not sent.
    clock.advance(20_000);
    await eventually(async () => (await deliveries(hook.id)).every((d) => d.status === 'PARKED'));
    expect(endpoint.received).toHaveLength(10);
    const parked = await company.api('GET', `/v1/webhooks/${hook.id}/deliveries`, { query: { status: 'PARKED' } });
    expect(parked.body.total).toBe(5);

    status = 200;
    const reset = await company.api('POST', `/v1/webhooks/${hook.id}/reset-circuit`);
    expect(reset.body.isActive).toBe(true);
    await endpoint.waitForAccepted(5);
    expect(endpoint.accepted().map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(endpoint.received.every((d) => d.verified)).toBe(true);
    await eventually(async () => (await deliveries(hook.id)).every((d) => d.status === 'DELIVERED'));
  });

  it('isActive:false pauses (nothing recorded or sent) and isActive:true resumes', async () => {
    const endpoint = receiver.endpoint();
    const hook = await createWebhookAt(company.api, endpoint);
    const paused = await company.api('PATCH', `/v1/webhooks/${hook.id}`, { body: { isActive: false } });
    expect(paused.body).toMatchObject({ isActive: false, circuitOpenedAt: null });
    expect(await emit(server.deps.database, { companyId: company.id }, clock)).toHaveLength(0);
    const resumed = await company.api('PATCH', `/v1/webhooks/${hook.id}`, { body: { isActive: true } });
    expect(resumed.body.isActive).toBe(true);
    const [deliveryId] = await emit(server.deps.database, { companyId: company.id }, clock);
    const [got] = await endpoint.waitForAccepted(1);
    expect(got?.id).toBe(deliveryId);
    expect(endpoint.received).toHaveLength(1);
  });

  it('DELETE drops pending deliveries: nothing is sent after it', async () => {
    const endpoint = receiver.endpoint({ respond: (d) => (d.verified ? 503 : 401) });
    const hook = await createWebhookAt(company.api, endpoint);
    for (let i = 0; i < 3; i++) await emit(server.deps.database, { companyId: company.id }, clock);
    await endpoint.waitForReceived(3);
    await eventually(async () => (await deliveries(hook.id)).every((d) => d.attemptCount === 1));
    expect((await company.api('DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(204);
    expect((await deliveries(hook.id)).map((d) => d.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    endpoint.respond = () => 200;
    clock.advance(3_600_000);
    // Every retry comes due and its task ends without sending: once all are DONE, nothing is left to send.
    const rows = await deliveries(hook.id);
    for (const row of rows) await eventually(async () => (await taskOf(row.id)).status === 'DONE');
    expect(endpoint.received).toHaveLength(3);
    expect((await deliveries(hook.id)).map((d) => d.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await emit(server.deps.database, { companyId: company.id }, clock)).toHaveLength(0);
  });
});
