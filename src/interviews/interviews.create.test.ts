/**
 * §10 create: every combination of existing and inline candidate, agent and job; one transaction
 * (a request that fails late leaves nothing behind); mutually exclusive fields; ids that do not
 * resolve in the caller's company; agents an interview cannot use; §3.2 scopes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectValidation } from '../../test/domain-assertions.ts';
import { type ApiResponse, envelopeError, type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { SCOPES } from '../auth/scopes.ts';
import { ManualClock } from '../core/clock.ts';
import { AGENT, CANDIDATE, fixtures, type Fixtures, GENERIC_AGENT, JOB, TOKEN } from './interviews.test-helpers.ts';

const START = '2025-11-20T10:00:00.000Z';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UNKNOWN = '0190f0e0-0000-7000-8000-000000000001';

/** A 400 whose issues name one of `paths` (for pairs of fields where either may be blamed). */
function expectValidationOneOf(res: ApiResponse, paths: string[]): void {
  expect(res.status, res.text).toBe(400);
  const error = envelopeError(res);
  expect(error.code).toBe('VALIDATION_ERROR');
  const found = (error.details.issues as { path: string }[]).map((i) => i.path);
  expect(found.some((p) => paths.includes(p)), `issues ${JSON.stringify(found)} name none of ${paths.join(', ')}`).toBe(true);
}

describe('interviews: create (§10)', () => {
  const clock = new ManualClock(START);
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  let f: Fixtures;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    acme = await server.company('Acme');
    other = await server.company('Other');
    f = fixtures(acme.api);
  });
  afterAll(() => server.close());
  beforeEach(() => clock.set(START));

  const post = (body: Record<string, unknown>, api = acme.api) => api('POST', '/v1/interviews', { body });

  it('answers 201 with every field of the interview, stored as read back', async () => {
    const agent = await f.agent(GENERIC_AGENT);
    const candidate = await f.candidate();
    const res = await post({ agentId: agent.id, candidateId: candidate.id, metadata: { source: 'ats' } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      companyId: acme.id,
      candidateId: candidate.id,
      agentId: agent.id,
      jobId: null,
      status: 'SCHEDULED',
      statusReason: null,
      scheduledAt: START,
      startedAt: null,
      finishedDate: null,
      durationMinutes: null,
      isTest: false,
      metadata: { source: 'ats' },
      callAttempts: [],
      analysis: null,
      interviewUrl: expect.stringMatching(new RegExp(`^${server.deps.config.publicUrl}/room/[A-Za-z0-9_-]{43,}$`)),
      createdAt: START,
      updatedAt: START,
    });
    expect(String(res.body.interviewUrl).split('/room/')[1]).toMatch(TOKEN);
    const read = await acme.api('GET', `/v1/interviews/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  describe('every combination of existing and inline candidate, agent and job', () => {
    const combos = (['existing', 'inline'] as const).flatMap((candidate) =>
      (['existing', 'inline'] as const).flatMap((agent) => (['none', 'jobId', 'inline'] as const).map((job) => ({ candidate, agent, job }))),
    );
    it.each(combos)('candidate $candidate, agent $agent, job $job', async ({ candidate, agent, job }) => {
      const existingJob = job === 'jobId' ? await f.job({ title: 'Existing job' }) : undefined;
      const body: Record<string, unknown> = {};
      const agentBody = job === 'none' ? { ...GENERIC_AGENT, name: 'Inline generic' } : { ...AGENT, name: 'Inline screener' };
      if (agent === 'inline') body.agent = agentBody;
      else body.agentId = (await f.agent(agentBody)).id;
      if (candidate === 'inline') body.candidate = { ...CANDIDATE, firstName: 'Inline' };
      else body.candidateId = (await f.candidate(existingJob ? { jobIds: [existingJob.id] } : {})).id;
      if (job === 'jobId') body.jobId = existingJob.id;
      if (job === 'inline') body.job = { ...JOB, title: 'Inline job title' };

      const before = await f.counts();
      const res = await post(body);
      expect(res.status, res.text).toBe(201);
      const after = await f.counts();
      expect(after).toEqual({
        candidates: before.candidates + (candidate === 'inline' ? 1 : 0),
        agents: before.agents + (agent === 'inline' ? 1 : 0),
        jobs: before.jobs + (job === 'inline' ? 1 : 0),
        interviews: before.interviews + 1,
      });

      const interview = res.body;
      if (body.candidateId) expect(interview.candidateId).toBe(body.candidateId);
      if (body.agentId) expect(interview.agentId).toBe(body.agentId);
      const storedCandidate = (await acme.api('GET', `/v1/candidates/${interview.candidateId}`)).body;
      const storedAgent = (await acme.api('GET', `/v1/agents/${interview.agentId}`)).body;
      expect(storedAgent.name).toBe(agentBody.name);
      if (candidate === 'inline') expect(storedCandidate.firstName).toBe('Inline');
      expect(storedCandidate.interviewCount).toBe(1);
      if (job === 'none') {
        expect(interview.jobId).toBeNull();
        expect(storedCandidate.jobIds).toEqual([]);
      } else {
        if (job === 'jobId') expect(interview.jobId).toBe(existingJob.id);
        const storedJob = await acme.api('GET', `/v1/jobs/${interview.jobId}`);
        expect(storedJob.status).toBe(200);
        if (job === 'inline') expect(storedJob.body.title).toBe('Inline job title');
        expect(storedCandidate.jobIds).toEqual([interview.jobId]);
      }
    });
  });

  describe('one transaction: a request that fails late creates nothing', () => {
    async function expectNothingCreated(body: Record<string, unknown>, check: (res: ApiResponse) => void, company: SeededCompany = acme) {
      const before = await fixtures(company.api).counts();
      const res = await post(body, company.api);
      check(res);
      expect(await fixtures(company.api).counts()).toEqual(before);
    }

    it('an inline job breaking a rule', async () => {
      const job = { ...JOB, salary: { min: 5000, max: 4000, currency: 'EUR', period: 'MONTHLY' } };
      await expectNothingCreated({ candidate: CANDIDATE, agent: AGENT, job }, (res) => expectValidation(res, 'job.salary.min'));
    });

    it('an inline candidate breaking a rule after the inline agent and job were written', async () => {
      await expectNothingCreated({ agent: AGENT, job: JOB, candidate: { ...CANDIDATE, gdprExpiryDate: '2025-11-20' } }, (res) => expectValidation(res, 'candidate.gdprExpiryDate'));
      await expectNothingCreated({ agent: AGENT, candidate: { ...CANDIDATE, jobId: UNKNOWN } }, (res) => expectValidation(res, 'candidate.jobId'));
    });

    it('job resolution failing after the inline candidate and agent were written', async () => {
      await expectNothingCreated({ agent: AGENT, candidate: CANDIDATE }, (res) => expectValidation(res, 'jobId'));
      const job = await f.job();
      const loner = await f.candidate();
      await expectNothingCreated({ agent: AGENT, candidateId: loner.id, jobId: job.id }, (res) => expectValidation(res, 'jobId'));
    });

    it('a 402 after the inline candidate, agent and job were written', async () => {
      const broke = await server.company('Broke');
      const ats = await server.atsKey([broke.id]);
      const plan = await ats.api('PATCH', `/v1/company/${broke.id}`, { body: { plan: { monthlyMinutes: 20 } } });
      expect(plan.status, plan.text).toBe(200);
      await expectNothingCreated({ candidate: CANDIDATE, agent: AGENT, job: JOB }, (res) => expectError(res, 402, 'BILLING_LIMIT_REACHED'), broke);
    });

    it('an inline PHONE agent without a usable number', async () => {
      const agent = { ...GENERIC_AGENT, type: 'PHONE', companyPhoneNumberId: UNKNOWN };
      await expectNothingCreated({ candidate: CANDIDATE, agent, job: JOB }, (res) => expectValidation(res, 'agent.companyPhoneNumberId'));
    });
  });

  describe('mutually exclusive and required fields', () => {
    let agentId: string;
    let candidateId: string;
    let jobId: string;
    beforeAll(async () => {
      jobId = (await f.job()).id;
      agentId = (await f.agent()).id;
      candidateId = (await f.candidate({ jobIds: [jobId] })).id;
    });

    it('candidateId with candidate, agentId with agent, jobId with job', async () => {
      expectValidationOneOf(await post({ agentId, candidateId, candidate: CANDIDATE }), ['candidateId', 'candidate']);
      expectValidationOneOf(await post({ candidateId, agentId, agent: AGENT }), ['agentId', 'agent']);
      expectValidationOneOf(await post({ candidateId, agentId, jobId, job: JOB }), ['jobId', 'job']);
    });

    it('candidate.jobId together with job or jobId', async () => {
      expectValidation(await post({ agentId, candidate: { ...CANDIDATE, jobId }, job: JOB }), 'candidate.jobId');
      expectValidation(await post({ agentId, candidate: { ...CANDIDATE, jobId }, jobId }), 'candidate.jobId');
      expectValidation(await post({ agentId, candidate: { ...CANDIDATE, jobIds: [jobId] }, jobId }), 'candidate.jobId');
    });

    it('neither candidateId nor candidate; neither agentId nor agent; an unknown field', async () => {
      expectValidation(await post({ agentId }), 'candidateId');
      expectValidation(await post({ candidateId }), 'agentId');
      expectValidation(await post({ candidateId, agentId, jobID: jobId }), 'jobID');
      expectValidation(await post({ candidateId, agentId, isTest: 'true' }), 'isTest');
    });
  });

  describe('ids in the body that do not resolve in the company: 400 naming the field, never a link', () => {
    let mine: { agentId: string; candidateId: string; jobId: string };
    let foreign: { agentId: string; candidateId: string; jobId: string };
    let deleted: { agentId: string; candidateId: string; jobId: string };
    beforeAll(async () => {
      const make = async (api: Fixtures) => {
        const job = await api.job();
        return { jobId: job.id, agentId: (await api.agent()).id, candidateId: (await api.candidate({ jobIds: [job.id] })).id };
      };
      mine = await make(f);
      foreign = await make(fixtures(other.api));
      deleted = await make(f);
      for (const [path, id] of [['agents', deleted.agentId], ['candidates', deleted.candidateId], ['jobs', deleted.jobId]]) {
        const res = await acme.api('DELETE', `/v1/${path}/${id}`);
        expect(res.status, res.text).toBe(200);
      }
    });

    it.each(['unknown', 'foreign', 'deleted', 'not a uuid'] as const)('%s candidateId, agentId and jobId', async (kind) => {
      const bad = kind === 'unknown' ? { agentId: UNKNOWN, candidateId: UNKNOWN, jobId: UNKNOWN } : kind === 'foreign' ? foreign : kind === 'deleted' ? deleted : { agentId: 'x', candidateId: 'y', jobId: 'z' };
      const before = await f.counts();
      for (const field of ['candidateId', 'agentId', 'jobId'] as const) {
        const res = await post({ ...mine, [field]: bad[field] });
        expectValidation(res, field);
        expect(res.text).not.toContain(other.id);
      }
      expectValidation(await post({ agentId: mine.agentId, candidate: { ...CANDIDATE, jobId: bad.jobId } }), 'candidate.jobId');
      expect(await f.counts()).toEqual(before);
      const otherSide = await fixtures(other.api).counts();
      expect(otherSide.interviews).toBe(0);
    });

    it('an agent whose type or focus is UNDEFINED, existing or inline', async () => {
      const undefinedType = await f.agent({ type: 'UNDEFINED' });
      const undefinedFocus = await f.agent({ focus: 'UNDEFINED' });
      expectValidation(await post({ ...mine, agentId: undefinedType.id }), 'agentId');
      expectValidation(await post({ ...mine, agentId: undefinedFocus.id }), 'agentId');
      const { agentId: _agentId, ...rest } = mine;
      expectValidation(await post({ ...rest, agent: { ...AGENT, type: 'UNDEFINED' } }), 'agent.type');
      expectValidation(await post({ ...rest, agent: { ...AGENT, focus: 'UNDEFINED' } }), 'agent.focus');
    });
  });

  describe('scopes (§3.2): write:interviews, read:candidates and read:agents; inline creation needs no more', () => {
    it.each(['write:interviews', 'read:candidates', 'read:agents'])('a key lacking %s gets 403 naming it', async (missing) => {
      const key = await server.companyKey(acme.id, { scopes: SCOPES.filter((s) => s !== missing) });
      const agent = await f.agent(GENERIC_AGENT);
      const candidate = await f.candidate();
      const before = await f.counts();
      const error = expectError(await post({ agentId: agent.id, candidateId: candidate.id }, key.api), 403, 'INSUFFICIENT_PERMISSIONS');
      expect(error.message).toContain(missing);
      expect(await f.counts()).toEqual(before);
    });

    it('a key with exactly the three scopes creates inline candidate, agent and job', async () => {
      const key = await server.companyKey(acme.id, { scopes: ['write:interviews', 'read:candidates', 'read:agents'] });
      const res = await post({ candidate: CANDIDATE, agent: AGENT, job: JOB }, key.api);
      expect(res.status, res.text).toBe(201);
      expect((await acme.api('GET', `/v1/jobs/${res.body.jobId}`)).status).toBe(200);
      expect((await acme.api('GET', `/v1/agents/${res.body.agentId}`)).status).toBe(200);
      expect((await acme.api('GET', `/v1/candidates/${res.body.candidateId}`)).body.jobIds).toEqual([res.body.jobId]);
    });
  });
});
