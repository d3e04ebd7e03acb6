/**
 * §10 over time: the `scheduledAt` window (alias `scheduleTime`), test interviews run to
 * COMPLETED by the durable queue (transcript, analysis, no minutes, `sk_test_` keys), and the
 * candidate's counts (§9) that follow.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { AGENT, CANDIDATE, fixtures, type Fixtures, GENERIC_AGENT, pollInterview } from './interviews.test-helpers.ts';

const START = '2025-11-20T10:00:00.000Z';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MINUTE = 60_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(new Date(START).getTime() + ms).toISOString();

describe('interviews: schedule, test runs and candidate counts (§10)', () => {
  const clock = new ManualClock(START);
  let server: TestServer;
  let acme: SeededCompany;
  let f: Fixtures;
  let agentId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    acme = await server.company('Acme');
    f = fixtures(acme.api);
    agentId = (await f.agent(GENERIC_AGENT)).id;
  });
  afterAll(() => server.close());
  beforeEach(() => clock.set(START));

  const create = (extra: Record<string, unknown>) => acme.api('POST', '/v1/interviews', { body: { agentId, candidate: CANDIDATE, ...extra } });
  const scheduledAtOf = async (extra: Record<string, unknown>) => {
    const res = await create(extra);
    expect(res.status, res.text).toBe(201);
    return res.body.scheduledAt as string;
  };

  describe('scheduledAt (alias scheduleTime): from now up to 30 days ahead', () => {
    it('omitted means now', async () => {
      expect(await scheduledAtOf({})).toBe(START);
    });

    it('exactly 30 days ahead is accepted; a minute (or a millisecond) more is a 400 naming the field', async () => {
      expect(await scheduledAtOf({ scheduledAt: at(30 * DAY) })).toBe(at(30 * DAY));
      expectValidation(await create({ scheduledAt: at(30 * DAY + MINUTE) }), 'scheduledAt');
      expectValidation(await create({ scheduledAt: at(30 * DAY + 1) }), 'scheduledAt');
      expectValidation(await create({ scheduleTime: at(30 * DAY + MINUTE) }), 'scheduleTime');
    });

    it('up to a minute in the past means now; more than a minute is a 400 naming the field', async () => {
      expect(await scheduledAtOf({ scheduledAt: at(-30_000) })).toBe(START);
      expect(await scheduledAtOf({ scheduledAt: at(-MINUTE) })).toBe(START);
      expectValidation(await create({ scheduledAt: at(-MINUTE - 1) }), 'scheduledAt');
      expectValidation(await create({ scheduledAt: at(-DAY) }), 'scheduledAt');
      expectValidation(await create({ scheduleTime: at(-2 * MINUTE) }), 'scheduleTime');
    });

    it('explicit offsets are honoured and stored in UTC with milliseconds', async () => {
      expect(await scheduledAtOf({ scheduledAt: '2025-11-21T10:00:00+02:00' })).toBe('2025-11-21T08:00:00.000Z');
      expect(await scheduledAtOf({ scheduledAt: '2025-11-21T10:00:00.5-05:30' })).toBe('2025-11-21T15:30:00.500Z');
      expect(await scheduledAtOf({ scheduleTime: '2025-11-22T09:15:00Z' })).toBe('2025-11-22T09:15:00.000Z');
    });

    it('both fields: the same instant is fine, different instants are a 400', async () => {
      expect(await scheduledAtOf({ scheduledAt: '2025-11-21T10:00:00+02:00', scheduleTime: '2025-11-21T08:00:00.000Z' })).toBe('2025-11-21T08:00:00.000Z');
      const res = await create({ scheduledAt: '2025-11-21T10:00:00Z', scheduleTime: '2025-11-21T10:00:01Z' });
      const error = expectValidation(res);
      const paths = (error.details.issues as { path: string }[]).map((i) => i.path);
      expect(paths.some((p) => p === 'scheduledAt' || p === 'scheduleTime'), JSON.stringify(paths)).toBe(true);
    });

    it('not an instant with an offset: 400 naming the field', async () => {
      for (const value of ['2025-11-21T10:00:00', '2025-11-21', 'tomorrow', 1763719200000]) expectValidation(await create({ scheduledAt: value }), 'scheduledAt');
      expectValidation(await create({ scheduleTime: '21/11/2025 10:00' }), 'scheduleTime');
    });
  });

  describe('test interviews', () => {
    it('reach COMPLETED within 5 s with a transcript and a "test" analysis resting on real turns', async () => {
      const questions = ['Tell me about a system you scaled.', 'How do you test?'];
      const job = await f.job();
      const agent = await f.agent({ ...AGENT, questions });
      const candidate = await f.candidate({ jobIds: [job.id] });
      const started = Date.now();
      const created = await f.interview({ agentId: agent.id, candidateId: candidate.id, isTest: true });
      expect(created).toMatchObject({ isTest: true, status: 'SCHEDULED', jobId: job.id });
      const done = await pollInterview(acme.api, created.id, (b) => b.status === 'COMPLETED');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(done).toMatchObject({ status: 'COMPLETED', isTest: true, durationMinutes: 0, startedAt: expect.stringMatching(ISO_MS), finishedDate: expect.stringMatching(ISO_MS) });

      const transcript = await acme.api('GET', `/v1/interviews/${created.id}/transcript`);
      expect(transcript.status, transcript.text).toBe(200);
      const turns = transcript.body as { id: string; role: string; text: string; startedAt: string; endedAt: string }[];
      expect(turns.length).toBeGreaterThan(0);
      for (const turn of turns) {
        expect(Object.keys(turn).sort()).toEqual(['endedAt', 'id', 'role', 'startedAt', 'text']);
        expect(['agent', 'candidate']).toContain(turn.role);
        expect(turn.text.length).toBeGreaterThan(0);
        expect(turn.startedAt).toMatch(ISO_MS);
        expect(turn.endedAt >= turn.startedAt).toBe(true);
      }
      expect(new Set(turns.map((t) => t.id)).size).toBe(turns.length);

      const { analysis } = done;
      expect(analysis.evaluator.kind).toBe('test');
      expect(analysis.general.overallRating).toBeGreaterThanOrEqual(0);
      expect(analysis.general.overallRating).toBeLessThanOrEqual(100);
      expect(analysis.general.evaluation.map((e: { question: string }) => e.question)).toEqual(questions);
      const turnIds = new Set(turns.map((t) => t.id));
      for (const entry of analysis.general.evaluation) {
        expect(entry.evidenceTurnIds.length).toBeGreaterThan(0);
        for (const id of entry.evidenceTurnIds) expect(turnIds.has(id), `evidence ${id} is a transcript turn`).toBe(true);
      }
    });

    it('an sk_test_ key makes every interview a test, even with isTest: false', async () => {
      const sandbox = await server.companyKey(acme.id, { test: true });
      expect(sandbox.key.startsWith('sk_test_')).toBe(true);
      const res = await sandbox.api('POST', '/v1/interviews', { body: { agentId, candidate: CANDIDATE, isTest: false } });
      expect(res.status, res.text).toBe(201);
      expect(res.body.isTest).toBe(true);
      const done = await pollInterview(sandbox.api, res.body.id, (b) => b.status === 'COMPLETED');
      expect(done).toMatchObject({ status: 'COMPLETED', durationMinutes: 0, analysis: { evaluator: { kind: 'test' } } });
    });

    it('a scheduled real interview never runs by itself', async () => {
      const real = await f.interview({ agentId, candidate: CANDIDATE });
      // The only task naming it is its link's expiry, 7 days after scheduledAt; a round of the queue a
      // day later (one that waits for what it claims) leaves it as it was.
      const tasks = await server.deps.database.db.selectFrom('queueTasks').select(['kind', 'runAt']).where('payload', 'like', `%${real.id}%`).execute();
      expect(tasks).toEqual([{ kind: 'interview.expiry', runAt: new Date(Date.parse(real.scheduledAt) + 7 * 86_400_000).toISOString() }]);
      clock.advance(86_400_000);
      await server.deps.queue.runOnce();
      const read = await acme.api('GET', `/v1/interviews/${real.id}`);
      expect(read.body).toMatchObject({ status: 'SCHEDULED', startedAt: null, analysis: null });
      expect((await acme.api('GET', `/v1/interviews/${real.id}/transcript`)).body).toEqual([]);
    });

    it('the candidate’s interviewCount, analysisCount and overallRating follow its interviews', async () => {
      const candidate = await f.candidate();
      const stats = async () => {
        const c = (await acme.api('GET', `/v1/candidates/${candidate.id}`)).body;
        return { interviewCount: c.interviewCount, analysisCount: c.analysisCount, overallRating: c.overallRating };
      };
      expect(await stats()).toEqual({ interviewCount: 0, analysisCount: 0, overallRating: null });

      const first = await f.interview({ agentId, candidateId: candidate.id, isTest: true });
      const one = await pollInterview(acme.api, first.id, (b) => b.status === 'COMPLETED');
      expect(await stats()).toEqual({ interviewCount: 1, analysisCount: 1, overallRating: one.analysis.general.overallRating });

      const second = await f.interview({ agentId, candidateId: candidate.id, isTest: true });
      const two = await pollInterview(acme.api, second.id, (b) => b.status === 'COMPLETED');
      const mean = Math.round(((one.analysis.general.overallRating + two.analysis.general.overallRating) / 2) * 10) / 10;
      expect(await stats()).toEqual({ interviewCount: 2, analysisCount: 2, overallRating: mean });

      await f.interview({ agentId, candidateId: candidate.id });
      expect(await stats()).toEqual({ interviewCount: 3, analysisCount: 2, overallRating: mean });
      const listed = await acme.api('GET', '/v1/candidates', { query: { search: 'Silva', limit: 100 } });
      expect(listed.body.data.find((c: { id: string }) => c.id === candidate.id)).toMatchObject({ interviewCount: 3, analysisCount: 2, overallRating: mean });

      expect((await acme.api('DELETE', `/v1/interviews/${first.id}`)).status).toBe(200);
      expect(await stats()).toEqual({ interviewCount: 2, analysisCount: 1, overallRating: two.analysis.general.overallRating });
    });
  });
});
