/**
 * Phone interviews in a test: the real server on a manual clock with Twilio pointed at the fake,
 * its queue run by the test (`runDue`: the dial tasks, the session's timers, the analysis), and
 * PHONE interviews created through the API.
 */
import { expect } from 'vitest';
import { type FakeCall, startTwilioFake, type TwilioFake } from '../../test/fakes/twilio-server.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import type { ManualClock } from '../core/clock.ts';

export const PUBLIC_URL = 'https://interviews.example.test';

export interface PhoneWorld {
  server: TestServer;
  fake: TwilioFake;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function startPhoneWorld(clock: ManualClock, env: Record<string, string> = {}): Promise<PhoneWorld> {
  const fake = await startTwilioFake();
  const server = await startTestServer({
    clock,
    env: { TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_API_BASE: fake.url, PUBLIC_URL, ...env },
  });
  await server.deps.queue.stop();
  fake.connect({ publicUrl: server.deps.config.publicUrl, serverUrl: server.baseUrl });
  return {
    server,
    fake,
    clock,
    async close() {
      await server.close();
      await fake.close();
    },
  };
}

/** Runs every due task until none is due, then waits for the turns they caused. */
export async function runDue(world: PhoneWorld, interviewId?: string): Promise<void> {
  while ((await world.server.deps.queue.runOnce()) > 0);
  if (interviewId) await world.server.deps.sessions.settled(interviewId);
}

let sequence = 0;

/** A PHONE agent (its own company number) and an interview of it, created through the API. */
export async function phoneInterview(
  company: SeededCompany,
  options: { questions?: string[]; language?: string; candidatePhone?: string; scheduledAt?: string } = {},
): Promise<{ id: string; attemptId: string; companyNumber: string; candidatePhone: string }> {
  const number = `+4930777${String(1000 + ++sequence)}`;
  const phone = await company.api('POST', '/v1/phone-numbers', { body: { number, capabilities: ['OUTBOUND', 'INBOUND'] } });
  expect(phone.status, phone.text).toBe(201);
  const agent = await company.api('POST', '/v1/agents', {
    body: {
      name: `Phone screener ${sequence}`, type: 'PHONE', focus: 'GENERIC', language: options.language ?? 'EN', voiceId: 'EMMA', duration: 10,
      questions: options.questions ?? ['What did you build last?', 'How do you test it?'], companyPhoneNumberId: phone.body.id,
    },
  });
  expect(agent.status, agent.text).toBe(201);
  const candidatePhone = options.candidatePhone ?? `+49151${String(10_000_000 + sequence)}`;
  const interview = await company.api('POST', '/v1/interviews', {
    body: { agentId: agent.body.id, candidate: { firstName: 'Ada', lastName: `Phone ${sequence}`, phoneNumber: candidatePhone }, ...(options.scheduledAt ? { scheduledAt: options.scheduledAt } : {}) },
  });
  expect(interview.status, interview.text).toBe(201);
  return { id: interview.body.id, attemptId: interview.body.callAttempts[0].id, companyNumber: number, candidatePhone };
}

/** The fake's call for an attempt (dialled by its task). */
export function callOf(world: PhoneWorld, attemptId: string): FakeCall {
  const call = world.fake.calls.find((c) => c.request.params.StatusCallback?.includes(`/attempts/${attemptId}/`));
  if (!call) throw new Error(`attempt ${attemptId} was not dialled`);
  return call;
}

export async function attemptsOf(company: SeededCompany, interviewId: string) {
  const res = await company.api('GET', `/v1/interviews/${interviewId}/call-attempts`, { query: { order: 'asc', limit: 100 } });
  expect(res.status, res.text).toBe(200);
  return res.body.data as { id: string; status: string; reasonCode: string | null; retryNumber: number; scheduledAt: string; calledAt: string | null; notes: string | null; direction: string }[];
}

export async function interviewOf(company: SeededCompany, id: string) {
  const res = await company.api('GET', `/v1/interviews/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export async function transcriptOf(company: SeededCompany, id: string) {
  const res = await company.api('GET', `/v1/interviews/${id}/transcript`);
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; role: string; text: string; channel?: string; confidence?: number | null }[];
}

/** The dial task waiting for an attempt, if any. */
export async function dialTaskOf(world: PhoneWorld, attemptId: string) {
  return world.server.deps.database.db
    .selectFrom('queueTasks')
    .select(['runAt', 'status'])
    .where('dedupeKey', '=', `call-attempt:${attemptId}:dial`)
    .where('status', 'in', ['PENDING', 'RUNNING'])
    .executeTakeFirst();
}

/** The text a TwiML document says. */
export function said(twiml: string): string {
  return [...twiml.matchAll(/<Say\b[^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]).join(' ').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
