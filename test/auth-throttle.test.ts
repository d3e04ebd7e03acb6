/**
 * Unknown API keys cannot flush valid keys out of the key cache, nor make the server look up keys
 * without bound: they are cached apart from valid keys, and counted per client address (429 past
 * the limit, before any database lookup) while valid keys from that address keep working.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiKey } from '../src/auth/api-keys.ts';
import { hashKey } from '../src/auth/key-format.ts';
import { KeyResolver, loadResolvedKey } from '../src/auth/key-resolver.ts';
import { ManualClock } from '../src/core/clock.ts';
import { expectError } from './domain-assertions.ts';
import { apiClient, type ApiClient, type SeededCompany, startTestServer, type TestServer } from './harness.ts';

const PROBE = '/v1/agents';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A well-formed key that was never issued. */
function randomKey(): string {
  return `sk_live_${Array.from(randomBytes(40), (b) => BASE62[b % 62]).join('')}`;
}

/** Every hash the key cache asked the database for, in order. */
function countingLookups() {
  const hashes: string[] = [];
  return {
    hashes,
    of: (plaintext: string) => hashes.filter((h) => h === hashKey(plaintext)).length,
    resolver: (options: { ttlMs?: number; maxKnown?: number; maxUnknown?: number }) => (db: Parameters<typeof loadResolvedKey>[0]) =>
      new KeyResolver(db, {
        ...options,
        load: (hash) => {
          hashes.push(hash);
          return loadResolvedKey(db, hash);
        },
      }),
  };
}

describe('a flood of unknown keys cannot evict a valid key from the cache', () => {
  const lookups = countingLookups();
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => {
    // Small caches, and answers that stay fresh for the whole test: a valid key's second database
    // lookup can then only mean that the cache dropped it.
    server = await startTestServer({ keys: lookups.resolver({ ttlMs: 3_600_000, maxKnown: 4, maxUnknown: 8 }) });
    acme = await server.company('Acme');
  });
  afterAll(() => server.close());

  it('the valid key is still answered from the cache after more unknown keys than the cache holds', async () => {
    expect((await acme.api('GET', PROBE)).status).toBe(200);
    expect(lookups.of(acme.key)).toBe(1);
    for (let i = 0; i < 40; i++) expectError(await apiClient(server.baseUrl, randomKey())('GET', PROBE), 401, 'INVALID_API_KEY');
    expect(server.deps.keys.sizes().unknown).toBeLessThanOrEqual(8);
    expect((await acme.api('GET', PROBE)).status).toBe(200);
    expect(lookups.of(acme.key), 'the valid key was looked up again: the flood evicted it').toBe(1);
  });

  it('valid keys are bounded too: past the bound the least recently looked-up one goes first', async () => {
    const keys = [];
    for (let i = 0; i < 5; i++) keys.push(await server.companyKey(acme.id));
    for (const key of keys) expect((await key.api('GET', PROBE)).status).toBe(200);
    expect(server.deps.keys.sizes().known).toBe(4);
    const first = keys[0] as (typeof keys)[number];
    const last = keys[4] as (typeof keys)[number];
    expect((await last.api('GET', PROBE)).status).toBe(200);
    expect(lookups.of(last.key)).toBe(1);
    expect((await first.api('GET', PROBE)).status).toBe(200);
    expect(lookups.of(first.key), 'the oldest valid key was dropped and looked up again').toBe(2);
  });
});

describe('unknown and malformed keys are limited per client address', () => {
  const LIMIT = 5;
  const clock = new ManualClock();
  const lookups = countingLookups();
  let server: TestServer;
  let acme: SeededCompany;
  let v6: { server: Server; client: (key?: string) => ApiClient };
  beforeAll(async () => {
    server = await startTestServer({ clock, env: { AUTH_FAILURES_PER_MINUTE: String(LIMIT) }, keys: lookups.resolver({}) });
    acme = await server.company('Acme');
    // A second listener on the IPv6 loopback into the same app: another client address.
    const listener = createServer((req, res) => server.app.routing(req, res));
    await new Promise<void>((resolve) => listener.listen(0, '::1', resolve));
    v6 = { server: listener, client: (key) => apiClient(`http://[::1]:${(listener.address() as AddressInfo).port}`, key) };
  });
  afterAll(async () => {
    await new Promise((resolve) => v6.server.close(resolve));
    await server.close();
  });

  const unknown = () => apiClient(server.baseUrl, randomKey())('GET', PROBE);
  const malformed = () => server.anonymous('GET', PROBE, { headers: { authorization: 'Bearer sk_live_tooShort' } });

  it('past the limit: 429 with Retry-After and no lookup; a known key from the same address still works; another address is not affected', async () => {
    const unseenValid = await server.companyKey(acme.id); // issued, but not yet presented to this process
    expect((await acme.api('GET', PROBE)).status).toBe(200);
    const repeated = randomKey();
    expectError(await apiClient(server.baseUrl, repeated)('GET', PROBE), 401, 'INVALID_API_KEY');
    for (let i = 1; i < LIMIT - 1; i++) expectError(await unknown(), 401, 'INVALID_API_KEY');
    expectError(await malformed(), 401, 'INVALID_API_KEY');

    const lookedUp = lookups.hashes.length;
    for (const res of [await unknown(), await malformed(), await apiClient(server.baseUrl, repeated)('GET', PROBE)]) {
      const error = expectError(res, 429, 'RATE_LIMITED');
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBe(error.details.retryAfter);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect(lookups.hashes.length, 'a throttled unknown key reached the database').toBe(lookedUp);

    expect((await acme.api('GET', PROBE)).status, 'a known key from the throttled address').toBe(200);
    expectError(await server.anonymous('GET', PROBE), 401, 'INVALID_API_KEY'); // no key at all: never counted, never throttled
    expectError(await v6.client(randomKey())('GET', PROBE), 401, 'INVALID_API_KEY'); // ::1 has its own count
    // The price of looking nothing up: a key this process has never seen waits like an unknown one.
    expectError(await unseenValid.api('GET', PROBE), 429, 'RATE_LIMITED');

    clock.advance(60_000);
    expectError(await unknown(), 401, 'INVALID_API_KEY');
    expect((await unseenValid.api('GET', PROBE)).status).toBe(200);
  });

  it('revoked keys are known rows: refused with 401, not counted', async () => {
    clock.advance(60_000);
    const key = await server.companyKey(acme.id);
    await revokeApiKey(server.deps.database.db, clock, key.keyId);
    for (let i = 0; i < LIMIT * 2; i++) expectError(await key.api('GET', PROBE), 401, 'INVALID_API_KEY');
    expectError(await unknown(), 401, 'INVALID_API_KEY');
  });
});
