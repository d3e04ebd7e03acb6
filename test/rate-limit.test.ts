import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { RateLimiter } from '../src/rate-limit/rate-limiter.ts';
import { type ApiClient, type ApiResponse, envelopeError, type FreshDatabase, freshDatabase, startTestServer, testDatabaseKind, type TestServer } from './harness.ts';
import { seedCompanyKey, type ServerProcess, sleep, startServerProcess } from './process-harness.ts';

const HEADERS = ['limit-minute', 'limit-hour', 'remaining-minute', 'remaining-hour', 'reset-minute', 'reset-hour'] as const;

function rate(response: ApiResponse): Record<(typeof HEADERS)[number], number> {
  const out = {} as Record<(typeof HEADERS)[number], number>;
  for (const name of HEADERS) {
    const raw = response.headers.get(`x-ratelimit-${name}`);
    expect(raw, `X-RateLimit-${name} on a ${response.status}`).toMatch(/^\d+$/);
    out[name] = Number(raw);
  }
  return out;
}

/** Asserts a §3.4 refusal and returns its Retry-After. */
function expectRateLimited(response: ApiResponse): number {
  expect(response.status).toBe(429);
  const error = envelopeError(response);
  expect(error.code).toBe('RATE_LIMITED');
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(error.details.retryAfter).toBe(Number(retryAfter));
  return Number(retryAfter);
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe(`rate limits, one process, injected clock (${testDatabaseKind})`, () => {
  // 30.5 s into a minute, 10:xx of an hour: the windows' ends are known exactly.
  const clock = new ManualClock('2031-03-04T10:17:30.500Z');
  const minuteEnd = seconds(new Date('2031-03-04T10:18:00.000Z'));
  const hourEnd = seconds(new Date('2031-03-04T11:00:00.000Z'));
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_PER_HOUR: '50' } });
  });
  afterAll(async () => server?.close());

  const succeed = async (api: ApiClient) => {
    const response = await api('GET', '/v1/agents');
    expect(response.status, response.text).toBe(200);
    return response;
  };

  it('admits exactly N per minute, then 429 with Retry-After, until the minute rolls over', async () => {
    clock.set('2031-03-04T10:17:30.500Z');
    const { id } = await server.company();
    const { api } = await server.companyKey(id, { rateLimitMinute: 5 });
    for (let i = 0; i < 5; i++) {
      const headers = rate(await succeed(api));
      expect(headers).toEqual({ 'limit-minute': 5, 'limit-hour': 50, 'remaining-minute': 4 - i, 'remaining-hour': 49 - i, 'reset-minute': minuteEnd, 'reset-hour': hourEnd });
    }
    for (let i = 0; i < 3; i++) {
      const refused = await api('GET', '/v1/agents');
      expect(expectRateLimited(refused)).toBe(30);
      expect(rate(refused)).toMatchObject({ 'limit-minute': 5, 'remaining-minute': 0, 'remaining-hour': 45, 'reset-minute': minuteEnd });
    }
    // Any route, any method counts and is refused alike.
    expectRateLimited(await api('POST', '/v1/agents', { body: { name: 'Refused' } }));

    clock.set('2031-03-04T10:17:59.999Z');
    expect(expectRateLimited(await api('GET', '/v1/agents'))).toBe(1);
    clock.set('2031-03-04T10:18:00.000Z');
    const again = rate(await succeed(api));
    expect(again['remaining-minute']).toBe(4);
    expect(again['reset-minute']).toBe(minuteEnd + 60);
    // Refused requests were not counted against the hour either.
    expect(again['remaining-hour']).toBe(44);
  });

  it('a per-hour window: 429s do not count, the refusal waits for the next hour', async () => {
    clock.set('2031-03-04T10:17:30.500Z');
    const { id } = await server.company();
    const { api } = await server.companyKey(id, { rateLimitMinute: 3, rateLimitHour: 5 });
    for (let i = 0; i < 3; i++) await succeed(api);
    for (let i = 0; i < 10; i++) expectRateLimited(await api('GET', '/v1/agents'));

    clock.set('2031-03-04T10:18:10.000Z');
    const first = rate(await succeed(api));
    expect(first).toMatchObject({ 'limit-hour': 5, 'remaining-hour': 1, 'remaining-minute': 2 });
    await succeed(api);
    const refused = await api('GET', '/v1/agents');
    // The hour is spent: retry at 11:00:00, 41 min 50 s away.
    expect(expectRateLimited(refused)).toBe(hourEnd - seconds(clock.now()));
    expect(envelopeError(refused).details.window).toBe('hour');

    clock.set('2031-03-04T10:59:00.000Z');
    expectRateLimited(await api('GET', '/v1/agents'));
    clock.set('2031-03-04T11:00:00.000Z');
    expect(rate(await succeed(api))).toMatchObject({ 'remaining-hour': 4, 'reset-hour': hourEnd + 3600 });
  });

  it('every authenticated response carries the headers; unauthenticated ones do not count', async () => {
    clock.set('2031-03-04T10:17:30.500Z');
    const { id, api } = await server.company();
    const missing = await api('GET', '/v1/agents/01900000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(rate(missing)['remaining-minute']).toBe(3);
    const invalid = await api('POST', '/v1/agents', { body: { name: 'x' } });
    expect(invalid.status).toBe(400);
    expect(rate(invalid)['remaining-minute']).toBe(2);
    const created = await api('POST', '/v1/agents', { body: { name: 'Counted' } });
    expect(created.status).toBe(201);
    expect(rate(created)['remaining-minute']).toBe(1);
    expect(created.body.companyId).toBe(id);
  });

  it('the key limit wins over the company limit, which wins over the default', async () => {
    clock.set('2031-03-04T10:17:30.500Z');
    const exact = async (api: ApiClient, minute: number, hour: number) => {
      for (let i = 0; i < minute; i++) expect(rate(await succeed(api))).toMatchObject({ 'limit-minute': minute, 'limit-hour': hour });
      expectRateLimited(await api('GET', '/v1/agents'));
    };
    const plain = await server.company();
    await exact(plain.api, 4, 50); // RATE_LIMIT_PER_MINUTE / _PER_HOUR

    const limited = await server.company();
    await server.deps.database.db.updateTable('companies').set({ rateLimitMinute: 6, rateLimitHour: 40 }).where('id', '=', limited.id).execute();
    const companyDefault = await server.companyKey(limited.id);
    await exact(companyDefault.api, 6, 40);
    const own = await server.companyKey(limited.id, { rateLimitMinute: 2, rateLimitHour: 30 });
    await exact(own.api, 2, 30);
    const ownMinuteOnly = await server.companyKey(limited.id, { rateLimitMinute: 7 });
    await exact(ownMinuteOnly.api, 7, 40);
  });

  it('concurrent requests in one process: exactly N succeed', async () => {
    clock.set('2031-03-04T10:17:30.500Z');
    const { id } = await server.company();
    // Large enough that the limiter reserves several requests per database round trip.
    const { api } = await server.companyKey(id, { rateLimitMinute: 128, rateLimitHour: 10_000 });
    let next = 0;
    const statuses: number[] = [];
    const worker = async () => {
      while (next++ < 320) statuses.push((await api('GET', '/v1/agents')).status);
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    expect(statuses.filter((s) => s === 200).length).toBe(128);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true);
  });

  it('a process whose clock lags never reopens a window another process already moved on to', async () => {
    // Two limiters on one database stand for two processes; B's clock is 300 ms behind A's.
    const ahead = new RateLimiter(server.deps.database.db, new ManualClock('2031-03-04T10:18:00.200Z'));
    const behind = new RateLimiter(server.deps.database.db, new ManualClock('2031-03-04T10:17:59.900Z'));
    const limits = { minute: 3, hour: 1000 };
    const keyId = crypto.randomUUID();
    for (let i = 0; i < 3; i++) expect((await ahead.consume(keyId, limits)).allowed).toBe(true);
    expect((await ahead.consume(keyId, limits)).allowed).toBe(false);
    // The counters are in 10:18 now; B's request counts there (and the minute is spent).
    expect((await behind.consume(keyId, limits)).allowed).toBe(false);
    expect((await ahead.consume(keyId, limits)).allowed).toBe(false);
  });
});

/**
 * Runs `burst` (with a fresh key limited to `limit` per minute) inside one minute window of the
 * real clock: it starts with at least 15 s left in the minute, and is run again with a new key in
 * the rare case that its responses still straddle a boundary (a very slow machine).
 */
async function inOneMinute(databaseUrl: string, limit: number, burst: (key: string) => Promise<ApiResponse[]>): Promise<ApiResponse[]> {
  for (let attempt = 0; ; attempt++) {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 15_000) await sleep(left + 250);
    const { key } = await seedCompanyKey(databaseUrl, { rateLimitMinute: limit });
    const responses = await burst(key);
    const windows = new Set(responses.map((r) => r.headers.get('x-ratelimit-reset-minute')));
    if (windows.size === 1 || attempt === 2) {
      expect(windows.size, 'every response in one minute window').toBe(1);
      return responses;
    }
  }
}

describe.skipIf(testDatabaseKind !== 'postgres')('rate limits across two processes on one PostgreSQL database', () => {
  let fresh: FreshDatabase;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    fresh = await freshDatabase();
    servers = await Promise.all([startServerProcess(fresh.url), startServerProcess(fresh.url)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    await fresh?.drop();
  });

  const count = (responses: ApiResponse[], limit: number) => {
    for (const r of responses) if (r.status !== 200) expectRateLimited(r);
    expect(responses.filter((r) => r.status === 200).length).toBe(limit);
  };

  it('alternating requests: exactly N succeed in total', async () => {
    const responses = await inOneMinute(fresh.url, 10, async (key) => {
      const apis = servers.map((s) => s.api(key));
      const out: ApiResponse[] = [];
      for (let i = 0; i < 30; i++) out.push(await apis[i % 2]!('GET', '/v1/agents'));
      return out;
    });
    count(responses, 10);
    expect(responses.slice(0, 10).every((r) => r.status === 200)).toBe(true);
  }, 180_000);

  for (const limit of [12, 200]) {
    it(`concurrent requests over both processes: exactly ${limit} succeed in total`, async () => {
      const responses = await inOneMinute(fresh.url, limit, async (key) => {
        const apis = servers.map((s) => s.api(key));
        const total = Math.round(limit * 2.5);
        let next = 0;
        const out: ApiResponse[] = [];
        const worker = async () => {
          while (next < total) {
            const i = next++;
            out.push(await apis[i % 2]!('GET', '/v1/agents'));
          }
        };
        await Promise.all(Array.from({ length: 32 }, worker));
        return out;
      });
      count(responses, limit);
    }, 180_000);
  }
});
