import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { grantCompany, revokeApiKey } from '../auth/api-keys.ts';
import { expectError, expectNotFound, expectValidation } from '../../test/domain-assertions.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { createWebhookAt, emit, eventually } from '../../test/webhook-helpers.ts';
import { sendDelivery } from './sender.ts';
import { generateSecret, signatureHeaders } from './signing.ts';
import { forbiddenAddress, unsafeTargetReason } from './ssrf-guard.ts';

describe('webhooks: SSRF guard', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' } });
    receiver = await startWebhookReceiver();
    acme = await server.company('Acme');
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('refuses http and private, loopback, link-local and metadata targets at create, naming url', async () => {
    const refused = [
      'http://127.0.0.1/hook',
      'http://hooks.example.com/plain-http',
      'https://127.0.0.1/hook',
      'https://127.8.9.10:8443/hook',
      'https://10.1.2.3/hook',
      'https://172.16.0.1/hook',
      'https://172.31.255.254/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://169.254.10.10/hook',
      'https://0.0.0.0/hook',
      'https://[::1]/hook',
      'https://[fe80::1]/hook',
      'https://[fc00::1]/hook',
      'https://[fd12:3456::1]/hook',
      'https://[fd00:ec2::254]/latest',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[::ffff:a9fe:a9fe]/hook',
      'https://2130706433/hook',
      'https://0x7f.0.0.1/hook',
      'https://localhost/hook',
    ];
    for (const url of refused) {
      const error = expectValidation(await acme.api('POST', '/v1/webhooks', { body: { url, events: ['ping'] } }), 'url');
      expect(error.message, url).toMatch(/^url: (must use https|points to|resolves to)/);
    }
    expect((await acme.api('GET', '/v1/webhooks')).body.total).toBe(0);
    // A public address is fine (nothing is sent at create).
    const ok = await acme.api('POST', '/v1/webhooks', { body: { url: 'https://93.184.215.14/hook', events: ['ping'] } });
    expect(ok.status, ok.text).toBe(201);
    expectValidation(await acme.api('PATCH', `/v1/webhooks/${ok.body.id}`, { body: { url: 'https://169.254.169.254/' } }), 'url');
    expect((await acme.api('GET', `/v1/webhooks/${ok.body.id}`)).body.url).toBe('https://93.184.215.14/hook');
  });

  it('checks again at delivery time: a stored private target is never called', async () => {
    const endpoint = receiver.endpoint();
    const company = await server.company();
    const webhook = await createWebhookAt(company.api, endpoint, { url: 'https://93.184.215.14/hook' });
    // As if it had been created while private targets were allowed.
    await server.deps.database.db.updateTable('webhooks').set({ url: endpoint.url }).where('id', '=', webhook.id).execute();
    const test = await company.api('POST', `/v1/webhooks/${webhook.id}/test`);
    expect(test.body).toMatchObject({ success: false, httpStatus: null });
    expect(test.body.message).toMatch(/refused/);
    await emit(server.deps.database, { companyId: company.id });
    const delivery = await eventually(async () => {
      const log = await company.api('GET', `/v1/webhooks/${webhook.id}/deliveries`, { query: { event: 'interview.started' } });
      return log.body.data[0]?.attempts.length > 0 ? log.body.data[0] : null;
    });
    expect(delivery.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/refused/) });
    expect(endpoint.received).toHaveLength(0);
  });

  it('classifies addresses', () => {
    for (const ip of ['10.0.0.1', '127.0.0.1', '169.254.169.254', '172.20.1.1', '192.168.0.1', '0.0.0.0', '100.64.0.1', '::1', '::', 'fe80::abcd', 'fc00::1', 'fd00:ec2::254', '::ffff:10.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '224.0.0.1']) {
      expect(forbiddenAddress(ip), ip).not.toBeNull();
    }
    for (const ip of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808']) expect(forbiddenAddress(ip), ip).toBeNull();
    expect(forbiddenAddress('169.254.169.254')).toMatch(/metadata/);
    expect(forbiddenAddress('fd00:ec2::254')).toMatch(/metadata/);
  });

  it('refuses a name when any of its addresses is forbidden (create and delivery)', async () => {
    const resolve = async (host: string) =>
      host === 'rebind.example'
        ? [
            { address: '93.184.215.14', family: 4 },
            { address: '127.0.0.1', family: 4 },
          ]
        : [{ address: '93.184.215.14', family: 4 }];
    expect(await unsafeTargetReason('https://rebind.example/x', false, resolve)).toMatch(/loopback/);
    expect(await unsafeTargetReason('https://fine.example/x', false, resolve)).toBeNull();
    expect(await unsafeTargetReason('https://rebind.example/x', true, resolve)).toBeNull();
    // A name that does not resolve yet is accepted: deliveries check again.
    expect(await unsafeTargetReason('https://nowhere.invalid/x', false, async () => Promise.reject(new Error('ENOTFOUND')))).toBeNull();

    const endpoint = receiver.endpoint();
    const outcome = await sendDelivery(
      { url: `https://rebind.example:${receiver.port}${endpoint.path}`, headers: [], secret: generateSecret(), timeoutMs: 2000 },
      crypto.randomUUID(),
      '{}',
      new Date(),
      { allowPrivate: false, resolve: async () => [{ address: '127.0.0.1', family: 4 }] },
    );
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(outcome.error).toMatch(/refused: rebind\.example resolves to a loopback address/);
    expect(endpoint.received).toHaveLength(0);
  });
});

describe('webhooks: signatures and tenancy', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    server = await startTestServer();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('signs exactly as the standardwebhooks library does', () => {
    const secret = generateSecret();
    const at = new Date();
    const body = JSON.stringify({ event: 'ping', data: { é: 'ü' } });
    const headers = signatureHeaders(secret, 'msg_1', at, body);
    expect(headers['webhook-signature']).toBe(new StandardWebhook(secret).sign('msg_1', at, body));
    expect(new StandardWebhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new StandardWebhook(secret).verify(body.replace('ping', 'pong'), headers)).toThrow();
    expect(() => new StandardWebhook(generateSecret()).verify(body, headers)).toThrow();
  });

  it('a company key never sees another company\'s webhooks or deliveries', async () => {
    const a = await server.company('A');
    const b = await server.company('B');
    const endpoint = receiver.endpoint();
    const hookA = await createWebhookAt(a.api, endpoint);
    const [deliveryId] = await emit(server.deps.database, { companyId: a.id });
    await endpoint.waitForAccepted(1);
    expectNotFound(await b.api('GET', `/v1/webhooks/${hookA.id}`), hookA.id);
    expectNotFound(await b.api('PATCH', `/v1/webhooks/${hookA.id}`, { body: { name: 'taken' } }), hookA.id);
    expectNotFound(await b.api('DELETE', `/v1/webhooks/${hookA.id}`), hookA.id);
    expectNotFound(await b.api('POST', `/v1/webhooks/${hookA.id}/test`), hookA.id);
    expectNotFound(await b.api('POST', `/v1/webhooks/${hookA.id}/reset-circuit`), hookA.id);
    expectNotFound(await b.api('GET', `/v1/webhooks/${hookA.id}/deliveries`), hookA.id);
    expectNotFound(await b.api('POST', `/v1/webhooks/${hookA.id}/deliveries/${deliveryId}/redeliver`), hookA.id);
    expect((await b.api('GET', '/v1/webhooks')).body.total).toBe(0);
    // ?companyId= is ignored for company keys.
    expect((await b.api('GET', '/v1/webhooks', { query: { companyId: a.id } })).body.total).toBe(0);
    // Naming another company in the body is refused.
    expectError(await b.api('POST', '/v1/webhooks', { body: { url: endpoint.url, events: ['ping'], companyId: a.id } }), 403, 'RESOURCE_ACCESS_DENIED');
    const own = await b.api('POST', '/v1/webhooks', { body: { url: endpoint.url, events: ['ping'], companyId: b.id } });
    expect(own.status).toBe(201);
    expect(own.body.companyId).toBe(b.id);
    // B's events never reach A's webhook: no delivery is even recorded (B's own listens to pings only).
    expect(await emit(server.deps.database, { companyId: b.id })).toEqual([]);
    expect(endpoint.received).toHaveLength(1);
    expect((await a.api('GET', `/v1/webhooks/${hookA.id}`)).body.name).toBeNull();
  });

  it('an ATS key: global webhooks cover every managed company (also later ones), per-company ones only theirs', async () => {
    const c1 = await server.company('C1');
    const c2 = await server.company('C2');
    const stranger = await server.company('Stranger');
    const ats = await server.atsKey([c1.id, c2.id]);
    const globalEp = receiver.endpoint();
    const c1Ep = receiver.endpoint();
    const global = await createWebhookAt(ats.api, globalEp);
    expect(global.companyId).toBeNull();
    const perCompany = await createWebhookAt(ats.api, c1Ep, { companyId: c1.id });
    expect(perCompany.companyId).toBe(c1.id);
    expectError(await ats.api('POST', '/v1/webhooks', { body: { url: c1Ep.url, events: ['ping'], companyId: stranger.id } }), 403, 'RESOURCE_ACCESS_DENIED');

    // Deliveries are recorded with the event: C1's go to both webhooks, C2's to the global one, the stranger's to none.
    expect(await emit(server.deps.database, { companyId: c1.id })).toHaveLength(2);
    expect(await emit(server.deps.database, { companyId: c2.id })).toHaveLength(1);
    expect(await emit(server.deps.database, { companyId: stranger.id })).toEqual([]);
    await globalEp.waitForAccepted(2);
    await c1Ep.waitForAccepted(1);
    expect(globalEp.received.map((d) => d.payload.data.companyId).sort()).toEqual([c1.id, c2.id].sort());
    expect(c1Ep.received.map((d) => d.payload.data.companyId)).toEqual([c1.id]);
    expect([...globalEp.received, ...c1Ep.received].every((d) => d.verified)).toBe(true);

    // A company granted later is covered by the global webhook at once.
    const c3 = await server.company('C3');
    await grantCompany(server.deps.database.db, server.deps.clock, ats.keyId, c3.id);
    await emit(server.deps.database, { companyId: c3.id });
    await globalEp.waitForAccepted(3);
    expect(globalEp.received[2]?.payload.data.companyId).toBe(c3.id);

    // Listing: everything of the key; ?companyId= filters; an unmanaged company is refused.
    const all = await ats.api('GET', '/v1/webhooks');
    expect(all.body.data.map((w: { id: string }) => w.id).sort()).toEqual([global.id, perCompany.id].sort());
    const filtered = await ats.api('GET', '/v1/webhooks', { query: { companyId: c1.id } });
    expect(filtered.body.data.map((w: { id: string }) => w.id)).toEqual([perCompany.id]);
    expectError(await ats.api('GET', '/v1/webhooks', { query: { companyId: stranger.id } }), 403, 'RESOURCE_ACCESS_DENIED');
    expectValidation(await ats.api('GET', '/v1/webhooks', { query: { companyId: 'nope' } }), 'companyId');

    // The ATS's webhooks are the ATS's: the company's own key does not see them, nor does another ATS key.
    expectNotFound(await c1.api('GET', `/v1/webhooks/${perCompany.id}`), perCompany.id);
    expect((await c1.api('GET', '/v1/webhooks')).body.total).toBe(0);
    const otherAts = await server.atsKey([c1.id]);
    expectNotFound(await otherAts.api('GET', `/v1/webhooks/${global.id}`), global.id);
    expectNotFound(await otherAts.api('GET', `/v1/webhooks/${global.id}/deliveries`), global.id);

    // A revoked key's webhooks receive nothing more.
    await revokeApiKey(server.deps.database.db, server.deps.clock, ats.keyId);
    expect(await emit(server.deps.database, { companyId: c1.id })).toHaveLength(0);
  });
});
