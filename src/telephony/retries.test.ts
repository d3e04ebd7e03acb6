/**
 * Issue 14, part 2, through the real server and the Twilio fake: NO_ANSWER, BUSY and VOICEMAIL
 * are called again CALL_RETRY_MINUTES later inside the candidate's calling window, until
 * CALL_RETRY_ATTEMPTS calls were made; then an interview that never started FAILS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCall, startTwilioFake, type TwilioFake } from '../../test/fakes/twilio-server.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { type PlaceCallDeps, placeCall } from './place-call.ts';
import { telephonyFromConfig } from './twilio/twilio-telephony.ts';

describe('automatic retries inside the calling window', () => {
  // A Thursday: 11:00 in Berlin, 19:00 in Tokyo.
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let fake: TwilioFake;
  let server: TestServer;
  let acme: SeededCompany;
  let dialler: PlaceCallDeps;
  let sequence = 0;

  beforeAll(async () => {
    fake = await startTwilioFake();
    server = await startTestServer({ clock, env: { TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_API_BASE: fake.url, PUBLIC_URL: 'https://interviews.example.test' } });
    // The test dials itself (placeCall): the queue's dial tasks must not race it.
    await server.deps.queue.stop();
    fake.connect({ publicUrl: server.deps.config.publicUrl, serverUrl: server.baseUrl });
    dialler = { db: server.deps.database.db, clock, telephony: telephonyFromConfig(server.deps.config), recordCalls: false, calls: server.deps.config.calls };
    acme = await server.company('Acme');
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  async function newInterview(candidatePhone = '+4915112345678', company = acme): Promise<{ id: string; attemptId: string }> {
    const phone = await company.api('POST', '/v1/phone-numbers', { body: { number: `+4930666${String(1000 + ++sequence)}` } });
    const agent = await company.api('POST', '/v1/agents', { body: { name: `Retry agent ${sequence}`, type: 'PHONE', focus: 'GENERIC', companyPhoneNumberId: phone.body.id } });
    const interview = await company.api('POST', '/v1/interviews', { body: { agentId: agent.body.id, candidate: { firstName: 'Bo', lastName: `R${sequence}`, phoneNumber: candidatePhone } } });
    expect(interview.status, interview.text).toBe(201);
    return { id: interview.body.id, attemptId: interview.body.callAttempts[0].id };
  }

  async function dial(attemptId: string): Promise<FakeCall> {
    expect(await placeCall(dialler, attemptId)).toMatchObject({ ok: true });
    return fake.calls.at(-1) as FakeCall;
  }

  const attemptsOf = async (id: string, company = acme) => {
    const res = await company.api('GET', `/v1/interviews/${id}/call-attempts`, { query: { order: 'asc', limit: 100 } });
    expect(res.status, res.text).toBe(200);
    return res.body.data as { id: string; status: string; reasonCode: string | null; retryNumber: number; scheduledAt: string; notes: string | null }[];
  };
  const statusOf = async (id: string) => (await acme.api('GET', `/v1/interviews/${id}`)).body.status;

  it('NO_ANSWER, BUSY, then VOICEMAIL: two retries 30 minutes apart, then the interview FAILS', async () => {
    const { id, attemptId } = await newInterview();
    await fake.status(await dial(attemptId), 'no-answer');
    let attempts = await attemptsOf(id);
    expect(attempts.map((a) => [a.status, a.reasonCode, a.retryNumber])).toEqual([['FAILED', 'NO_ANSWER', 0], ['SCHEDULED', null, 1]]);
    expect(attempts[1]?.scheduledAt).toBe('2025-11-20T10:30:00.000Z');
    expect(attempts[1]?.notes).toContain('NO_ANSWER');
    expect(await statusOf(id)).toBe('SCHEDULED');

    clock.set('2025-11-20T10:30:00.000Z');
    await fake.status(await dial(attempts[1]?.id ?? ''), 'busy');
    attempts = await attemptsOf(id);
    expect(attempts.map((a) => [a.status, a.reasonCode, a.retryNumber])).toEqual([['FAILED', 'NO_ANSWER', 0], ['FAILED', 'BUSY', 1], ['SCHEDULED', null, 2]]);
    expect(attempts[2]?.scheduledAt).toBe('2025-11-20T11:00:00.000Z');

    clock.set('2025-11-20T11:00:00.000Z');
    const third = await dial(attempts[2]?.id ?? '');
    expect((await fake.answer(third, 'machine_end_silence')).text).toContain('<Hangup/>');
    attempts = await attemptsOf(id);
    expect(attempts.map((a) => [a.status, a.reasonCode])).toEqual([['FAILED', 'NO_ANSWER'], ['FAILED', 'BUSY'], ['FAILED', 'VOICEMAIL']]);
    expect(await statusOf(id)).toBe('FAILED');
    const failed = await server.deps.database.db.selectFrom('interviews').select('finishedDate').where('id', '=', id).executeTakeFirstOrThrow();
    expect(failed.finishedDate).toBe('2025-11-20T11:00:00.000Z');
  });

  it('an outcome that is not retried (the call could not connect) fails the interview at once', async () => {
    clock.advance(60_000);
    const { id, attemptId } = await newInterview();
    await fake.status(await dial(attemptId), 'failed');
    expect((await attemptsOf(id)).map((a) => [a.status, a.reasonCode])).toEqual([['FAILED', 'FAILED']]);
    expect(await statusOf(id)).toBe('FAILED');
  });

  it("a number whose country is not known: the company's timezone decides (Tokyo, 19:45 → Friday 09:00)", async () => {
    // The clock goes back: a company of its own, whose transactions have not seen a later instant.
    clock.set('2025-11-20T10:45:00.000Z');
    const tokyo = await server.company('Tokyo');
    expect((await tokyo.api('PATCH', `/v1/company/${tokyo.id}`, { body: { timezone: 'Asia/Tokyo' } })).status).toBe(200);
    const { id, attemptId } = await newInterview('+88812345678', tokyo);
    await fake.status(await dial(attemptId), 'no-answer');
    expect((await attemptsOf(id, tokyo)).at(-1)).toMatchObject({ status: 'SCHEDULED', scheduledAt: '2025-11-21T00:00:00.000Z' });
  });

  it('a retry due at 19:50 + 30 minutes in Berlin rolls to 09:00 the next morning', async () => {
    clock.set('2025-11-20T18:50:00.000Z');
    const { id, attemptId } = await newInterview();
    await fake.status(await dial(attemptId), 'busy');
    expect((await attemptsOf(id)).at(-1)).toMatchObject({ status: 'SCHEDULED', retryNumber: 1, scheduledAt: '2025-11-21T08:00:00.000Z' });
  });

  it('an automatic retry is an ordinary SCHEDULED attempt: the integrator may replace it with its own', async () => {
    clock.advance(60_000);
    const { id, attemptId } = await newInterview();
    const call = await dial(attemptId);
    await fake.status(call, 'no-answer');
    const automatic = (await attemptsOf(id)).at(-1);
    const own = await acme.api('POST', `/v1/interviews/${id}/call-attempts`, { body: { scheduledAt: '2025-11-21T12:00:00.000Z' } });
    expect(own.status, own.text).toBe(201);
    expect((await attemptsOf(id)).map((a) => [a.id, a.status])).toEqual([
      [attemptId, 'FAILED'],
      [automatic?.id, 'CANCELLED'],
      [own.body.id, 'SCHEDULED'],
    ]);
  });
});
