/**
 * §3.1 keys: refusals (401), suspension, changes made in the database reaching every server
 * process within 1 s, allowed IPs, hashed storage, sandbox keys, and the key-less routes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey, suspendApiKey } from '../src/auth/api-keys.ts';
import { systemClock } from '../src/core/clock.ts';
import { type ApiClient, type ApiResponse, apiClient, envelopeError, type SeededCompany, startTestServer, type TestServer } from './harness.ts';
import { allTables, secondProcess } from './auth-helpers.ts';

let server: TestServer;
let acme: SeededCompany;
let v6: { server: Server; client: (key: string) => ApiClient };
beforeAll(async () => {
  server = await startTestServer();
  acme = await server.company('Acme');
  // A second listener on the IPv6 loopback into the same app: requests from ::1 over real HTTP.
  const listener = createServer((req, res) => server.app.routing(req, res));
  await new Promise<void>((resolve) => listener.listen(0, '::1', resolve));
  const base = `http://[::1]:${(listener.address() as AddressInfo).port}`;
  v6 = { server: listener, client: (key) => apiClient(base, key) };
});
afterAll(async () => {
  await new Promise((resolve) => v6.server.close(resolve));
  await server.close();
});

const PROBE = '/v1/agents';
const db = () => server.deps.database.db;

function expectRefused(res: ApiResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  const error = envelopeError(res);
  expect(error.code).toBe(code);
  return error;
}

describe('auth: refused keys answer 401 INVALID_API_KEY', () => {
  it('missing or malformed', async () => {
    const valid = acme.key;
    const headers = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      valid, // no scheme
      `Basic ${Buffer.from(`${valid}:`).toString('base64')}`,
      `Token ${valid}`,
      `Bearer ${valid.slice(0, 20)}`, // too short
      `Bearer sk_prod_${valid.slice(8)}`,
      `Bearer ${valid}!`,
      `Bearer ${valid} ${valid}`,
      `Bearer ${valid.replace('sk_live_', 'SK_LIVE_')}`,
    ];
    for (const authorization of headers) {
      const res = await server.anonymous('GET', PROBE, { headers: authorization === undefined ? {} : { authorization } });
      expectRefused(res, 401, 'INVALID_API_KEY');
    }
  });

  it('unknown (well-formed, never issued)', async () => {
    for (const key of [`sk_live_${'a'.repeat(40)}`, `sk_test_${'Z9'.repeat(20)}`, `${acme.key.slice(0, -1)}${acme.key.endsWith('A') ? 'B' : 'A'}`]) {
      expectRefused(await apiClient(server.baseUrl, key)('GET', PROBE), 401, 'INVALID_API_KEY');
    }
  });

  it('revoked', async () => {
    const key = await server.companyKey(acme.id);
    await revokeApiKey(db(), systemClock, key.keyId);
    expectRefused(await key.api('GET', PROBE), 401, 'INVALID_API_KEY');
  });

  it('expired, and works until then', async () => {
    const past = await server.companyKey(acme.id, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expectRefused(await past.api('GET', PROBE), 401, 'INVALID_API_KEY');
    const future = await server.companyKey(acme.id, { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await future.api('GET', PROBE)).status).toBe(200);
  });

  it('suspended answers 401 API_KEY_SUSPENDED with suspendedAt and reason', async () => {
    const key = await server.companyKey(acme.id);
    const suspended = await suspendApiKey(db(), systemClock, key.keyId, 'unpaid invoice');
    const error = expectRefused(await key.api('GET', PROBE), 401, 'API_KEY_SUSPENDED');
    expect(error.details.suspendedAt).toBe(suspended?.suspendedAt);
    expect(new Date(error.details.suspendedAt).toISOString()).toBe(error.details.suspendedAt);
    expect(error.details.reason).toBe('unpaid invoice');
  });

  it('the unprefixed twins refuse too', async () => {
    expectRefused(await server.anonymous('GET', '/agents'), 401, 'INVALID_API_KEY');
    expect((await acme.api('GET', '/agents')).status).toBe(200);
  });
});

describe('auth: changes made in the database reach every process within 1 s', () => {
  /** Polls until the key is refused on every client; returns the first refusal per client and the time taken. */
  async function timeToRefusal(clients: ApiClient[], change: () => Promise<unknown>) {
    for (const client of clients) expect((await client('GET', PROBE)).status).toBe(200); // cached as valid now
    await change();
    const started = Date.now();
    const refusals: ApiResponse[] = [];
    for (const client of clients) {
      let res = await client('GET', PROBE);
      while (res.status === 200 && Date.now() - started < 3000) {
        await new Promise((r) => setTimeout(r, 20));
        res = await client('GET', PROBE);
      }
      refusals.push(res);
    }
    return { refusals, elapsed: Date.now() - started };
  }

  let other: Awaited<ReturnType<typeof secondProcess>>;
  beforeAll(async () => {
    other = await secondProcess(server);
  });
  afterAll(() => other.close());

  it('revocation', async () => {
    const key = await server.companyKey(acme.id);
    const { refusals, elapsed } = await timeToRefusal([key.api, other.client(key.key)], () => revokeApiKey(db(), systemClock, key.keyId));
    for (const res of refusals) expectRefused(res, 401, 'INVALID_API_KEY');
    expect(elapsed).toBeLessThan(1000);
  });

  it('suspension', async () => {
    const key = await server.companyKey(acme.id);
    const { refusals, elapsed } = await timeToRefusal([key.api, other.client(key.key)], () => suspendApiKey(db(), systemClock, key.keyId, 'abuse report'));
    for (const res of refusals) expect(expectRefused(res, 401, 'API_KEY_SUSPENDED').details.reason).toBe('abuse report');
    expect(elapsed).toBeLessThan(1000);
  });

  it('expiry', async () => {
    const expiresAt = Date.now() + 1200;
    const key = await server.companyKey(acme.id, { expiresAt: new Date(expiresAt).toISOString() });
    const { refusals } = await timeToRefusal([key.api, other.client(key.key)], async () => undefined);
    for (const res of refusals) expectRefused(res, 401, 'INVALID_API_KEY');
    expect(Date.now() - expiresAt).toBeLessThan(1000);
  });
});

describe('auth: allowed IPs', () => {
  const cases: [string, string[], { v4: number; v6: number }][] = [
    ['a v4 address', ['127.0.0.1'], { v4: 200, v6: 403 }],
    ['a v4 CIDR', ['127.0.0.0/8'], { v4: 200, v6: 403 }],
    ['a v4 CIDR that excludes the caller', ['10.0.0.0/8'], { v4: 403, v6: 403 }],
    ['the v6 loopback', ['::1'], { v4: 403, v6: 200 }],
    ['a v6 CIDR', ['::1/128'], { v4: 403, v6: 200 }],
    ['a list that excludes 127.0.0.1', ['10.1.2.3', '192.168.0.0/16', '127.0.0.2', 'fe80::/10'], { v4: 403, v6: 403 }],
    ['a list that includes both loopbacks', ['10.1.2.3', '127.0.0.1', '::1'], { v4: 200, v6: 200 }],
  ];
  it.each(cases)('%s', async (_label, allowedIps, expected) => {
    const key = await server.companyKey(acme.id, { allowedIps });
    for (const [from, client, status] of [['127.0.0.1', key.api, expected.v4], ['::1', v6.client(key.key), expected.v6]] as const) {
      const res = await client('GET', PROBE);
      if (status === 200) expect(res.status, `from ${from}: ${res.text}`).toBe(200);
      else expect(expectRefused(res, 403, 'RESOURCE_ACCESS_DENIED').message, `from ${from}`).toContain(from);
    }
  });

  it('a key without a list is allowed from anywhere (control)', async () => {
    expect((await acme.api('GET', PROBE)).status).toBe(200);
    expect((await v6.client(acme.key)('GET', PROBE)).status).toBe(200);
  });
});

describe('auth: storage', () => {
  it('keeps only a hash: no column of any table holds the plaintext or its secret part', async () => {
    const key = await server.companyKey(acme.id);
    // Leave traces wherever a request can: lastUsedAt, rate-limit counters, idempotency records.
    await key.api('POST', '/v1/agents', { body: { name: 'Trace' }, headers: { 'idempotency-key': 'trace-1' } });
    await key.api('GET', PROBE);
    const secret = key.key.slice('sk_live_'.length);
    const { rows } = await sql<Record<string, unknown>>`select * from api_keys where id = ${key.keyId}`.execute(db());
    expect(rows).toHaveLength(1);
    for (const table of await allTables(server)) {
      const dump = JSON.stringify((await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db())).rows);
      expect(dump, `table ${table}`).not.toContain(secret.slice(-24));
    }
  });
});

describe('auth: sandbox keys and key-less routes', () => {
  it('sk_test_ keys work like live ones', async () => {
    const key = await server.companyKey(acme.id, { test: true });
    expect(key.key.startsWith('sk_test_')).toBe(true);
    expect((await key.api('GET', PROBE)).status).toBe(200);
    const created = await key.api('POST', PROBE, { body: { name: 'Sandboxed' } });
    expect(created.status, created.text).toBe(201);
  });

  it.each(['/healthz', '/readyz', '/v1/openapi.json', '/docs'])('%s needs no key, and ignores a bad one', async (path) => {
    for (const headers of [{}, { authorization: 'Bearer nonsense' }] as Record<string, string>[]) {
      const res = await server.anonymous('GET', path, { headers });
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
    }
  });
});
