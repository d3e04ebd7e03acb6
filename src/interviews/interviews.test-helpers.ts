import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../test/harness.ts';

/** Valid inline bodies (§5, §8, §9); tests spread their own fields over them. */
export const AGENT = { name: 'Backend screener', focus: 'SCREENING', duration: 30, questions: ['Tell me about a system you scaled.', 'How do you test?'] };
export const GENERIC_AGENT = { ...AGENT, name: 'Generic interviewer', focus: 'GENERIC' };
export const JOB = { title: 'Backend engineer', description: 'Builds and runs the backend systems.' };
export const CANDIDATE = { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com' };

export const TOKEN = /^[A-Za-z0-9_-]{43,}$/;

type Body = Record<string, unknown>;
let phoneCounter = 0;

/** Creates resources of one company over real HTTP, asserting each create succeeded. */
export function fixtures(api: ApiClient) {
  const created = async (path: string, body: Body): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await api('POST', path, { body });
    expect(res.status, `${path}: ${res.text}`).toBe(201);
    return res.body;
  };
  return {
    agent: (body: Body = {}) => created('/v1/agents', { ...AGENT, ...body }),
    job: (body: Body = {}) => created('/v1/jobs', { ...JOB, ...body }),
    candidate: (body: Body = {}) => created('/v1/candidates', { ...CANDIDATE, ...body }),
    interview: (body: Body) => created('/v1/interviews', body),
    /** An ONLINE GENERIC agent and a candidate without jobs: the smallest valid interview. */
    async plainInterview(extra: Body = {}) {
      const agent = await created('/v1/agents', GENERIC_AGENT);
      const candidate = await created('/v1/candidates', CANDIDATE);
      return created('/v1/interviews', { agentId: agent.id, candidateId: candidate.id, ...extra });
    },
    /** A PHONE agent (it needs an active OUTBOUND number of the company). */
    async phoneAgent(body: Body = {}) {
      const number = `+1415555${String(++phoneCounter).padStart(4, '0')}`;
      const phone = await created('/v1/phone-numbers', { number });
      return created('/v1/agents', { ...GENERIC_AGENT, type: 'PHONE', companyPhoneNumberId: phone.id, ...body });
    },
    /** How many live rows each list endpoint reports. */
    async counts() {
      const total = async (path: string) => {
        const res = await api('GET', path, { query: { limit: 1 } });
        expect(res.status, res.text).toBe(200);
        return res.body.total as number;
      };
      return { candidates: await total('/v1/candidates'), agents: await total('/v1/agents'), jobs: await total('/v1/jobs'), interviews: await total('/v1/interviews') };
    },
  };
}

export type Fixtures = ReturnType<typeof fixtures>;

/** Polls GET /v1/interviews/{id} until `done` holds or `timeoutMs` passes; returns the last body. */
export async function pollInterview(api: ApiClient, id: string, done: (body: any) => boolean, timeoutMs = 15_000): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const deadline = Date.now() + timeoutMs;
  let last: ApiResponse;
  do {
    last = await api('GET', `/v1/interviews/${id}`);
    expect(last.status, last.text).toBe(200);
    if (done(last.body)) return last.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  return last.body;
}
