import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { type ApiClient, envelopeError, startTestServer, testDatabaseKind, type TestServer } from './harness.ts';

let counter = 0;
const idem = () => ({ 'idempotency-key': `idem-${Date.now()}-${++counter}` });

describe(`Idempotency-Key (${testDatabaseKind})`, () => {
  const clock = new ManualClock('2031-05-06T08:00:00.000Z');
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock });
  });
  afterAll(async () => server?.close());

  const total = async (api: ApiClient) => {
    const list = await api('GET', '/v1/agents', { query: { limit: 1 } });
    expect(list.status).toBe(200);
    return list.body.total as number;
  };

  it('the same key, body and path replays the first response without doing the work again', async () => {
    const { api } = await server.company();
    const headers = idem();
    const first = await api('POST', '/v1/agents', { body: { name: 'Once', questions: ['a', 'b'] }, headers });
    expect(first.status).toBe(201);
    clock.advance(5_000);
    const second = await api('POST', '/v1/agents', { body: { name: 'Once', questions: ['a', 'b'] }, headers });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.text).toBe(first.text);
    expect(await total(api)).toBe(1);
  });

  it('a 4xx answer replays too (and no later fix sneaks in under the same key)', async () => {
    const { api } = await server.company();
    const headers = idem();
    const first = await api('POST', '/v1/agents', { body: { name: 'x' }, headers });
    expect(first.status).toBe(400);
    expect(envelopeError(first).code).toBe('VALIDATION_ERROR');
    const second = await api('POST', '/v1/agents', { body: { name: 'x' }, headers });
    expect(second.status).toBe(400);
    expect(second.body).toEqual(first.body);
    expect(await total(api)).toBe(0);
  });

  it('bodies compare as parsed JSON: key order and whitespace do not matter', async () => {
    const { api } = await server.company();
    const headers = { ...idem(), 'content-type': 'application/json' };
    const first = await api('POST', '/v1/agents', { rawBody: '{"name":"Parsed","duration":20,"metadata":{"a":1,"b":[1,2]}}', headers });
    expect(first.status).toBe(201);
    const second = await api('POST', '/v1/agents', { rawBody: '{ "metadata" : { "b" : [ 1 , 2 ], "a" : 1 },\n  "duration": 20, "name": "Parsed" }', headers });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await total(api)).toBe(1);
    // An array's order is meaning, not formatting.
    const reordered = await api('POST', '/v1/agents', { body: { name: 'Parsed', duration: 20, metadata: { a: 1, b: [2, 1] } }, headers });
    expect(reordered.status).toBe(422);
    expect(envelopeError(reordered).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a different body or a different path answers 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const { api } = await server.company();
    const headers = idem();
    expect((await api('POST', '/v1/agents', { body: { name: 'Original' }, headers })).status).toBe(201);
    const otherBody = await api('POST', '/v1/agents', { body: { name: 'Different' }, headers });
    expect(otherBody.status).toBe(422);
    expect(envelopeError(otherBody).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherPath = await api('POST', '/v1/phone-numbers', { body: { name: 'Original' }, headers });
    expect(otherPath.status).toBe(422);
    expect(envelopeError(otherPath).code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The unprefixed twin is another path too.
    const unprefixed = await api('POST', '/agents', { body: { name: 'Original' }, headers });
    expect(unprefixed.status).toBe(422);
    expect(await total(api)).toBe(1);
  });

  it('keys are scoped per API key: another key with the same Idempotency-Key does its own work', async () => {
    const company = await server.company();
    const other = await server.companyKey(company.id);
    const headers = idem();
    const first = await company.api('POST', '/v1/agents', { body: { name: 'Scoped' }, headers });
    const second = await other.api('POST', '/v1/agents', { body: { name: 'Scoped' }, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(await total(company.api)).toBe(2);
  });

  it('concurrent requests with one key do the work once', async () => {
    const { api } = await server.company();
    for (let round = 0; round < 5; round++) {
      const headers = idem();
      const body = { name: `Concurrent ${round}` };
      const responses = await Promise.all(Array.from({ length: 6 }, () => api('POST', '/v1/agents', { body, headers })));
      const created = responses.filter((r) => r.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      // Every 201 is the same agent (the original or its replay); the rest are 409 CONFLICT.
      expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
      for (const r of responses) if (r.status !== 201) expect([r.status, envelopeError(r).code]).toEqual([409, 'CONFLICT']);
    }
    expect(await total(api)).toBe(5);
  });

  it('a 429 answer is not stored: the retry runs', async () => {
    clock.set('2031-05-06T08:00:30.000Z');
    const { id } = await server.company();
    const { api } = await server.companyKey(id, { rateLimitMinute: 1 });
    expect(await total(api)).toBe(0); // spends the minute
    const headers = idem();
    const refused = await api('POST', '/v1/agents', { body: { name: 'Later' }, headers });
    expect(refused.status).toBe(429);
    clock.advance(30_000);
    const retried = await api('POST', '/v1/agents', { body: { name: 'Later' }, headers });
    expect(retried.status).toBe(201);
    clock.advance(60_000);
    expect(await total(api)).toBe(1);
  });

  it('an Idempotency-Key of 256 characters is a 400; 255 is fine', async () => {
    const { api } = await server.company();
    const tooLong = await api('POST', '/v1/agents', { body: { name: 'Long key' }, headers: { 'idempotency-key': 'k'.repeat(256) } });
    expect(tooLong.status).toBe(400);
    expect(envelopeError(tooLong).code).toBe('VALIDATION_ERROR');
    expect(await total(api)).toBe(0);
    const longest = await api('POST', '/v1/agents', { body: { name: 'Long key' }, headers: { 'idempotency-key': 'k'.repeat(255) } });
    expect(longest.status).toBe(201);
  });

  it('after 24 h the key may be used again for new work', async () => {
    clock.set('2031-05-06T08:00:00.000Z');
    const { api } = await server.company();
    const headers = idem();
    const first = await api('POST', '/v1/agents', { body: { name: 'Day one' }, headers });
    expect(first.status).toBe(201);
    clock.advance(24 * 3600_000 - 1);
    const within = await api('POST', '/v1/agents', { body: { name: 'Day two' }, headers });
    expect(within.status).toBe(422);
    const replay = await api('POST', '/v1/agents', { body: { name: 'Day one' }, headers });
    expect(replay.body).toEqual(first.body);
    clock.advance(2);
    const later = await api('POST', '/v1/agents', { body: { name: 'Day two' }, headers });
    expect(later.status).toBe(201);
    expect(later.body.name).toBe('Day two');
    expect(await total(api)).toBe(2);
  });
});
