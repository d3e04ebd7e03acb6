/**
 * Issue 14, part 2: every SCHEDULED attempt is a durable dial task, due at its time inside the
 * calling window, moved and cancelled with the attempt through the API; retries are tasks too.
 * Driven through the real server, its queue (run by the test on a manual clock) and the Twilio fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { attemptsOf, callOf, dialTaskOf, interviewOf, phoneInterview, type PhoneWorld, runDue, startPhoneWorld } from './phone.test-helpers.ts';

describe('dial tasks', () => {
  // A Thursday, 11:00 in Berlin.
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let world: PhoneWorld;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    world = await startPhoneWorld(clock);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await world?.close();
    await receiver?.close();
  });

  /**
   * Each test sets the clock: a company of its own (a company's transactions never go back in
   * time), subscribed to call_attempt.failed so the events become countable deliveries.
   */
  const company = async (): Promise<SeededCompany> => {
    const acme = await world.server.company('Acme');
    const hook = await acme.api('POST', '/v1/webhooks', { body: { url: receiver.endpoint({ respond: () => 200 }).url, events: ['call_attempt.failed'] } });
    expect(hook.status, hook.text).toBe(201);
    return acme;
  };

  const failedEvents = async (interviewId: string) =>
    (await world.server.deps.database.db.selectFrom('webhookDeliveries').select('body').where('interviewId', '=', interviewId).where('eventType', '=', 'call_attempt.failed').orderBy('createdAt').execute()).map(
      (row) => JSON.parse(row.body).data as { reasonCode: string },
    );

  it('no answer three times: each retry is a task 30 minutes later; then FAILED (NO_ANSWER) with three call_attempt.failed events', async () => {
    clock.set('2025-11-20T10:00:00.000Z');
    const acme = await company();
    const { id } = await phoneInterview(acme);
    for (let call = 0; call < 3; call++) {
      await runDue(world);
      const attempts = await attemptsOf(acme, id);
      const current = attempts[call];
      expect(current).toMatchObject({ status: 'IN_PROGRESS', retryNumber: call });
      await world.fake.status(callOf(world, current?.id as string), 'no-answer');
      const next = (await attemptsOf(acme, id))[call + 1];
      if (call < 2) {
        expect(next).toMatchObject({ status: 'SCHEDULED', retryNumber: call + 1 });
        expect(await dialTaskOf(world, next?.id as string)).toEqual({ runAt: next?.scheduledAt, status: 'PENDING' });
        // Not before its time.
        clock.advance(29 * 60_000);
        await runDue(world);
        expect((await attemptsOf(acme, id))[call + 1]).toMatchObject({ status: 'SCHEDULED' });
        clock.set(next?.scheduledAt as string);
      } else expect(next).toBeUndefined();
    }
    expect((await attemptsOf(acme, id)).map((a) => [a.status, a.reasonCode])).toEqual([['FAILED', 'NO_ANSWER'], ['FAILED', 'NO_ANSWER'], ['FAILED', 'NO_ANSWER']]);
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'FAILED', statusReason: 'NO_ANSWER' });
    expect((await failedEvents(id)).map((e) => e.reasonCode)).toEqual(['NO_ANSWER', 'NO_ANSWER', 'NO_ANSWER']);
  });

  it('busy, then answered on the retry: the interview starts on the second call', async () => {
    clock.set('2025-11-20T11:00:00.000Z');
    const acme = await company();
    const { id, attemptId } = await phoneInterview(acme);
    await runDue(world);
    await world.fake.status(callOf(world, attemptId), 'busy');
    const retry = (await attemptsOf(acme, id))[1];
    expect(retry).toMatchObject({ status: 'SCHEDULED', scheduledAt: '2025-11-20T11:30:00.000Z' });
    clock.set('2025-11-20T11:30:00.000Z');
    await runDue(world);
    const answered = await world.fake.answer(callOf(world, retry?.id as string), 'human');
    expect(answered.text).toContain('<Gather input="speech"');
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'IN_PROGRESS', startedAt: '2025-11-20T11:30:00.000Z' });
    expect((await attemptsOf(acme, id)).map((a) => [a.status, a.reasonCode])).toEqual([['FAILED', 'BUSY'], ['IN_PROGRESS', null]]);
  });

  it('an explicit offset in scheduledAt is the candidate\'s zone: a call at 06:00 there waits for 09:00, and so do its retries', async () => {
    clock.set('2025-11-20T10:00:00.000Z');
    const acme = await company();
    // 06:00 at −05:00 is 11:00 UTC, 12:00 in Berlin (the number's country): the offset decides.
    const { id, attemptId } = await phoneInterview(acme, { scheduledAt: '2025-11-20T06:00:00-05:00' });
    const interview = await interviewOf(acme, id);
    expect(interview.scheduledAt).toBe('2025-11-20T11:00:00.000Z');
    expect(interview.callAttempts[0]).toMatchObject({ scheduledAt: '2025-11-20T14:00:00.000Z' });
    expect(await dialTaskOf(world, attemptId)).toEqual({ runAt: '2025-11-20T14:00:00.000Z', status: 'PENDING' });
    // 19:45 there: the retry 30 minutes later is past 20:00, so the next morning at 09:00 there.
    clock.set('2025-11-21T00:45:00.000Z');
    await runDue(world);
    await world.fake.status(callOf(world, attemptId), 'no-answer');
    expect((await attemptsOf(acme, id))[1]).toMatchObject({ status: 'SCHEDULED', scheduledAt: '2025-11-21T14:00:00.000Z' });
  });

  it('the API moves and cancels the tasks: PATCH moves it, POST replaces it, DELETE and cancel drop it', async () => {
    clock.set('2025-11-20T12:00:00.000Z');
    const acme = await company();
    const { id, attemptId } = await phoneInterview(acme, { scheduledAt: '2025-11-21T10:00:00.000Z' });
    expect(await dialTaskOf(world, attemptId)).toEqual({ runAt: '2025-11-21T10:00:00.000Z', status: 'PENDING' });

    const path = `/v1/interviews/${id}/call-attempts`;
    expect((await acme.api('PATCH', `${path}/${attemptId}`, { body: { scheduledAt: '2025-11-22T09:30:00+01:00' } })).status).toBe(204);
    expect(await dialTaskOf(world, attemptId)).toEqual({ runAt: '2025-11-22T08:30:00.000Z', status: 'PENDING' });
    // Sunday in the candidate's zone (the offset written): moved to Monday 09:00 there.
    expect((await acme.api('PATCH', `${path}/${attemptId}`, { body: { scheduledAt: '2025-11-23T10:00:00+01:00' } })).status).toBe(204);
    expect(await dialTaskOf(world, attemptId)).toEqual({ runAt: '2025-11-24T08:00:00.000Z', status: 'PENDING' });

    const replacement = await acme.api('POST', path, { body: { scheduledAt: '2025-11-21T15:00:00.000Z' } });
    expect(replacement.status, replacement.text).toBe(201);
    expect(await dialTaskOf(world, attemptId)).toBeUndefined();
    expect(await dialTaskOf(world, replacement.body.id)).toEqual({ runAt: '2025-11-21T15:00:00.000Z', status: 'PENDING' });

    expect((await acme.api('DELETE', `${path}/${replacement.body.id}`)).status).toBe(204);
    expect(await dialTaskOf(world, replacement.body.id)).toBeUndefined();

    const third = await acme.api('POST', path, { body: { scheduledAt: '2025-11-21T16:00:00.000Z' } });
    expect(await dialTaskOf(world, third.body.id)).toBeDefined();
    expect((await acme.api('POST', `/v1/interviews/${id}/cancel`)).status).toBe(200);
    expect(await dialTaskOf(world, third.body.id)).toBeUndefined();
    // Nothing is dialled for this interview, even long after.
    clock.set('2025-11-25T12:00:00.000Z');
    await runDue(world);
    const ours = new Set([attemptId, replacement.body.id, third.body.id]);
    expect(world.fake.calls.filter((c) => [...ours].some((a) => c.request.params.StatusCallback?.includes(a)))).toEqual([]);
    expect((await attemptsOf(acme, id)).map((a) => a.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
  });

  it('cancelling an interview whose call is in progress hangs the call up through Twilio', async () => {
    clock.set('2025-11-20T13:00:00.000Z');
    const acme = await company();
    const { id, attemptId } = await phoneInterview(acme);
    await runDue(world);
    const call = callOf(world, attemptId);
    await world.fake.answer(call, 'human');
    expect((await acme.api('POST', `/v1/interviews/${id}/cancel`)).status).toBe(200);
    expect(call.hungUp).toBe(true);
    expect(world.fake.requests.at(-1)).toMatchObject({ path: `/2010-04-01/Accounts/${world.fake.accountSid}/Calls/${call.sid}.json`, params: { Status: 'completed' } });
    await world.fake.status(call, 'completed', { CallDuration: '12', AnsweredBy: 'human' });
    expect((await attemptsOf(acme, id))[0]).toMatchObject({ status: 'COMPLETED' });
    expect(await interviewOf(acme, id)).toMatchObject({ status: 'CANCELLED' });
  });
});

describe('without Twilio configured', () => {
  it('a PHONE interview is accepted; its dial task fails the attempt with TELEPHONY_NOT_CONFIGURED and a clear message', async () => {
    const clock = new ManualClock('2025-11-20T10:00:00.000Z');
    const server = await startTestServer({ clock });
    try {
      await server.deps.queue.stop();
      const acme = await server.company('Acme');
      const world = { server } as PhoneWorld;
      const { id } = await phoneInterview(acme);
      await runDue(world);
      const [attempt] = await attemptsOf(acme, id);
      expect(attempt).toMatchObject({ status: 'FAILED', reasonCode: 'TELEPHONY_NOT_CONFIGURED' });
      expect(attempt?.notes).toMatch(/Telephony is not configured on this server: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/);
      expect(await interviewOf(acme, id)).toMatchObject({ status: 'FAILED', statusReason: 'TELEPHONY_NOT_CONFIGURED' });
      expect((await server.anonymous('GET', '/readyz')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
