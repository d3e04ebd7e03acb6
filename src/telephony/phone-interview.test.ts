/**
 * Issue 14 end to end, through the real server, its queue and the Twilio fake: the dial task
 * places the call, a person answers, the interview is spoken through the one engine (speech fed
 * as Gather results, the fake following actions and redirects), the closing hangs up, the
 * interview is COMPLETED and analysed. A candidate hanging up mid-interview is called again and
 * resumed at the question where it stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeededCompany } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { linesFor } from '../interviews/runtime/lines/lines.ts';
import { attemptsOf, callOf, dialTaskOf, interviewOf, phoneInterview, type PhoneWorld, PUBLIC_URL, runDue, said, startPhoneWorld, transcriptOf } from './phone.test-helpers.ts';

const en = linesFor('EN');

describe('a phone interview, spoken through the session', () => {
  // A Thursday, 11:00 in Berlin (the candidates' numbers are German).
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let world: PhoneWorld;

  beforeAll(async () => {
    world = await startPhoneWorld(clock);
  });
  afterAll(() => world?.close());

  const company = (): Promise<SeededCompany> => world.server.company('Acme');

  it('dialled by its task, answered, interviewed question by question, hung up after the closing, COMPLETED and analysed', async () => {
    clock.set('2025-11-20T10:00:00.000Z');
    const acme = await company();
    const { id, attemptId, companyNumber, candidatePhone } = await phoneInterview(acme);
    expect(await dialTaskOf(world, attemptId)).toEqual({ runAt: '2025-11-20T10:00:00.000Z', status: 'PENDING' });

    await runDue(world);
    const call = callOf(world, attemptId);
    expect(call.request.params).toMatchObject({ From: companyNumber, To: candidatePhone, MachineDetection: 'Enable' });
    expect(call.request.params.Record).toBeUndefined();
    expect(await dialTaskOf(world, attemptId)).toBeUndefined();
    expect((await attemptsOf(acme, id))[0]).toMatchObject({ status: 'IN_PROGRESS', calledAt: '2025-11-20T10:00:00.000Z' });
    expect((await interviewOf(acme, id)).status).toBe('SCHEDULED'); // ringing is not answering

    await world.fake.status(call, 'ringing');
    clock.advance(5_000);
    const greeting = await world.fake.answer(call, 'human');
    expect(greeting.status).toBe(200);
    expect(greeting.text).toContain('<Gather input="speech"');
    expect(said(greeting.text)).toContain('Hello Ada');
    expect(said(greeting.text)).toMatch(/What did you build last\?$/);
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'IN_PROGRESS', startedAt: '2025-11-20T10:00:05.000Z' });
    let turns = await transcriptOf(acme, id);
    expect(call.gatherAction).toBe(`${PUBLIC_URL}/telephony/twilio/attempts/${attemptId}/gather?turn=${turns[0]?.id}`);

    clock.advance(30_000);
    const second = await world.fake.speak(call, 'A billing service in Go.', 0.87);
    expect(said(second.text)).toMatch(/How do you test it\?$/);
    clock.advance(30_000);
    const closing = await world.fake.speak(call, 'Unit tests and a staging replay.', 0.93);
    expect(said(closing.text)).toBe(en.closing.replace('{companyName}', 'Acme'));
    expect(closing.text).toContain('<Hangup/>');
    expect(call.hungUp).toBe(true);

    turns = await transcriptOf(acme, id);
    expect(turns.map((t) => [t.role, t.channel])).toEqual([['agent', 'phone'], ['candidate', 'phone'], ['agent', 'phone'], ['candidate', 'phone'], ['agent', 'phone']]);
    expect(turns.filter((t) => t.role === 'candidate').map((t) => [t.text, t.confidence])).toEqual([
      ['A billing service in Go.', 0.87],
      ['Unit tests and a staging replay.', 0.93],
    ]);
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'COMPLETED', statusReason: 'COMPLETED', durationMinutes: 1 });

    await world.fake.status(call, 'completed', { CallDuration: '75', AnsweredBy: 'human' });
    expect((await attemptsOf(acme, id))[0]).toMatchObject({ status: 'COMPLETED', reasonCode: null, duration: 75 });

    await runDue(world, id);
    const analysed = await interviewOf(acme, id);
    expect(analysed.analysis?.evaluator).toMatchObject({ kind: 'rules' });
    expect(analysed.analysis.general.evaluation).toHaveLength(2);
  });

  it('a replayed Gather is the same answer, taken once; the call hears the same reply', async () => {
    clock.set('2025-11-20T11:00:00.000Z');
    const acme = await company();
    const { id, attemptId } = await phoneInterview(acme);
    await runDue(world);
    const call = callOf(world, attemptId);
    await world.fake.answer(call, 'human');
    const action = call.gatherAction as string;
    const params = { AccountSid: world.fake.accountSid, CallSid: call.sid, CallStatus: 'in-progress', SpeechResult: 'A billing service.', Confidence: '0.8' };
    // Unsigned, wrongly signed or tampered: 403, and nothing is heard.
    for (const signing of ['missing', 'wrong-token', 'tampered'] as const) expect((await world.fake.post(action, params, signing)).status).toBe(403);
    expect(await transcriptOf(acme, id)).toHaveLength(1);
    const first = await world.fake.post(action, params);
    const again = await world.fake.post(action, params);
    expect(again.text).toBe(first.text);
    expect((await transcriptOf(acme, id)).filter((t) => t.role === 'candidate')).toHaveLength(1);
    // A replayed answer callback does not greet again.
    const replayed = await world.fake.post(call.request.params.Url as string, { AccountSid: world.fake.accountSid, CallSid: call.sid, CallStatus: 'in-progress', AnsweredBy: 'human' });
    expect(said(replayed.text)).toMatch(/How do you test it\?$/);
    expect(await transcriptOf(acme, id)).toHaveLength(3);
  });

  it('silence is an empty answer: a reprompt, then the next question', async () => {
    clock.set('2025-11-20T12:00:00.000Z');
    const acme = await company();
    const { attemptId } = await phoneInterview(acme);
    await runDue(world);
    const call = callOf(world, attemptId);
    await world.fake.answer(call, 'human');
    const reprompt = await world.fake.speak(call, '');
    expect(said(reprompt.text)).toBe(`${en.reprompt} What did you build last?`);
    const next = await world.fake.speak(call, '');
    expect(said(next.text)).toMatch(/How do you test it\?$/);
  });

  it('the candidate hangs up mid-interview: CANDIDATE_HUNG_UP, called again 30 minutes later, resumed at the question where it stopped', async () => {
    clock.set('2025-11-20T13:00:00.000Z');
    const acme = await company();
    const { id, attemptId } = await phoneInterview(acme, { questions: ['First?', 'Second?', 'Third?'] });
    await runDue(world);
    const call = callOf(world, attemptId);
    await world.fake.answer(call, 'human');
    clock.advance(20_000);
    await world.fake.speak(call, 'First answer.');
    clock.advance(20_000);
    expect((await world.fake.status(call, 'completed', { CallDuration: '40', AnsweredBy: 'human' })).status).toBe(204);

    let attempts = await attemptsOf(acme, id);
    expect(attempts.map((a) => [a.status, a.reasonCode, a.retryNumber])).toEqual([['FAILED', 'CANDIDATE_HUNG_UP', 0], ['SCHEDULED', null, 1]]);
    expect(attempts[1]?.scheduledAt).toBe('2025-11-20T13:30:40.000Z');
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'IN_PROGRESS' });
    // Paused: no timer abandons an interview whose line is down.
    const timer = await world.server.deps.database.db.selectFrom('queueTasks').select('status').where('dedupeKey', '=', `interview:${id}:timer`).where('status', '=', 'PENDING').execute();
    expect(timer).toEqual([]);
    // A replayed hang-up changes nothing.
    await world.fake.status(call, 'completed', { CallDuration: '40', AnsweredBy: 'human' });
    expect(await attemptsOf(acme, id)).toEqual(attempts);

    clock.set('2025-11-20T13:30:40.000Z');
    await runDue(world, id);
    const retry = callOf(world, attempts[1]?.id as string);
    const resumed = await world.fake.answer(retry, 'human');
    expect(said(resumed.text)).toMatch(/^Hello Ada/);
    expect(said(resumed.text)).toMatch(/Second\?$/);
    await world.fake.speak(retry, 'Second answer.');
    const closing = await world.fake.speak(retry, 'Third answer.');
    expect(closing.text).toContain('<Hangup/>');
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'COMPLETED', statusReason: 'COMPLETED' });
    await world.fake.status(retry, 'completed', { CallDuration: '50', AnsweredBy: 'human' });
    attempts = await attemptsOf(acme, id);
    expect(attempts.map((a) => [a.status, a.reasonCode])).toEqual([['FAILED', 'CANDIDATE_HUNG_UP'], ['COMPLETED', null]]);
    const answers = (await transcriptOf(acme, id)).filter((t) => t.role === 'candidate').map((t) => t.text);
    expect(answers).toEqual(['First answer.', 'Second answer.', 'Third answer.']);
  });
});
