import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { createWebhookAt, emit, eventually, interviewData } from '../../test/webhook-helpers.ts';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FIELDS = ['id', 'url', 'name', 'description', 'events', 'companyId', 'headers', 'isActive', 'timeoutMs', 'maxRetries', 'circuitOpenedAt', 'consecutiveFailures', 'createdAt', 'updatedAt'].sort();

describe('webhooks: happy paths', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    receiver = await startWebhookReceiver();
  });
  // Each test in its own company: every company webhook receives every event of its company.
  beforeEach(async () => {
    acme = await server.company('Acme');
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('creates a webhook with defaults, shows the secret once and every field always', async () => {
    const endpoint = receiver.endpoint();
    const res = await acme.api('POST', '/v1/webhooks', { body: { url: endpoint.url, events: ['interview.completed'] } });
    expect(res.status, res.text).toBe(201);
    const created = res.body;
    expect(Object.keys(created).sort()).toEqual([...FIELDS, 'signingSecret'].sort());
    expect(created).toMatchObject({
      url: endpoint.url,
      name: null,
      description: null,
      events: ['interview.completed'],
      companyId: acme.id,
      headers: [],
      isActive: true,
      timeoutMs: 30000,
      maxRetries: 3,
      circuitOpenedAt: null,
      consecutiveFailures: 0,
    });
    expect(created.id).toMatch(UUID);
    expect(created.createdAt).toMatch(ISO_MS);
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.signingSecret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);

    const { signingSecret: _secret, ...withoutSecret } = created;
    const read = await acme.api('GET', `/v1/webhooks/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(withoutSecret);
    expect(read.text).not.toContain(created.signingSecret);
    const unprefixed = await acme.api('GET', `/webhooks/${created.id}`);
    expect(unprefixed.body).toEqual(withoutSecret);
    const list = await acme.api('GET', '/v1/webhooks', { query: { limit: 100 } });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('signingSecret');
    expect(list.body.data.find((w: { id: string }) => w.id === created.id)).toEqual(withoutSecret);
    const patched = await acme.api('PATCH', `/v1/webhooks/${created.id}`, { body: { name: 'Renamed' } });
    expect(patched.text).not.toContain('signingSecret');
  });

  it('accepts every spelling of an event and answers them dotted, once each', async () => {
    const endpoint = receiver.endpoint();
    const res = await acme.api('POST', '/v1/webhooks', {
      body: { url: endpoint.url, events: ['interview.started', 'INTERVIEW_COMPLETED', 0, 1, 2, 3, 4, 5, 'CALL_ATTEMPT_FAILED', 'interview.scheduled', 'INTERVIEW_CANCELLED', 'interview.started', 'ANALYSIS_COMPLETED'] },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.events).toEqual([
      'interview.started',
      'interview.completed',
      'analysis.completed',
      'analysis.failed',
      'ping',
      'interview.failed',
      'call_attempt.failed',
      'interview.scheduled',
      'interview.cancelled',
    ]);
    const patched = await acme.api('PATCH', `/v1/webhooks/${res.body.id}`, { body: { events: [5, 'PING'] } });
    expect(patched.status).toBe(200);
    expect(patched.body.events).toEqual(['interview.started', 'ping']);
  });

  it('PATCH changes what it names, replaces headers, and an empty PATCH changes nothing', async () => {
    const endpoint = receiver.endpoint();
    const created = await createWebhookAt(acme.api, endpoint, { name: 'First', description: 'Desc', headers: [{ name: 'X-One', value: '1' }, { name: 'X-Two', value: '2' }] });
    const empty = await acme.api('PATCH', `/v1/webhooks/${created.id}`, { body: {} });
    expect(empty.status).toBe(200);
    expect(empty.body.updatedAt).toBe(created.updatedAt);
    const res = await acme.api('PATCH', `/v1/webhooks/${created.id}`, { body: { headers: [{ name: 'X-Three', value: '3' }], timeoutMs: 5000, maxRetries: 0, description: null } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ name: 'First', description: null, headers: [{ name: 'X-Three', value: '3' }], timeoutMs: 5000, maxRetries: 0 });
    expect(res.body.updatedAt >= created.updatedAt).toBe(true);
    expect((await acme.api('GET', `/v1/webhooks/${created.id}`)).body).toEqual(res.body);
  });

  it('delivers an event signed per Standard Webhooks, with the §11 envelope and the custom headers', async () => {
    const endpoint = receiver.endpoint();
    const webhook = await createWebhookAt(acme.api, endpoint, { headers: [{ name: 'Authorization', value: 'Bearer receiver-token' }, { name: 'X-Tenant', value: 'acme' }] });
    const interviewId = crypto.randomUUID();
    const data = interviewData(acme.id, interviewId);
    const [deliveryId] = await emit(server.deps.database, { type: 'interview.started', companyId: acme.id, interviewId, data });
    const [got] = await endpoint.waitForAccepted(1);
    expect(got?.verified, got?.verifyError ?? '').toBe(true);
    expect(got?.id).toBe(deliveryId);
    expect(got?.payload).toEqual({ event: 'interview.started', timestamp: expect.stringMatching(ISO_MS), deliveryId, data });
    expect(got?.headers.authorization).toBe('Bearer receiver-token');
    expect(got?.headers['x-tenant']).toBe('acme');
    expect(got?.headers['content-type']).toBe('application/json');
    expect(Math.abs((got?.timestamp ?? 0) - Date.now() / 1000)).toBeLessThan(60);

    // The attempt is recorded right after the receiver answered.
    const log = await eventually(async () => {
      const res = await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`);
      return res.body.data[0]?.status === 'DELIVERED' ? res : null;
    });
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(1);
    const [delivery] = log.body.data;
    expect(delivery).toMatchObject({ id: deliveryId, webhookId: webhook.id, event: 'interview.started', status: 'DELIVERED', interviewId, companyId: acme.id, attemptCount: 1, lastStatusCode: 200, lastError: null });
    expect(delivery.payload).toEqual(got?.payload);
    expect(delivery.deliveredAt).toMatch(ISO_MS);
    expect(delivery.attempts).toEqual([
      { id: expect.any(String), number: 1, trigger: 'AUTOMATIC', attemptedAt: expect.stringMatching(ISO_MS), statusCode: 200, latencyMs: expect.any(Number), responseBody: 'ok', error: null },
    ]);
  });

  it('delivers only the events a webhook subscribed to, in order per interview', async () => {
    const endpoint = receiver.endpoint();
    await createWebhookAt(acme.api, endpoint, { events: ['interview.started', 'interview.completed', 'analysis.completed'] });
    const interviews = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const sequence = ['interview.started', 'interview.failed', 'interview.completed', 'analysis.completed'] as const;
    // A delivery is recorded with its event, for subscribed events only: none for interview.failed.
    const recorded: number[] = [];
    for (const type of sequence) for (const interviewId of interviews) recorded.push((await emit(server.deps.database, { type, companyId: acme.id, interviewId })).length);
    expect(recorded).toEqual([1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const got = await endpoint.waitForAccepted(9);
    expect(endpoint.received).toHaveLength(9);
    expect(got.every((d) => d.verified)).toBe(true);
    for (const interviewId of interviews) {
      expect(got.filter((d) => d.payload.data.interviewId === interviewId).map((d) => d.payload.event)).toEqual(['interview.started', 'interview.completed', 'analysis.completed']);
    }
  });

  it('POST …/test pings the receiver and reports the outcome, successful or not', async () => {
    let status = 200;
    const endpoint = receiver.endpoint({ respond: (d) => (d.verified ? status : 401) });
    const webhook = await createWebhookAt(acme.api, endpoint);
    const res = await acme.api('POST', `/v1/webhooks/${webhook.id}/test`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ success: true, deliveryId: expect.stringMatching(UUID), httpStatus: 200, durationMs: expect.any(Number), message: expect.any(String) });
    const [ping] = endpoint.received;
    expect(ping?.verified).toBe(true);
    expect(ping?.id).toBe(res.body.deliveryId);
    expect(ping?.payload).toMatchObject({ event: 'ping', deliveryId: res.body.deliveryId, data: { webhookId: webhook.id } });

    status = 503;
    const failed = await acme.api('POST', `/v1/webhooks/${webhook.id}/test`);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ success: false, httpStatus: 503 });
    expect(failed.body.message).toMatch(/503/);

    await receiver.endpoint(); // unrelated
    const nowhere = await createWebhookAt(acme.api, { ...endpoint, url: 'http://127.0.0.1:9/nothing-listens-here' });
    const refused = await acme.api('POST', `/v1/webhooks/${nowhere.id}/test`);
    expect(refused.body).toMatchObject({ success: false, httpStatus: null });
    expect(refused.body.message).toMatch(/connection refused/);

    // Pings are logged, and they never count towards the circuit.
    const log = await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`);
    expect(log.body.data.map((d: { event: string; status: string }) => [d.event, d.status])).toEqual([
      ['ping', 'FAILED'],
      ['ping', 'DELIVERED'],
    ]);
    expect(log.body.data[0].attempts[0]).toMatchObject({ trigger: 'TEST', statusCode: 503, responseBody: 'nope' });
    expect((await acme.api('GET', `/v1/webhooks/${webhook.id}`)).body.consecutiveFailures).toBe(0);
  });

  it('a receiver answering NUL (U+0000): /test and deliveries are recorded, the log shows U+FFFD in its place', async () => {
    const endpoint = receiver.endpoint({ respond: (d) => ({ status: d.verified ? 200 : 401, body: 'accepted\u0000 by\u0000\u0000us' }) });
    const webhook = await createWebhookAt(acme.api, endpoint);
    const res = await acme.api('POST', `/v1/webhooks/${webhook.id}/test`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ success: true, httpStatus: 200 });
    const [deliveryId] = await emit(server.deps.database, { companyId: acme.id });
    const delivered = await eventually(async () => {
      const log = await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`, { query: { event: 'interview.started' } });
      return log.body.data[0]?.status === 'DELIVERED' ? log.body.data[0] : null;
    });
    expect(delivered.id).toBe(deliveryId);
    const log = (await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`)).body.data;
    expect(log.map((d: { event: string; attempts: { responseBody: string }[] }) => [d.event, d.attempts.map((a) => a.responseBody)])).toEqual([
      ['interview.started', ['accepted\uFFFD by\uFFFD\uFFFDus']],
      ['ping', ['accepted\uFFFD by\uFFFD\uFFFDus']],
    ]);
  });

  it('lists deliveries newest first, paginated, each with its attempts and at most 2 KB of the answer', async () => {
    const big = 'é'.repeat(3000);
    const endpoint = receiver.endpoint({ respond: (d) => ({ status: d.verified ? 200 : 401, body: big }) });
    const webhook = await createWebhookAt(acme.api, endpoint);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(...(await emit(server.deps.database, { companyId: acme.id })));
    await endpoint.waitForAccepted(5);
    const deliveredAll = async () => (await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`, { query: { status: 'DELIVERED' } })).body.total === 5;
    for (let i = 0; i < 100 && !(await deliveredAll()); i++) await new Promise((r) => setTimeout(r, 20));
    const page1 = await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`, { query: { limit: 2 } });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 5, page: 1, limit: 2, totalPages: 3 });
    const all = [];
    for (let page = 1; page <= 3; page++) all.push(...(await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`, { query: { limit: 2, page } })).body.data);
    expect(all.map((d: { id: string }) => d.id)).toEqual([...ids].reverse());
    for (const delivery of all) {
      const [attempt] = delivery.attempts;
      expect(Buffer.byteLength(attempt.responseBody)).toBeLessThanOrEqual(2048);
      expect(Buffer.byteLength(attempt.responseBody)).toBeGreaterThan(2040);
      expect(big.startsWith(attempt.responseBody)).toBe(true);
    }
  });

  it('redelivers a delivery with the same webhook-id (202)', async () => {
    const endpoint = receiver.endpoint();
    const webhook = await createWebhookAt(acme.api, endpoint);
    const [deliveryId] = await emit(server.deps.database, { companyId: acme.id });
    await endpoint.waitForAccepted(1);
    const res = await acme.api('POST', `/v1/webhooks/${webhook.id}/deliveries/${deliveryId}/redeliver`);
    expect(res.status, res.text).toBe(202);
    expect(res.body).toMatchObject({ id: deliveryId, status: 'PENDING' });
    const [first, second] = await endpoint.waitForAccepted(2);
    expect(second?.id).toBe(deliveryId);
    expect(second?.body).toBe(first?.body);
    expect(second?.verified).toBe(true);
    let last: unknown;
    const delivery = await eventually(async () => {
      const log = await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`);
      last = log.body.data[0];
      return log.body.data[0].attempts.length === 2 && log.body.data[0].status === 'DELIVERED' ? log.body.data[0] : null;
    }, 5000).catch((error) => {
      throw new Error(`${(error as Error).message}: ${JSON.stringify(last)}`);
    });
    expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 2 });
    expect(delivery.attempts.map((a: { trigger: string; number: number }) => [a.number, a.trigger])).toEqual([
      [1, 'AUTOMATIC'],
      [2, 'REDELIVERY'],
    ]);
  });

  it('DELETE answers 204 and the webhook is gone', async () => {
    const webhook = await createWebhookAt(acme.api, receiver.endpoint());
    const res = await acme.api('DELETE', `/v1/webhooks/${webhook.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await acme.api('GET', `/v1/webhooks/${webhook.id}`)).status).toBe(404);
    expect((await acme.api('DELETE', `/v1/webhooks/${webhook.id}`)).status).toBe(404);
    expect((await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`)).status).toBe(404);
    const list = await acme.api('GET', '/v1/webhooks', { query: { limit: 100 } });
    expect(list.body.data.map((w: { id: string }) => w.id)).not.toContain(webhook.id);
  });
});
