/**
 * §10 billing: the monthly allowance checked at creation (reservations, their return, test
 * interviews, finished minutes, the company plan) and §12's usage report.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { CANDIDATE, fixtures, GENERIC_AGENT, pollInterview } from '../interviews/interviews.test-helpers.ts';

const START = '2025-11-20T10:00:00.000Z';
const DAY = 86_400_000;
const daysFromStart = (days: number) => new Date(new Date(START).getTime() + days * DAY).toISOString();

describe('billing (§10, §12) with DEFAULT_MONTHLY_MINUTES=60', () => {
  const clock = new ManualClock(START);
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '60' } });
  });
  afterAll(() => server.close());
  beforeEach(() => clock.set(START));

  const db = () => server.deps.database.db;
  /**
   * Simulates a real interview that ran: finished `minutes` long at `at`. Written directly: no
   * route runs a real interview yet (the room and the telephony runtime come later), and a test
   * interview, which does run, uses no minutes.
   */
  async function finish(id: string, status: 'COMPLETED' | 'FAILED', minutes: number, at = clock.now().toISOString()) {
    await db().updateTable('interviews').set({ status, startedAt: at, finishedDate: at, durationMinutes: minutes }).where('id', '=', id).execute();
  }

  /** A company with a 30-minute agent and a `create` that answers the raw response. */
  async function world(name: string, duration = 30) {
    const company = await server.company(name);
    const f = fixtures(company.api);
    const agent = await f.agent({ ...GENERIC_AGENT, duration });
    const create = (extra: Record<string, unknown> = {}, api = company.api) =>
      api('POST', '/v1/interviews', { body: { agentId: agent.id, candidate: CANDIDATE, ...extra } });
    const ok = async (extra: Record<string, unknown> = {}) => {
      const res = await create(extra);
      expect(res.status, res.text).toBe(201);
      return res.body as { id: string };
    };
    const refused = async (extra: Record<string, unknown> = {}) => {
      const before = await f.counts();
      const error = expectError(await create(extra), 402, 'BILLING_LIMIT_REACHED');
      expect(await f.counts()).toEqual(before);
      return error;
    };
    return { company, f, agent, create, ok, refused };
  }

  describe('the allowance', () => {
    it('committed + duration == allowance is allowed, more is refused (402 in the §2 envelope)', async () => {
      const w = await world('Boundary');
      await w.ok();
      await w.ok();
      const error = await w.refused();
      expect(error.message).toMatch(/60/);
      expect(error.details).toMatchObject({ allowance: 60, committed: 60, requested: 30 });
      const oneMinute = await w.f.agent({ ...GENERIC_AGENT, duration: 1 });
      await w.refused({ agentId: oneMinute.id });
      await w.refused({ agentId: undefined, agent: { ...GENERIC_AGENT, duration: 1 } });
    });

    it('a request over the allowance by one minute is refused; exactly at it passes', async () => {
      const w = await world('Off by one');
      await w.ok();
      const thirtyOne = await w.f.agent({ ...GENERIC_AGENT, duration: 31 });
      await w.refused({ agentId: thirtyOne.id });
      const thirty = await w.f.agent({ ...GENERIC_AGENT, duration: 30 });
      await w.ok({ agentId: thirty.id });
    });

    it('cancelling or deleting an interview gives its reservation back', async () => {
      const w = await world('Give back');
      const first = await w.ok();
      const second = await w.ok();
      await w.refused();
      expect((await w.company.api('POST', `/v1/interviews/${first.id}/cancel`)).status).toBe(200);
      const third = await w.ok();
      await w.refused();
      expect((await w.company.api('DELETE', `/v1/interviews/${second.id}`)).status).toBe(200);
      await w.ok();
      await w.refused();
      // Deleting an already cancelled interview gives nothing more back.
      expect((await w.company.api('DELETE', `/v1/interviews/${first.id}`)).status).toBe(200);
      await w.refused();
      // The third still holds its reservation: it is the one that is SCHEDULED.
      expect((await w.company.api('GET', `/v1/interviews/${third.id}`)).body.status).toBe('SCHEDULED');
    });

    it('test interviews neither need nor use minutes (isTest or an sk_test_ key)', async () => {
      const w = await world('Tester');
      await w.ok();
      await w.ok();
      const test = await w.ok({ isTest: true });
      const sandbox = await server.companyKey(w.company.id, { test: true });
      const viaSandbox = await w.create({}, sandbox.api);
      expect(viaSandbox.status, viaSandbox.text).toBe(201);
      for (const id of [test.id, viaSandbox.body.id]) expect((await pollInterview(w.company.api, id, (b) => b.status === 'COMPLETED')).status).toBe('COMPLETED');
      await w.refused();
      expect((await w.company.api('GET', '/v1/billing/usage')).body.totalInterviews).toBe(2);
    });

    it('finished interviews count their actual minutes in the month they finished', async () => {
      const w = await world('Finisher');
      const first = await w.ok();
      await w.ok();
      await finish(first.id, 'COMPLETED', 10); // committed: 10 + 30
      const twenty = await w.f.agent({ ...GENERIC_AGENT, duration: 20 });
      const twentyOne = await w.f.agent({ ...GENERIC_AGENT, duration: 21 });
      await w.refused({ agentId: twentyOne.id });
      const third = await w.ok({ agentId: twenty.id }); // 10 + 30 + 20 = 60
      await finish(third.id, 'FAILED', 0); // 10 + 30 + 0
      await w.ok({ agentId: twenty.id });
      await w.refused({ agentId: twenty.id });
      // Last month's minutes do not count this month.
      await finish(first.id, 'COMPLETED', 10, '2025-10-31T23:59:59.999Z');
      await w.ok({ agentId: (await w.f.agent({ ...GENERIC_AGENT, duration: 10 })).id });
      await w.refused({ agentId: (await w.f.agent({ ...GENERIC_AGENT, duration: 1 })).id });
    });

    it('a reservation holds into the next month; finished minutes start again at 0 on the 1st (UTC)', async () => {
      clock.set('2025-11-30T23:00:00.000Z');
      const w = await world('Month end');
      const held = await w.ok();
      const done = await w.ok();
      await finish(done.id, 'COMPLETED', 30);
      await w.refused();
      clock.set('2025-12-01T00:00:00.000Z');
      await w.ok(); // last month's 30 finished minutes are gone; the SCHEDULED reservation still holds
      await w.refused();
      // The reservation that still holds is the SCHEDULED one.
      expect((await w.company.api('GET', `/v1/interviews/${held.id}`)).body).toMatchObject({ status: 'SCHEDULED', isTest: false });
    });

    it('concurrent creates in one process never overshoot (existing and inline resources)', async () => {
      for (const inline of [false, true]) {
        const w = await world(inline ? 'Rush inline' : 'Rush');
        const before = await w.f.counts();
        const body = (i: number) => (inline ? { agentId: undefined, agent: { ...GENERIC_AGENT, name: `Interviewer ${i}` } } : {});
        const statuses = (await Promise.all(Array.from({ length: 12 }, (_, i) => w.create(body(i))))).map((r) => r.status);
        expect(statuses.filter((s) => s === 201)).toHaveLength(2);
        expect(statuses.filter((s) => s === 402)).toHaveLength(10);
        const after = await w.f.counts();
        expect(after).toEqual({ ...before, interviews: 2, candidates: before.candidates + 2, agents: before.agents + (inline ? 2 : 0) });
      }
    });

    it('reserves the agent’s duration as it was at creation', async () => {
      const w = await world('Reserver');
      await w.ok();
      expect((await w.company.api('PATCH', `/v1/agents/${w.agent.id}`, { body: { duration: 60 } })).status).toBe(200);
      await w.refused(); // now needs 60 more
      await w.ok({ agentId: (await w.f.agent({ ...GENERIC_AGENT, duration: 30 })).id });
    });

    it('the company plan (set by an ATS key) wins over the default, both ways', async () => {
      const w = await world('Planned');
      const ats = await server.atsKey([w.company.id]);
      const setPlan = async (monthlyMinutes: number) => {
        const res = await ats.api('PATCH', `/v1/company/${w.company.id}`, { body: { plan: { monthlyMinutes } } });
        expect(res.status, res.text).toBe(200);
        expect(res.body.plan).toEqual({ monthlyMinutes });
      };
      await setPlan(90);
      await w.ok();
      await w.ok();
      await w.ok();
      await w.refused();
      await setPlan(0);
      await w.refused({ agentId: (await w.f.agent({ ...GENERIC_AGENT, duration: 1 })).id });
      const test = await w.ok({ isTest: true });
      expect((await w.company.api('GET', `/v1/interviews/${test.id}`)).body.isTest).toBe(true);
    });
  });

  describe('GET /v1/billing/usage (§12)', () => {
    let u1: SeededCompany;
    let u2: SeededCompany;
    let ats: { api: SeededCompany['api'] };

    beforeAll(async () => {
      u1 = await server.company('Usage One');
      u2 = await server.company('Usage Two');
      ats = await server.atsKey([u1.id, u2.id]);
      // A company's time never goes back (its feed clock): each company's data is made in time order.
      clock.set(daysFromStart(-40));
      const agent1 = await fixtures(u1.api).agent({ ...GENERIC_AGENT, duration: 5 });
      const at = async (days: number, extra: Record<string, unknown> = {}, company = u1, agentId = agent1.id) => {
        clock.set(daysFromStart(days));
        const res = await company.api('POST', '/v1/interviews', { body: { agentId, candidate: CANDIDATE, ...extra } });
        expect(res.status, res.text).toBe(201);
        return res.body.id as string;
      };
      await at(-40); // outside the default range
      await finish(await at(-10), 'COMPLETED', 12);
      await finish(await at(-5), 'FAILED', 3);
      await at(-2); // SCHEDULED: a reservation, not usage
      const cancelled = await at(-2);
      expect((await u1.api('POST', `/v1/interviews/${cancelled}/cancel`)).status).toBe(200);
      await pollInterview(u1.api, await at(-2, { isTest: true }), (b) => b.status === 'COMPLETED'); // test: excluded
      const deleted = await at(-2);
      await finish(deleted, 'COMPLETED', 7);
      expect((await u1.api('DELETE', `/v1/interviews/${deleted}`)).status).toBe(200); // deleted: excluded
      await at(0); // created "now": inside the default range
      clock.set(daysFromStart(-1));
      const agent2 = await fixtures(u2.api).agent({ ...GENERIC_AGENT, duration: 20 });
      await finish(await at(-1, {}, u2, agent2.id), 'COMPLETED', 20);
    });

    const usage = async (api: SeededCompany['api'], query: Record<string, string> = {}) => {
      const res = await api('GET', '/v1/billing/usage', { query });
      expect(res.status, res.text).toBe(200);
      return res.body;
    };
    // This month (November 2025, at START): u1 finished 12 + 3 minutes (and 0 for the interview of
    // October that expired unstarted) and holds two 5-minute reservations (SCHEDULED); u2 finished
    // 20. Both on the server's default plan.
    const committed = () => ({ [u1.id]: 12 + 3 + 2 * 5, [u2.id]: 20 });
    const one = (id: string, name: string, totalInterviews: number, totalMinutesUsed: number) => ({
      companyId: id,
      companyName: name,
      totalInterviews,
      totalMinutesUsed,
      committedMinutes: committed()[id],
      allowanceMinutes: 60,
    });

    it('per company, the minutes committed this month and the allowance (extension §15), whatever the range', async () => {
      expect((await usage(u1.api, { start: daysFromStart(-400), end: daysFromStart(-300) })).companies).toEqual([{ ...one(u1.id, 'Usage One', 0, 0) }]);
      await db().updateTable('companies').set({ monthlyMinutes: 500 }).where('id', '=', u2.id).execute();
      try {
        expect((await usage(u2.api)).companies).toEqual([{ ...one(u2.id, 'Usage Two', 1, 20), allowanceMinutes: 500 }]);
        // Next month the finished minutes no longer count; u1's reservations still do.
        clock.set('2025-12-01T00:00:00.000Z');
        expect((await usage(u2.api)).companies[0].committedMinutes).toBe(0);
        expect((await usage(u1.api)).companies[0].committedMinutes).toBe(2 * 5);
      } finally {
        await db().updateTable('companies').set({ monthlyMinutes: null }).where('id', '=', u2.id).execute();
      }
    });

    it('a company key sees its own company: non-test, non-deleted interviews of the last 30 days; minutes of finished ones', async () => {
      expect(await usage(u1.api)).toEqual({ companies: [one(u1.id, 'Usage One', 5, 15)], totalInterviews: 5, totalMinutesUsed: 15 });
      // companyId is ignored for a company key (§3.3).
      expect((await usage(u1.api, { companyId: u2.id })).companies).toEqual([one(u1.id, 'Usage One', 5, 15)]);
    });

    it('start and end select by creation time', async () => {
      expect((await usage(u1.api, { start: daysFromStart(-6), end: daysFromStart(-1) })).companies).toEqual([one(u1.id, 'Usage One', 3, 3)]);
      expect((await usage(u1.api, { start: daysFromStart(-50) })).companies).toEqual([one(u1.id, 'Usage One', 6, 15)]);
      expect((await usage(u1.api, { start: '2025-11-10T12:00:00+02:00', end: '2025-11-10T10:00:00.001Z' })).totalInterviews).toBe(1);
      expect((await usage(u1.api, { start: '2025-11-10T12:00:00+02:00', end: '2025-11-10T10:00:00Z' })).totalInterviews).toBe(0); // [start, end)
      expect((await usage(u1.api, { start: START, end: START })).totalInterviews).toBe(0);
    });

    it('an ATS key sees every company it manages, or the one companyId names', async () => {
      const all = await usage(ats.api);
      expect(all.companies).toEqual(expect.arrayContaining([one(u1.id, 'Usage One', 5, 15), one(u2.id, 'Usage Two', 1, 20)]));
      expect(all.companies).toHaveLength(2);
      expect(all).toMatchObject({ totalInterviews: 6, totalMinutesUsed: 35 });
      expect(await usage(ats.api, { companyId: u2.id })).toEqual({ companies: [one(u2.id, 'Usage Two', 1, 20)], totalInterviews: 1, totalMinutesUsed: 20 });
      const lonely = await server.atsKey([]);
      expect(await usage(lonely.api)).toEqual({ companies: [], totalInterviews: 0, totalMinutesUsed: 0 });
    });

    it('an ATS key naming a company it does not manage: 403; not a UUID: 400 naming companyId', async () => {
      const stranger = await server.company('Stranger');
      expectError(await ats.api('GET', '/v1/billing/usage', { query: { companyId: stranger.id } }), 403, 'RESOURCE_ACCESS_DENIED');
      expectError(await ats.api('GET', '/v1/billing/usage', { query: { companyId: '0190f0e0-0000-7000-8000-000000000001' } }), 403, 'RESOURCE_ACCESS_DENIED');
      expectValidation(await ats.api('GET', '/v1/billing/usage', { query: { companyId: 'acme' } }), 'companyId');
    });

    it('start after end, or a value that is not an instant: 400 naming the parameter', async () => {
      expectValidation(await u1.api('GET', '/v1/billing/usage', { query: { start: daysFromStart(-1), end: daysFromStart(-2) } }), 'start');
      expectValidation(await u1.api('GET', '/v1/billing/usage', { query: { start: daysFromStart(1) } }), 'start');
      expectValidation(await u1.api('GET', '/v1/billing/usage', { query: { start: 'last week' } }), 'start');
      expectValidation(await u1.api('GET', '/v1/billing/usage', { query: { end: '2025-11-20' } }), 'end');
    });

    it('needs the read:billing scope (403 naming it), for company and ATS keys', async () => {
      const companyKey = await server.companyKey(u1.id, { scopes: ['read:interviews'] });
      const error = expectError(await companyKey.api('GET', '/v1/billing/usage'), 403, 'INSUFFICIENT_PERMISSIONS');
      expect(error.message).toContain('read:billing');
      const atsKey = await server.atsKey([u1.id], { scopes: ['read:companies'] });
      expect(expectError(await atsKey.api('GET', '/v1/billing/usage'), 403, 'INSUFFICIENT_PERMISSIONS').message).toContain('read:billing');
      const allowed = await server.companyKey(u1.id, { scopes: ['read:billing'] });
      expect((await usage(allowed.api)).totalInterviews).toBe(5);
    });
  });
});
