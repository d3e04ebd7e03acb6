/**
 * TRUST_PROXY: behind a reverse proxy, a key's allowedIps and the per-address limit of unknown
 * keys see the client's address from X-Forwarded-For, but only when the proxy is trusted; off
 * (the default) the header is ignored, since any client can write it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { expectError } from './domain-assertions.ts';
import { apiClient, type SeededCompany, startTestServer, type TestServer } from './harness.ts';

const PROBE = '/v1/agents';
const CLIENT = '203.0.113.7';
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

async function serverWith(trustProxy: string | undefined): Promise<{ server: TestServer; acme: SeededCompany }> {
  const server = await startTestServer({ env: { ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }), AUTH_FAILURES_PER_MINUTE: '2' } });
  return { server, acme: await server.company('Acme') };
}

describe.each([
  ['the loopback address', '127.0.0.1'],
  ['a CIDR and a range name', '10.0.0.0/8, loopback'],
  ['a hop count', '1'],
])('TRUST_PROXY set to %s: X-Forwarded-For from the proxy names the client', (_label, trustProxy) => {
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => ({ server, acme } = await serverWith(trustProxy)));
  afterAll(() => server.close());

  it("a key's allowedIps sees the forwarded address, not the proxy's", async () => {
    const allowed = await server.companyKey(acme.id, { allowedIps: [CLIENT] });
    expect((await allowed.api('GET', PROBE, from(CLIENT))).status).toBe(200);
    // Through a chain, the nearest untrusted hop is the client: what a client wrote first is not believed.
    expect((await allowed.api('GET', PROBE, from(`198.51.100.9, ${CLIENT}`))).status).toBe(200);
    expect(expectError(await allowed.api('GET', PROBE, from('198.51.100.1')), 403, 'RESOURCE_ACCESS_DENIED').message).toContain('198.51.100.1');
    expect(expectError(await allowed.api('GET', PROBE), 403, 'RESOURCE_ACCESS_DENIED').message).toContain('127.0.0.1');
    const proxyOnly = await server.companyKey(acme.id, { allowedIps: ['127.0.0.1'] });
    expectError(await proxyOnly.api('GET', PROBE, from(CLIENT)), 403, 'RESOURCE_ACCESS_DENIED');
  });

  it('unknown keys are counted per forwarded address', async () => {
    const unknown = (address: string) => apiClient(server.baseUrl, `sk_live_${'x'.repeat(40)}`)('GET', PROBE, from(address));
    expectError(await unknown(CLIENT), 401, 'INVALID_API_KEY');
    expectError(await unknown(CLIENT), 401, 'INVALID_API_KEY');
    expectError(await unknown(CLIENT), 429, 'RATE_LIMITED');
    expectError(await unknown('203.0.113.8'), 401, 'INVALID_API_KEY');
  });
});

describe('TRUST_PROXY off (the default): X-Forwarded-For is ignored', () => {
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => ({ server, acme } = await serverWith(undefined)));
  afterAll(() => server.close());

  it('allowedIps sees the connection address whatever the header says', async () => {
    const allowed = await server.companyKey(acme.id, { allowedIps: [CLIENT] });
    expect(expectError(await allowed.api('GET', PROBE, from(CLIENT)), 403, 'RESOURCE_ACCESS_DENIED').message).toContain('127.0.0.1');
    const loopback = await server.companyKey(acme.id, { allowedIps: ['127.0.0.1'] });
    expect((await loopback.api('GET', PROBE, from(CLIENT))).status).toBe(200);
  });

  it('unknown keys are counted per connection address, whatever the header says', async () => {
    const unknown = (address: string) => apiClient(server.baseUrl, `sk_live_${'y'.repeat(40)}`)('GET', PROBE, from(address));
    expectError(await unknown('203.0.113.1'), 401, 'INVALID_API_KEY');
    expectError(await unknown('203.0.113.2'), 401, 'INVALID_API_KEY');
    expectError(await unknown('203.0.113.3'), 429, 'RATE_LIMITED');
  });
});

describe('TRUST_PROXY values', () => {
  const parse = (value: string) => loadConfig({ DATABASE_URL: 'sqlite::memory:', TRUST_PROXY: value }, '/nonexistent/.env').trustProxy;
  it('false, true, a hop count or a list; anything else stops boot naming the variable', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }, '/nonexistent/.env').trustProxy).toBe(false);
    expect(parse('false')).toBe(false);
    expect(parse('true')).toBe(true);
    expect(parse('2')).toBe(2);
    expect(parse('127.0.0.1, 10.0.0.0/8,::1,fd00::/8,uniquelocal')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'uniquelocal']);
    for (const bad of ['yes', '10.0.0.0/33', '127.0.0.1,', 'proxy.example.com', '::1/129', '-1']) expect(() => parse(bad), bad).toThrow(/TRUST_PROXY/);
  });
});
