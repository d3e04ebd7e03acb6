/**
 * Issue 14, parts 3 and 4, through the real server and the Twilio fake: a candidate calling the
 * company number is interviewed on the spot (matched by caller ID), an unknown caller hears the
 * company's message in its `defaultLanguage`; a voicemail makes the attempt VOICEMAIL and the
 * next call a task, with a "please call back" message when CALL_VOICEMAIL_MESSAGE is on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeededCompany } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { linesFor } from '../interviews/runtime/lines/lines.ts';
import { attemptsOf, callOf, dialTaskOf, interviewOf, phoneInterview, type PhoneWorld, PUBLIC_URL, runDue, said, startPhoneWorld, transcriptOf } from './phone.test-helpers.ts';

const VOICE_URL = `${PUBLIC_URL}/telephony/twilio/inbound`;
const STATUS_URL = `${PUBLIC_URL}/telephony/twilio/inbound/status`;

describe('inbound calls', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let world: PhoneWorld;

  beforeAll(async () => {
    world = await startPhoneWorld(clock);
  });
  afterAll(() => world?.close());

  const company = (): Promise<SeededCompany> => world.server.company('Acme');

  it('the candidate calls the company number: interviewed on the spot; the waiting outbound call is cancelled', async () => {
    clock.set('2025-11-20T10:00:00.000Z');
    const acme = await company();
    const { id, attemptId, companyNumber, candidatePhone } = await phoneInterview(acme, { scheduledAt: '2025-11-21T10:00:00.000Z' });
    clock.advance(60_000);
    const { call, result } = await world.fake.incoming(VOICE_URL, { from: candidatePhone, to: companyNumber, statusUrl: STATUS_URL });
    expect(result.status).toBe(200);
    expect(said(result.text)).toMatch(/^Hello Ada/);
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'IN_PROGRESS', startedAt: '2025-11-20T10:01:00.000Z' });
    const attempts = await attemptsOf(acme, id);
    expect(attempts.map((a) => [a.direction, a.status, a.retryNumber])).toEqual([['OUTBOUND', 'CANCELLED', 0], ['INBOUND', 'IN_PROGRESS', 1]]);
    expect(attempts[1]?.calledAt).toBe('2025-11-20T10:01:00.000Z');
    expect(await dialTaskOf(world, attemptId)).toBeUndefined();
    // Twilio asking the Voice URL again for the same call: the same words, no second attempt.
    const again = await world.fake.post(VOICE_URL, { AccountSid: world.fake.accountSid, CallSid: call.sid, From: candidatePhone, To: companyNumber, CallStatus: 'ringing', Direction: 'inbound' });
    expect(again.text).toBe(result.text);
    expect(await attemptsOf(acme, id)).toEqual(attempts);

    await world.fake.speak(call, 'A billing service.');
    const closing = await world.fake.speak(call, 'With tests.');
    expect(closing.text).toContain('<Hangup/>');
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'COMPLETED' });
    expect((await world.fake.status(call, 'completed', { CallDuration: '80' })).status).toBe(204);
    expect((await attemptsOf(acme, id))[1]).toMatchObject({ status: 'COMPLETED', duration: 80 });
    expect((await transcriptOf(acme, id)).filter((t) => t.role === 'candidate').map((t) => t.channel)).toEqual(['phone', 'phone']);
  });

  it('a candidate who hung up calls back: the interview resumes where it stopped', async () => {
    clock.set('2025-11-20T11:00:00.000Z');
    const acme = await company();
    const { id, attemptId, companyNumber, candidatePhone } = await phoneInterview(acme);
    await runDue(world);
    const outbound = callOf(world, attemptId);
    await world.fake.answer(outbound, 'human');
    await world.fake.speak(outbound, 'A billing service.');
    await world.fake.status(outbound, 'completed', { CallDuration: '30', AnsweredBy: 'human' });
    expect((await attemptsOf(acme, id)).map((a) => a.status)).toEqual(['FAILED', 'SCHEDULED']);

    clock.advance(5 * 60_000);
    const { result } = await world.fake.incoming(VOICE_URL, { from: candidatePhone, to: companyNumber, statusUrl: STATUS_URL });
    expect(said(result.text)).toMatch(/How do you test it\?$/);
    expect((await attemptsOf(acme, id)).map((a) => [a.direction, a.status, a.reasonCode])).toEqual([
      ['OUTBOUND', 'FAILED', 'CANDIDATE_HUNG_UP'],
      ['OUTBOUND', 'CANCELLED', 'CANCELLED'],
      ['INBOUND', 'IN_PROGRESS', null],
    ]);
  });

  it("an unknown caller hears the company's message in its defaultLanguage, and the call ends; nothing is created", async () => {
    clock.set('2025-11-20T12:00:00.000Z');
    const acme = await company();
    expect((await acme.api('PATCH', `/v1/company/${acme.id}`, { body: { defaultLanguage: 'DE' } })).status).toBe(200);
    const { id, companyNumber } = await phoneInterview(acme, { scheduledAt: '2025-11-21T10:00:00.000Z' });
    const before = await attemptsOf(acme, id);
    const { result } = await world.fake.incoming(VOICE_URL, { from: '+4917699999999', to: companyNumber, statusUrl: STATUS_URL });
    expect(said(result.text)).toBe(linesFor('DE').unknownCaller.replace('{companyName}', 'Acme'));
    expect(result.text).toContain('language="de-DE"');
    expect(result.text).toContain('<Hangup/>');
    expect(await attemptsOf(acme, id)).toEqual(before);
    // A number no company has: the call just ends.
    expect((await world.fake.incoming(VOICE_URL, { from: '+4917699999999', to: '+4930000000', statusUrl: STATUS_URL })).result.text).toMatch(/^<\?xml[^>]*><Response><Hangup\/><\/Response>$/);
  });

  it('an unsigned or wrongly signed inbound request is 403 and takes no call', async () => {
    clock.set('2025-11-20T13:00:00.000Z');
    const acme = await company();
    const { id, companyNumber, candidatePhone } = await phoneInterview(acme, { scheduledAt: '2025-11-21T10:00:00.000Z' });
    const before = await interviewOf(acme, id);
    const params = { AccountSid: world.fake.accountSid, CallSid: 'CA0123456789abcdef0123456789abcdef', From: candidatePhone, To: companyNumber, CallStatus: 'ringing', Direction: 'inbound' };
    for (const signing of ['missing', 'wrong-token'] as const) {
      expect((await world.fake.post(VOICE_URL, params, signing)).status).toBe(403);
      expect((await world.fake.post(STATUS_URL, { ...params, CallStatus: 'completed' }, signing)).status).toBe(403);
    }
    expect(await interviewOf(acme, id)).toEqual(before);
  });
});

describe('voicemail', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let plain: PhoneWorld;
  let withMessage: PhoneWorld;

  beforeAll(async () => {
    plain = await startPhoneWorld(clock);
    withMessage = await startPhoneWorld(clock, { CALL_VOICEMAIL_MESSAGE: 'true' });
  });
  afterAll(async () => {
    await plain?.close();
    await withMessage?.close();
  });

  it('by default: VOICEMAIL, hung up without a word, the next call a task 30 minutes later', async () => {
    const acme = await plain.server.company('Acme');
    const { id, attemptId } = await phoneInterview(acme);
    await runDue(plain);
    const call = callOf(plain, attemptId);
    expect(call.request.params.MachineDetection).toBe('Enable');
    const answered = await plain.fake.answer(call, 'machine_start');
    expect(said(answered.text)).toBe('');
    expect(answered.text).toContain('<Hangup/>');
    const attempts = await attemptsOf(acme, id);
    expect(attempts.map((a) => [a.status, a.reasonCode])).toEqual([['FAILED', 'VOICEMAIL'], ['SCHEDULED', null]]);
    expect(await dialTaskOf(plain, attempts[1]?.id as string)).toEqual({ runAt: '2025-11-20T10:30:00.000Z', status: 'PENDING' });
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'SCHEDULED' });
  });

  it('CALL_VOICEMAIL_MESSAGE=true: the dial waits for the beep, and the machine records a call-back message in the agent\'s language', async () => {
    const acme = await withMessage.server.company('Acme');
    const { id, attemptId } = await phoneInterview(acme, { language: 'DE' });
    await runDue(withMessage);
    const call = callOf(withMessage, attemptId);
    expect(call.request.params.MachineDetection).toBe('DetectMessageEnd');
    const answered = await withMessage.fake.answer(call, 'machine_end_beep');
    expect(said(answered.text)).toBe(linesFor('DE').voicemailCallBack.replace('{companyName}', 'Acme'));
    expect(answered.text).toContain('<Hangup/>');
    expect((await attemptsOf(acme, id)).map((a) => [a.status, a.reasonCode])).toEqual([['FAILED', 'VOICEMAIL'], ['SCHEDULED', null]]);
    // A replayed answer callback leaves no second message.
    const replay = await withMessage.fake.answer(call, 'machine_end_beep');
    expect(said(replay.text)).toBe('');
  });
});
