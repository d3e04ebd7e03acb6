/**
 * The `updatedSince` feed misses nothing when write transactions commit out of the order of their
 * times (issue 11, point 9). T1 takes time t1 and is held open; T2 takes t2 > t1 and tries to
 * commit; a poller reads in between and passes back the last `updatedAt` it saw. Had it seen T2's
 * row without T1's, it would pass back t2 and never see T1's row (t1 < t2). Each company's writes
 * take its feed clock first, and a read of the feed waits for the writes in flight on PostgreSQL
 * (on SQLite one write transaction runs at a time anyway).
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { TenantScope } from '../src/db/tenant-scope.ts';
import { updateInterview } from '../src/interviews/service.ts';
import { fixtures } from '../src/interviews/interviews.test-helpers.ts';
import { type ApiResponse, startTestServer, type TestServer, testDatabaseKind } from './harness.ts';

const T0 = '2030-05-01T10:00:00.000Z';
const T1 = '2030-05-01T10:00:01.000Z';
const T2 = '2030-05-01T10:00:02.000Z';

type Item = { id: string; updatedAt: string; metadata: Record<string, unknown> };

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe(`updatedSince feed with writers committing out of order (${testDatabaseKind})`, () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it('a poller passing back the last updatedAt it saw sees both writes', async () => {
    const clock = new ManualClock(T0);
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    const acme = await server.company('Acme');
    const f = fixtures(acme.api);
    const a = (await f.plainInterview()).id as string;
    const b = (await f.plainInterview()).id as string;
    const db = server.deps.database.db;

    // T1: PATCH of interview A at t1, held open after its writes (before its commit).
    clock.set(T1);
    const reached = deferred();
    const release = deferred();
    const deps = { clock, publicUrl: server.deps.config.publicUrl, defaultMonthlyMinutes: 100000 };
    const holdOpen = async () => {
      reached.resolve();
      await release.promise;
    };
    const t1 = updateInterview(deps, { scope: new TenantScope(db, acme.id), commitHook: holdOpen }, a, { metadata: { writer: 'T1' } });
    await reached.promise;

    // T2: PATCH of interview B at t2 > t1, over HTTP, while T1 is open.
    clock.set(T2);
    let t2Answer: ApiResponse | null = null;
    const t2 = acme.api('PATCH', `/v1/interviews/${b}`, { body: { metadata: { writer: 'T2' } } }).then((res) => (t2Answer = res));

    const poll = async (since: string): Promise<Item[]> => {
      const res = await acme.api('GET', '/v1/interviews', { query: { updatedSince: since, sort: 'updatedAt', order: 'asc', limit: 100 } });
      expect(res.status, res.text).toBe(200);
      return res.body.data as Item[];
    };
    const seen: Item[] = [];
    let cursor = T0;
    const pollOnce = async () => {
      const page = await poll(cursor);
      seen.push(...page);
      for (const item of page) if (item.updatedAt > cursor) cursor = item.updatedAt;
    };

    if (testDatabaseKind === 'postgres') {
      // Each step goes on once the one before it has either answered or is waiting for a lock (for
      // T1): T2 first, then the poll, which thus reads while T1 is still open.
      const lockWaiters = async () =>
        Number((await sql<{ n: number }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db)).rows[0]?.n);
      await expect.poll(async () => t2Answer !== null || (await lockWaiters()) > 0, { timeout: 10_000, interval: 20 }).toBe(true);
      const waitingBefore = await lockWaiters();
      let polled = false;
      const first = pollOnce().then(() => (polled = true));
      await expect.poll(async () => polled || (await lockWaiters()) > waitingBefore, { timeout: 10_000, interval: 20 }).toBe(true);
      release.resolve();
      await first;
    } else {
      // SQLite runs one transaction at a time: the poll and T2 wait for T1 whatever the order.
      const first = pollOnce();
      release.resolve();
      await first;
    }
    await t1;
    await t2;
    expect(t2Answer!.status, t2Answer!.text).toBe(200);

    // The poller goes on from the last updatedAt it saw, and sees both writes.
    for (let round = 0; round < 3; round++) await pollOnce();
    const writers = (id: string) => seen.filter((item) => item.id === id).map((item) => item.metadata.writer);
    expect(writers(a), `seen: ${JSON.stringify(seen.map((i) => [i.id === a ? 'A' : 'B', i.updatedAt, i.metadata.writer ?? null]))}`).toContain('T1');
    expect(writers(b)).toContain('T2');

    // And the feed's times follow the commit order: T2's write is not before T1's.
    const final = await poll(T0);
    const stamp = (id: string) => final.find((item) => item.id === id)?.updatedAt ?? '';
    expect(stamp(b) >= stamp(a)).toBe(true);
  });

  it('a writer whose clock lags behind what a poller saw does not write below it', async () => {
    const clock = new ManualClock(T2);
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    const acme = await server.company('Acme');
    const f = fixtures(acme.api);
    const a = (await f.plainInterview()).id as string;
    const b = (await f.plainInterview()).id as string;
    const feed = async (since: string) => {
      const res = await acme.api('GET', '/v1/interviews', { query: { updatedSince: since, sort: 'updatedAt', order: 'asc' } });
      expect(res.status, res.text).toBe(200);
      return res.body.data as Item[];
    };
    const seen = await feed(T0);
    const cursor = seen.reduce((max, item) => (item.updatedAt > max ? item.updatedAt : max), T0);
    expect(cursor).toBe(T2);
    // Another process, its clock a second behind, changes A: the poller going on from T2 sees it.
    clock.set(T1);
    expect((await acme.api('PATCH', `/v1/interviews/${a}`, { body: { metadata: { late: true } } })).status).toBe(200);
    const next = await feed(cursor);
    expect(next.find((item) => item.id === a)?.metadata).toEqual({ late: true });
    expect(next.map((item) => item.id)).toEqual(expect.arrayContaining([a, b]));
  });
});

