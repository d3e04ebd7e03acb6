/**
 * §10 the global interview feed (no filter required; filters; `updatedSince`; paging in a total
 * order) and the candidate's join link (`interviewUrl`, GET /room/<token>).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { CANDIDATE, fixtures, type Fixtures, GENERIC_AGENT, TOKEN } from './interviews.test-helpers.ts';

const START = '2025-11-20T10:00:00.000Z';
type Row = { id: string; createdAt: string; updatedAt: string };
const ids = (body: { data: Row[] }) => body.data.map((i) => i.id);

describe('interviews: list and join links (§10)', () => {
  const clock = new ManualClock(START);
  let server: TestServer;
  let acme: SeededCompany;
  let f: Fixtures;
  const made: Row[] = [];
  let agentA: string;
  let agentB: string;
  let candidateA: string;
  let candidateB: string;
  let job: string;
  let other: SeededCompany;
  let theirs: string;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    acme = await server.company('Acme');
    f = fixtures(acme.api);
    agentA = (await f.agent({ ...GENERIC_AGENT, name: 'Agent A' })).id;
    agentB = (await f.agent({ ...GENERIC_AGENT, name: 'Agent B' })).id;
    job = (await f.job()).id;
    candidateA = (await f.candidate()).id;
    candidateB = (await f.candidate({ jobIds: [job] })).id;
    // Eight interviews; the clock stands still for the first five, so their createdAt ties.
    for (let i = 0; i < 8; i++) {
      if (i >= 5) clock.advance(1000);
      const body = i % 2 === 0 ? { agentId: agentA, candidateId: candidateA } : { agentId: agentB, candidateId: candidateB, jobId: job };
      made.push(await f.interview(body));
    }
    other = await server.company('Other');
    theirs = (await fixtures(other.api).plainInterview()).id;
  });
  afterAll(() => server.close());

  const list = async (query: Record<string, string | number>) => {
    const res = await acme.api('GET', '/v1/interviews', { query });
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  it('createdAfter (inclusive) and createdBefore (exclusive) select by creation time (extension §15)', async () => {
    const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();
    const idsOf = (rows: Row[]) => new Set(rows.map((r) => r.id));
    expect(new Set(ids(await list({ createdAfter: at(1000), limit: 100 })))).toEqual(idsOf(made.slice(5)));
    expect(new Set(ids(await list({ createdBefore: at(1000), limit: 100 })))).toEqual(idsOf(made.slice(0, 5)));
    // Any ISO offset; combined with the other filters and paging totals.
    const window = await list({ createdAfter: '2025-11-20T11:00:01+01:00', createdBefore: at(3000), limit: 100 });
    expect(window.total).toBe(2);
    expect(new Set(ids(window))).toEqual(idsOf(made.slice(5, 7)));
    expect((await list({ createdAfter: at(1000), agentId: agentB, limit: 100 })).total).toBe(2); // made[5] and made[7]
    expect((await list({ createdAfter: at(60_000) })).total).toBe(0);
    expectValidation(await acme.api('GET', '/v1/interviews', { query: { createdAfter: at(3000), createdBefore: at(1000) } }), 'createdAfter');
    expectValidation(await acme.api('GET', '/v1/interviews', { query: { createdBefore: 'yesterday' } }), 'createdBefore');
  });

  it('needs no filter: every live interview of the company and no other', async () => {
    const page = await list({ limit: 100 });
    expect(page).toMatchObject({ total: 8, page: 1, limit: 100, totalPages: 1 });
    expect(new Set(ids(page))).toEqual(new Set(made.map((m) => m.id)));
    expect(ids(page)).not.toContain(theirs);
    expect(await list({})).toMatchObject({ total: 8, limit: 20, page: 1 });
  });

  it('filters by candidateId, agentId, jobId and status (combined with AND)', async () => {
    const even = made.filter((_, i) => i % 2 === 0).map((m) => m.id);
    const odd = made.filter((_, i) => i % 2 === 1).map((m) => m.id);
    expect(new Set(ids(await list({ candidateId: candidateA, limit: 100 })))).toEqual(new Set(even));
    expect(new Set(ids(await list({ agentId: agentB, limit: 100 })))).toEqual(new Set(odd));
    expect(new Set(ids(await list({ jobId: job, limit: 100 })))).toEqual(new Set(odd));
    expect((await list({ candidateId: candidateA, agentId: agentB })).total).toBe(0);
    expect((await list({ candidateId: (await fixtures(other.api).candidate()).id })).total).toBe(0);

    const cancelled = made[3] as Row;
    const res = await acme.api('POST', `/v1/interviews/${cancelled.id}/cancel`);
    expect(res.status).toBe(200);
    expect(ids(await list({ status: 'CANCELLED' }))).toEqual([cancelled.id]);
    expect((await list({ status: 'SCHEDULED' })).total).toBe(7);
    expect((await list({ status: 'COMPLETED' })).total).toBe(0);
    expect(ids(await list({ status: 'CANCELLED', agentId: agentB, jobId: job }))).toEqual([cancelled.id]);
  });

  it('a bad filter is a 400 naming the parameter', async () => {
    expectValidation(await acme.api('GET', '/v1/interviews', { query: { status: 'scheduled' } }), 'status');
    expectValidation(await acme.api('GET', '/v1/interviews', { query: { candidateId: 'abc' } }), 'candidateId');
    expectValidation(await acme.api('GET', '/v1/interviews', { query: { updatedSince: 'yesterday' } }), 'updatedSince');
    expectValidation(await acme.api('GET', '/v1/interviews', { query: { limit: 101 } }), 'limit');
  });

  it('updatedSince (inclusive) returns what changed since', async () => {
    clock.set('2025-11-20T11:00:00.000Z');
    const touched = made[1] as Row;
    const res = await acme.api('PATCH', `/v1/interviews/${touched.id}`, { body: { metadata: { seen: true } } });
    expect(res.body.updatedAt).toBe('2025-11-20T11:00:00.000Z');
    expect(ids(await list({ updatedSince: '2025-11-20T11:00:00.000Z' }))).toEqual([touched.id]);
    expect(ids(await list({ updatedSince: '2025-11-20T13:00:00+02:00' }))).toEqual([touched.id]);
    expect((await list({ updatedSince: '2025-11-20T11:00:00.001Z' })).total).toBe(0);
    expect((await list({ updatedSince: START, limit: 100 })).total).toBe(8);
  });

  it.each([
    { sort: 'createdAt', order: 'asc' },
    { sort: 'createdAt', order: 'desc' },
    { sort: 'updatedAt', order: 'asc' },
    { sort: 'updatedAt', order: 'desc' },
  ])('pages through every row exactly once in a total order ($sort $order)', async ({ sort, order }) => {
    const full = (await list({ sort, order, limit: 100 })).data as Row[];
    const seen: Row[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await list({ sort, order, limit: 3, page });
      expect(body).toMatchObject({ total: 8, totalPages: 3, page, limit: 3 });
      seen.push(...body.data);
    }
    expect(seen.map((r) => r.id)).toEqual(full.map((r) => r.id));
    expect(new Set(seen.map((r) => r.id)).size).toBe(8);
    const key = (r: Row) => `${r[sort as 'createdAt' | 'updatedAt']}|${r.id}`;
    const sorted = [...seen].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(seen.map(key)).toEqual((order === 'asc' ? sorted : sorted.reverse()).map(key));
    expect((await list({ sort, order, limit: 3, page: 4 })).data).toEqual([]);
  });

  describe('interviewUrl and the room', () => {
    const tokenOf = (url: string) => url.split('/room/')[1] as string;

    it('ONLINE interviews carry a unique, unguessable link under PUBLIC_URL; PHONE ones null', async () => {
      const all = (await list({ limit: 100 })).data as { interviewUrl: string }[];
      const tokens = all.map((i) => tokenOf(i.interviewUrl));
      for (const [i, interview] of all.entries()) {
        expect(interview.interviewUrl.startsWith(`${server.deps.config.publicUrl}/room/`)).toBe(true);
        expect(tokens[i]).toMatch(TOKEN);
      }
      expect(new Set(tokens).size).toBe(tokens.length);

      const phone = await f.interview({ agent: { ...GENERIC_AGENT, type: 'PHONE', companyPhoneNumberId: (await f.phoneAgent()).companyPhoneNumberId }, candidate: CANDIDATE });
      expect(phone.interviewUrl).toBeNull();
      expect((await acme.api('GET', `/v1/interviews/${phone.id}`)).body.interviewUrl).toBeNull();
    });

    it('GET /room/<token>: the room page for a valid link (no key needed), a 404 page for an unknown or deleted one, the expired page after 7 days', async () => {
      clock.set(START);
      const live = await f.interview({ agentId: agentA, candidateId: candidateA });
      const token = tokenOf(live.interviewUrl);
      // The company's transactions may already run later than START (its feed clock): open the link at its time.
      clock.set(live.scheduledAt);
      const page = await server.anonymous('GET', `/room/${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('id="room"');
      for (const unknown of [`/room/${'A'.repeat(43)}`, `/room/${token.slice(0, -1)}`]) {
        const res = await server.anonymous('GET', unknown);
        expect(res.status).toBe(404);
        expect(res.text).toContain('Interview not found');
      }

      clock.set(new Date(new Date(live.scheduledAt).getTime() + 7 * 86_400_000 - 1).toISOString());
      expect((await server.anonymous('GET', `/room/${token}`)).text).toContain('id="room"');
      clock.advance(1);
      expect((await server.anonymous('GET', `/room/${token}`)).text).toContain('data-page="expired"');

      clock.set(START);
      const doomed = await f.interview({ agentId: agentA, candidateId: candidateA });
      expect((await acme.api('DELETE', `/v1/interviews/${doomed.id}`)).status).toBe(200);
      expect((await server.anonymous('GET', `/room/${tokenOf(doomed.interviewUrl)}`)).status).toBe(404);
    });
  });
});
