import { validateHeaderName, validateHeaderValue } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectNotFound, expectValidation } from '../../test/domain-assertions.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { createWebhookAt, emit } from '../../test/webhook-helpers.ts';
import { scopesWithout } from '../../test/tenancy-world.ts';
import { HEADER_NAME, HEADER_VALUE } from './schema.ts';

describe('webhooks: errors', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    receiver = await startWebhookReceiver();
    acme = await server.company('Acme');
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  const valid = () => ({ url: 'https://hooks.example.com/interviewd', events: ['interview.completed'] });
  const create = (body: unknown) => acme.api('POST', '/v1/webhooks', { body });

  it('refuses a body that breaks a field rule, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ events: ['ping'] }, 'url'],
      [{ ...valid(), url: 'ftp://hooks.example.com/x' }, 'url'],
      [{ ...valid(), url: 'not a url' }, 'url'],
      [{ ...valid(), url: `https://hooks.example.com/${'a'.repeat(2030)}` }, 'url'],
      [{ ...valid(), url: 42 }, 'url'],
      [{ url: valid().url }, 'events'],
      [{ ...valid(), events: [] }, 'events'],
      [{ ...valid(), events: 'ping' }, 'events'],
      [{ ...valid(), events: ['interview.exploded'] }, 'events.0'],
      [{ ...valid(), events: ['ping', 6] }, 'events.1'],
      [{ ...valid(), events: [-1] }, 'events.0'],
      [{ ...valid(), events: ['0'] }, 'events.0'],
      [{ ...valid(), events: [1.5] }, 'events.0'],
      [{ ...valid(), events: ['Interview.Started'] }, 'events.0'],
      [{ ...valid(), name: 'n'.repeat(256) }, 'name'],
      [{ ...valid(), name: '   ' }, 'name'],
      [{ ...valid(), description: 'd'.repeat(1001) }, 'description'],
      [{ ...valid(), companyId: 'not-a-uuid' }, 'companyId'],
      [{ ...valid(), headers: Array.from({ length: 51 }, (_, i) => ({ name: `X-H${i}`, value: 'v' })) }, 'headers'],
      [{ ...valid(), headers: [{ name: 'webhook-id', value: 'forged' }] }, 'headers.0.name'],
      [{ ...valid(), headers: [{ name: 'Content-Type', value: 'text/plain' }] }, 'headers.0.name'],
      [{ ...valid(), headers: [{ name: 'Host', value: 'evil.example' }] }, 'headers.0.name'],
      [{ ...valid(), headers: [{ name: 'Bad Name', value: 'v' }] }, 'headers.0.name'],
      [{ ...valid(), headers: [{ name: 'X-Split', value: 'a\r\nInjected: yes' }] }, 'headers.0.value'],
      [{ ...valid(), headers: [{ name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] }, 'headers.1.name'],
      [{ ...valid(), headers: [{ name: 'X-A' }] }, 'headers.0.value'],
      [{ ...valid(), headers: [{ name: 'X-A', value: '1', extra: true }] }, 'headers.0.extra'],
      [{ ...valid(), timeoutMs: 999 }, 'timeoutMs'],
      [{ ...valid(), timeoutMs: 30_001 }, 'timeoutMs'],
      [{ ...valid(), timeoutMs: '5000' }, 'timeoutMs'],
      [{ ...valid(), maxRetries: 11 }, 'maxRetries'],
      [{ ...valid(), maxRetries: -1 }, 'maxRetries'],
      [{ ...valid(), isActive: 'yes' }, 'isActive'],
      [{ ...valid(), secret: 'whsec_mine' }, 'secret'],
      [{ ...valid(), evnts: ['ping'] }, 'evnts'],
    ];
    for (const [body, path] of cases) expectValidation(await create(body), path);
    // A failed create creates nothing.
    expect((await acme.api('GET', '/v1/webhooks')).body.total).toBe(0);
  });

  it('PATCH checks the same rules and refuses fields it does not take', async () => {
    const webhook = await createWebhookAt(acme.api, receiver.endpoint());
    const patch = (body: unknown) => acme.api('PATCH', `/v1/webhooks/${webhook.id}`, { body });
    expectValidation(await patch({ events: [] }), 'events');
    expectValidation(await patch({ url: 'ftp://x.example.com' }), 'url');
    expectValidation(await patch({ companyId: acme.id }), 'companyId');
    expectValidation(await patch({ signingSecret: 'whsec_x' }), 'signingSecret');
    expectValidation(await patch({ isActive: null }), 'isActive');
    expectValidation(await patch({ headers: null }), 'headers');
    const unchanged = await acme.api('GET', `/v1/webhooks/${webhook.id}`);
    const { signingSecret: _s, ...asCreated } = webhook;
    expect(unchanged.body).toEqual(asCreated);
  });

  it('refuses, on create and PATCH, a header that Node could not send, naming the field', async () => {
    const webhook = await createWebhookAt(acme.api, receiver.endpoint());
    const patch = (body: unknown) => acme.api('PATCH', `/v1/webhooks/${webhook.id}`, { body });
    const unsendable = ['€', '5 €', 'a\u0001b', '\u007f', 'x\u0000', 'emoji 😀', 'Ā', '\u2028', 'tab\u000bvertical'];
    for (const value of unsendable) {
      expectValidation(await create({ ...valid(), headers: [{ name: 'X-Ok', value: 'fine' }, { name: 'X-Bad', value }] }), 'headers.1.value');
      expectValidation(await patch({ headers: [{ name: 'X-Bad', value }] }), 'headers.0.value');
    }
    for (const name of ['X-€', 'X\u0001', 'X:Y', '']) expectValidation(await patch({ headers: [{ name, value: 'v' }] }), 'headers.0.name');
    expect((await acme.api('GET', `/v1/webhooks/${webhook.id}`)).body.headers).toEqual([]);
    // What Node sends is accepted: tab, space, visible ASCII and Latin-1 (sent as single bytes).
    const sendable = [{ name: 'X-Latin-1', value: 'café\tÿ ~' }, { name: 'X-Empty', value: '' }];
    expect((await patch({ headers: sendable })).body.headers).toEqual(sendable);
  });

  it("the header rules are exactly Node's: every UTF-16 code unit is accepted by one iff by the other", () => {
    const nodeAccepts = (check: () => void) => {
      try {
        check();
        return true;
      } catch {
        return false;
      }
    };
    const disagreements: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const text = `a${String.fromCharCode(unit)}b`;
      if (HEADER_VALUE.test(text) !== nodeAccepts(() => validateHeaderValue('x-test', text))) disagreements.push(`value U+${unit.toString(16)}`);
      if (HEADER_NAME.test(text) !== nodeAccepts(() => validateHeaderName(text))) disagreements.push(`name U+${unit.toString(16)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('answers 404 for unknown ids and 400 for malformed ones, on every route', async () => {
    const unknown = crypto.randomUUID();
    const webhook = await createWebhookAt(acme.api, receiver.endpoint());
    expectNotFound(await acme.api('GET', `/v1/webhooks/${unknown}`), unknown);
    expectNotFound(await acme.api('PATCH', `/v1/webhooks/${unknown}`, { body: { name: 'x' } }), unknown);
    expectNotFound(await acme.api('DELETE', `/v1/webhooks/${unknown}`), unknown);
    expectNotFound(await acme.api('POST', `/v1/webhooks/${unknown}/test`), unknown);
    expectNotFound(await acme.api('POST', `/v1/webhooks/${unknown}/reset-circuit`), unknown);
    expectNotFound(await acme.api('GET', `/v1/webhooks/${unknown}/deliveries`), unknown);
    expectNotFound(await acme.api('POST', `/v1/webhooks/${unknown}/deliveries/${unknown}/redeliver`), unknown);
    expectNotFound(await acme.api('POST', `/v1/webhooks/${webhook.id}/deliveries/${unknown}/redeliver`), unknown);
    expectValidation(await acme.api('GET', '/v1/webhooks/not-a-uuid'), 'id');
    expectValidation(await acme.api('POST', `/v1/webhooks/${webhook.id}/deliveries/nope/redeliver`), 'deliveryId');
    expectValidation(await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`, { query: { status: 'LOST' } }), 'status');
    expectValidation(await acme.api('GET', `/v1/webhooks/${webhook.id}/deliveries`, { query: { limit: 101 } }), 'limit');
    expectValidation(await acme.api('GET', '/v1/webhooks', { query: { page: 0 } }), 'page');
  });

  it('a delivery of another webhook is not found through this one', async () => {
    const endpoint = receiver.endpoint();
    const company = await server.company();
    const first = await createWebhookAt(company.api, endpoint);
    const second = await createWebhookAt(company.api, receiver.endpoint(), { events: ['analysis.failed'] });
    const [deliveryId] = await emit(server.deps.database, { companyId: company.id });
    await endpoint.waitForAccepted(1);
    expectNotFound(await company.api('POST', `/v1/webhooks/${second.id}/deliveries/${deliveryId}/redeliver`), deliveryId);
    expect((await company.api('POST', `/v1/webhooks/${first.id}/deliveries/${deliveryId}/redeliver`)).status).toBe(202);
  });

  it('refuses to redeliver while the webhook is paused (409)', async () => {
    const endpoint = receiver.endpoint();
    const company = await server.company();
    const webhook = await createWebhookAt(company.api, endpoint);
    const [deliveryId] = await emit(server.deps.database, { companyId: company.id });
    await endpoint.waitForAccepted(1);
    await company.api('PATCH', `/v1/webhooks/${webhook.id}`, { body: { isActive: false } });
    const res = await company.api('POST', `/v1/webhooks/${webhook.id}/deliveries/${deliveryId}/redeliver`);
    expect(expectError(res, 409, 'CONFLICT').message).toMatch(/paused/);
  });

  it('needs write:webhooks to change and read:webhooks to read', async () => {
    const webhook = await createWebhookAt(acme.api, receiver.endpoint());
    const readOnly = await server.companyKey(acme.id, { scopes: ['read:webhooks'] });
    const noRead = await server.companyKey(acme.id, { scopes: scopesWithout('read:webhooks') });
    expect((await readOnly.api('GET', `/v1/webhooks/${webhook.id}`)).status).toBe(200);
    expect((await readOnly.api('GET', `/v1/webhooks/${webhook.id}/deliveries`)).status).toBe(200);
    for (const [method, path] of [
      ['POST', '/v1/webhooks'],
      ['PATCH', `/v1/webhooks/${webhook.id}`],
      ['DELETE', `/v1/webhooks/${webhook.id}`],
      ['POST', `/v1/webhooks/${webhook.id}/test`],
      ['POST', `/v1/webhooks/${webhook.id}/reset-circuit`],
      ['POST', `/v1/webhooks/${webhook.id}/deliveries/${crypto.randomUUID()}/redeliver`],
    ] as const) {
      const error = expectError(await readOnly.api(method, path, { body: method === 'DELETE' ? undefined : valid() }), 403, 'INSUFFICIENT_PERMISSIONS');
      expect(error.message).toContain('write:webhooks');
    }
    expectError(await noRead.api('GET', '/v1/webhooks'), 403, 'INSUFFICIENT_PERMISSIONS');
    expectError(await noRead.api('GET', `/v1/webhooks/${webhook.id}/deliveries`), 403, 'INSUFFICIENT_PERMISSIONS');
    expectError(await server.anonymous('GET', '/v1/webhooks'), 401, 'INVALID_API_KEY');
  });
});
