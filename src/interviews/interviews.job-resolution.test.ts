/**
 * §10 job resolution, one rule per test: `job` wins, then `jobId`, then `candidate.jobId`; a named
 * job must be one of the candidate's jobs (inline ones are linked); without a job a GENERIC agent
 * needs a candidate without jobs and any other focus takes the candidate's only job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { AGENT, CANDIDATE, fixtures, type Fixtures, GENERIC_AGENT, JOB } from './interviews.test-helpers.ts';

describe('interviews: job resolution (§10)', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let f: Fixtures;
  let screening: string;
  let generic: string;
  let jobA: string;
  let jobB: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    acme = await server.company('Acme');
    f = fixtures(acme.api);
    screening = (await f.agent(AGENT)).id;
    generic = (await f.agent(GENERIC_AGENT)).id;
    jobA = (await f.job({ title: 'Job A title' })).id;
    jobB = (await f.job({ title: 'Job B title' })).id;
  });
  afterAll(() => server.close());

  const post = (body: Record<string, unknown>) => acme.api('POST', '/v1/interviews', { body });
  const jobIdsOf = async (candidateId: string) => (await acme.api('GET', `/v1/candidates/${candidateId}`)).body.jobIds as string[];

  describe('precedence: job, then jobId, then candidate.jobId', () => {
    it('an inline job wins over the candidate’s own jobs (no ambiguity error) and is appended to them', async () => {
      const candidate = await f.candidate({ jobIds: [jobA, jobB] });
      const res = await post({ agentId: screening, candidateId: candidate.id, job: JOB });
      expect(res.status, res.text).toBe(201);
      expect([jobA, jobB]).not.toContain(res.body.jobId);
      expect(await jobIdsOf(candidate.id)).toEqual([jobA, jobB, res.body.jobId]);
    });

    it('jobId picks one of several jobs of the candidate', async () => {
      const candidate = await f.candidate({ jobIds: [jobA, jobB] });
      const res = await post({ agentId: screening, candidateId: candidate.id, jobId: jobB });
      expect(res.status, res.text).toBe(201);
      expect(res.body.jobId).toBe(jobB);
      expect(await jobIdsOf(candidate.id)).toEqual([jobA, jobB]);
    });

    it('candidate.jobId names the job of an inline candidate, also for a GENERIC agent', async () => {
      for (const agentId of [screening, generic]) {
        const res = await post({ agentId, candidate: { ...CANDIDATE, jobId: jobB } });
        expect(res.status, res.text).toBe(201);
        expect(res.body.jobId).toBe(jobB);
        expect(await jobIdsOf(res.body.candidateId)).toEqual([jobB]);
      }
    });
  });

  describe('a named job must be one of the candidate’s jobs', () => {
    it('an existing candidate not linked to jobId: 400 naming jobId, nothing linked', async () => {
      const candidate = await f.candidate({ jobIds: [jobA] });
      const error = expectValidation(await post({ agentId: screening, candidateId: candidate.id, jobId: jobB }), 'jobId');
      expect(error.message).toMatch(/not one of the candidate/);
      expect(await jobIdsOf(candidate.id)).toEqual([jobA]);
      const none = await f.candidate();
      expectValidation(await post({ agentId: generic, candidateId: none.id, jobId: jobA }), 'jobId');
      expect(await jobIdsOf(none.id)).toEqual([]);
    });

    it('an inline job is linked to an existing candidate (GET candidate shows it)', async () => {
      const candidate = await f.candidate();
      const res = await post({ agentId: generic, candidateId: candidate.id, job: { ...JOB, title: 'Linked inline job' } });
      expect(res.status, res.text).toBe(201);
      expect(res.body.jobId).not.toBeNull();
      const read = (await acme.api('GET', `/v1/candidates/${candidate.id}`)).body;
      expect(read.jobIds).toEqual([res.body.jobId]);
      expect(read.jobId).toBe(res.body.jobId);
      const listed = await acme.api('GET', '/v1/candidates', { query: { jobId: res.body.jobId } });
      expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([candidate.id]);
    });

    it('an inline candidate is linked to the resolved job (jobId or inline job)', async () => {
      const byId = await post({ agentId: screening, candidate: CANDIDATE, jobId: jobA });
      expect(byId.status, byId.text).toBe(201);
      expect(byId.body.jobId).toBe(jobA);
      expect(await jobIdsOf(byId.body.candidateId)).toEqual([jobA]);
      const inline = await post({ agentId: screening, candidate: CANDIDATE, job: JOB });
      expect(inline.status, inline.text).toBe(201);
      expect(await jobIdsOf(inline.body.candidateId)).toEqual([inline.body.jobId]);
    });
  });

  describe('no job given', () => {
    it('GENERIC agent, candidate without jobs: jobId null', async () => {
      const candidate = await f.candidate();
      const res = await post({ agentId: generic, candidateId: candidate.id });
      expect(res.status, res.text).toBe(201);
      expect(res.body.jobId).toBeNull();
      const inline = await post({ agentId: generic, candidate: CANDIDATE });
      expect(inline.status, inline.text).toBe(201);
      expect(inline.body.jobId).toBeNull();
    });

    it('GENERIC agent, candidate with jobs: 400 naming jobId', async () => {
      const one = await f.candidate({ jobIds: [jobA] });
      const error = expectValidation(await post({ agentId: generic, candidateId: one.id }), 'jobId');
      expect(error.message).toMatch(/job/);
      expectValidation(await post({ agentId: generic, candidate: { ...CANDIDATE, jobIds: [jobA, jobB] } }), 'jobId');
    });

    it.each(['SCREENING', 'OUTREACH', 'LANGUAGE_TEST'])('%s agent, candidate with zero jobs: 400 saying so', async (focus) => {
      const agent = await f.agent({ focus, ...(focus === 'LANGUAGE_TEST' ? { cefrLevel: 'B2', language: 'DE' } : {}) });
      const candidate = await f.candidate();
      const error = expectValidation(await post({ agentId: agent.id, candidateId: candidate.id }), 'jobId');
      expect(error.message).toMatch(/no job/);
      expectValidation(await post({ agentId: agent.id, candidate: CANDIDATE }), 'jobId');
    });

    it('a non-GENERIC agent takes the candidate’s only job', async () => {
      const candidate = await f.candidate({ jobIds: [jobB] });
      const res = await post({ agentId: screening, candidateId: candidate.id });
      expect(res.status, res.text).toBe(201);
      expect(res.body.jobId).toBe(jobB);
      const inline = await post({ agentId: screening, candidate: { ...CANDIDATE, jobIds: [jobA] } });
      expect(inline.status, inline.text).toBe(201);
      expect(inline.body.jobId).toBe(jobA);
    });

    it('a non-GENERIC agent and a candidate with several jobs: 400 saying so', async () => {
      const candidate = await f.candidate({ jobIds: [jobA, jobB] });
      const error = expectValidation(await post({ agentId: screening, candidateId: candidate.id }), 'jobId');
      expect(error.message).toMatch(/2 jobs/);
      expectValidation(await post({ agentId: screening, candidate: { ...CANDIDATE, jobIds: [jobA, jobB] } }), 'jobId');
    });

    it('the candidate’s only job was deleted since: it cannot be assigned to a new interview (400 naming jobId)', async () => {
      const doomed = (await f.job({ title: 'Doomed job' })).id;
      const candidate = await f.candidate({ jobIds: [doomed] });
      expect((await acme.api('DELETE', `/v1/jobs/${doomed}`)).status).toBe(200);
      expectValidation(await post({ agentId: screening, candidateId: candidate.id }), 'jobId');
      expectValidation(await post({ agentId: screening, candidateId: candidate.id, jobId: doomed }), 'jobId');
      const interviews = await acme.api('GET', '/v1/interviews', { query: { candidateId: candidate.id } });
      expect(interviews.body.total).toBe(0);
    });
  });
});
