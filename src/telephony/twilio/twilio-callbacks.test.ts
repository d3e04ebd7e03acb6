/**
 * Issue 14 through the real server and a Twilio-faithful fake: the dial request Twilio receives,
 * the signed callbacks it sends back (status, AMD, recording, speech), and what they do to the
 * call attempt: signatures checked over PUBLIC_URL (403 and no change otherwise), replays and
 * late callbacks change nothing, each outcome gives its status and reasonCode.
 */
import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectValidation } from '../../../test/domain-assertions.ts';
import { type FakeCall, startTwilioFake, type TwilioFake } from '../../../test/fakes/twilio-server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../../test/harness.ts';
import { ManualClock } from '../../core/clock.ts';
import type { PhoneConversation } from '../phone-conversation.ts';
import { type PlaceCallDeps, placeCall } from '../place-call.ts';
import { unconfiguredTelephony } from '../telephony.ts';
import { callbackUrl } from './callback-urls.ts';
import { sayAndHangUp, sayAndListen, sayAndRedirect } from './twiml.ts';
import { TwilioTelephony, telephonyFromConfig } from './twilio-telephony.ts';
import { speechSettings } from './voices.ts';

const PUBLIC_URL = 'https://interviews.example.test';

describe('Twilio: dialling and signed callbacks', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let fake: TwilioFake;
  let receiver: WebhookReceiver;
  let server: TestServer;
  let acme: SeededCompany;
  let dialler: PlaceCallDeps;
  let sequence = 0;

  beforeAll(async () => {
    fake = await startTwilioFake();
    server = await startTestServer({
      clock,
      env: { TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_API_BASE: fake.url, PUBLIC_URL },
    });
    // The test dials itself (placeCall): the queue's dial tasks must not race it.
    await server.deps.queue.stop();
    fake.connect({ publicUrl: server.deps.config.publicUrl, serverUrl: server.baseUrl });
    dialler = { db: server.deps.database.db, clock, telephony: telephonyFromConfig(server.deps.config), recordCalls: true };
    acme = await server.company('Acme');
    // Subscribed (to a receiver that takes everything, so its circuit stays closed), so
    // call_attempt.failed events become deliveries that can be counted.
    receiver = await startWebhookReceiver();
    const hook = await acme.api('POST', '/v1/webhooks', { body: { url: receiver.endpoint({ respond: () => 200 }).url, events: ['call_attempt.failed'] } });
    expect(hook.status, hook.text).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
    await receiver?.close();
  });
  beforeEach(() => clock.advance(1_000));

  async function newInterview(language = 'DE', voiceId: string | null = 'ALEX') {
    const phone = await acme.api('POST', '/v1/phone-numbers', { body: { number: `+4930555${String(1000 + ++sequence)}` } });
    const agent = await acme.api('POST', '/v1/agents', { body: { name: `Phone agent ${sequence}`, type: 'PHONE', focus: 'GENERIC', language, voiceId, companyPhoneNumberId: phone.body.id } });
    expect(agent.status, agent.text).toBe(201);
    const interview = await acme.api('POST', '/v1/interviews', { body: { agentId: agent.body.id, candidate: { firstName: 'Ada', lastName: `L${sequence}`, phoneNumber: '+4915112345678' } } });
    expect(interview.status, interview.text).toBe(201);
    return { id: interview.body.id as string, attemptId: interview.body.callAttempts[0].id as string, from: phone.body.number as string };
  }

  /** A PHONE interview whose first attempt was dialled through the fake. */
  async function dialled(language?: string): Promise<{ interviewId: string; attemptId: string; call: FakeCall; from: string }> {
    const interview = await newInterview(language);
    const outcome = await placeCall(dialler, interview.attemptId);
    expect(outcome).toMatchObject({ ok: true });
    const call = fake.calls.at(-1) as FakeCall;
    expect(outcome).toEqual({ ok: true, callSid: call.sid });
    return { interviewId: interview.id, attemptId: interview.attemptId, call, from: interview.from };
  }

  const attempt = async (interviewId: string, attemptId: string) => {
    const res = await acme.api('GET', `/v1/interviews/${interviewId}/call-attempts/${attemptId}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const interviewOf = async (id: string) => (await acme.api('GET', `/v1/interviews/${id}`)).body;
  const failedEvents = async (interviewId: string) =>
    (await server.deps.database.db.selectFrom('webhookDeliveries').select('body').where('interviewId', '=', interviewId).where('eventType', '=', 'call_attempt.failed').execute()).map(
      (row) => JSON.parse(row.body).data,
    );

  it('dials as Twilio takes it: basic auth, a form body, the callbacks on PUBLIC_URL, AMD, recording', async () => {
    const { interviewId, attemptId, call, from } = await dialled();
    const { request } = call;
    expect(request).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${fake.accountSid}/Calls.json`, authorized: true });
    expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.params).toMatchObject({
      To: '+4915112345678',
      From: from,
      Url: `${PUBLIC_URL}/telephony/twilio/attempts/${attemptId}/answer`,
      Method: 'POST',
      StatusCallback: `${PUBLIC_URL}/telephony/twilio/attempts/${attemptId}/status`,
      StatusCallbackMethod: 'POST',
      MachineDetection: 'Enable',
      Record: 'true',
      RecordingStatusCallback: `${PUBLIC_URL}/telephony/twilio/attempts/${attemptId}/recording`,
    });
    expect(request.lists.StatusCallbackEvent).toEqual(['initiated', 'ringing', 'answered', 'completed']);
    expect(await attempt(interviewId, attemptId)).toMatchObject({ status: 'IN_PROGRESS', reasonCode: null, calledAt: clock.now().toISOString() });
    // Dialled at most once: the attempt is no longer SCHEDULED.
    expect(await placeCall(dialler, attemptId)).toEqual({ ok: false, skipped: 'the attempt is IN_PROGRESS' });
    expect(fake.calls.filter((c) => c.request.params.StatusCallback?.includes(attemptId))).toHaveLength(1);
  });

  const OUTCOMES: [string, string, Record<string, string>, { status: string; reasonCode: string | null }][] = [
    ['a finished call', 'completed', { CallDuration: '184', AnsweredBy: 'human' }, { status: 'COMPLETED', reasonCode: null }],
    ['a busy line', 'busy', {}, { status: 'FAILED', reasonCode: 'BUSY' }],
    ['nobody answering', 'no-answer', {}, { status: 'FAILED', reasonCode: 'NO_ANSWER' }],
    ['a call that could not connect', 'failed', {}, { status: 'FAILED', reasonCode: 'FAILED' }],
    ['a call cancelled while ringing', 'canceled', {}, { status: 'FAILED', reasonCode: 'CANCELLED' }],
    ['a voicemail that took the call', 'completed', { CallDuration: '21', AnsweredBy: 'machine_end_beep' }, { status: 'FAILED', reasonCode: 'VOICEMAIL' }],
  ];

  it.each(OUTCOMES)('%s: CallStatus %s gives the attempt its status and reasonCode', async (_label, callStatus, extra, expected) => {
    const { interviewId, attemptId, call } = await dialled();
    for (const early of ['initiated', 'ringing']) expect((await fake.status(call, early)).status).toBe(204);
    expect(await attempt(interviewId, attemptId)).toMatchObject({ status: 'IN_PROGRESS' });
    clock.advance(1_000);
    expect((await fake.status(call, callStatus, extra)).status).toBe(204);
    const after = await attempt(interviewId, attemptId);
    expect(after).toMatchObject(expected);
    if (extra.CallDuration) expect(after.duration).toBe(Number(extra.CallDuration));
    expect((await interviewOf(interviewId)).updatedAt).toBe(clock.now().toISOString());
    const events = await failedEvents(interviewId);
    if (expected.status === 'FAILED') {
      expect(events).toEqual([expect.objectContaining({ interviewId, callAttemptId: attemptId, reasonCode: expected.reasonCode })]);
      expect(after.notes).toEqual(expect.any(String));
    } else expect(events).toEqual([]);
  });

  it('a replayed or late callback changes nothing', async () => {
    const { interviewId, attemptId, call } = await dialled();
    expect((await fake.status(call, 'no-answer')).status).toBe(204);
    const settled = await attempt(interviewId, attemptId);
    const interviewBefore = await interviewOf(interviewId);
    clock.advance(60_000);
    for (const [status, extra] of [['no-answer', {}], ['ringing', {}], ['in-progress', {}], ['completed', { CallDuration: '3' }], ['busy', {}]] as const) {
      expect((await fake.status(call, status, extra)).status).toBe(204);
    }
    expect(await attempt(interviewId, attemptId)).toEqual(settled);
    expect(await interviewOf(interviewId)).toEqual(interviewBefore);
    expect(await failedEvents(interviewId)).toHaveLength(1);
  });

  it('a missing, wrong or tampered signature is 403 and changes nothing; so is one over the server address instead of PUBLIC_URL', async () => {
    const { interviewId, attemptId, call } = await dialled();
    const before = await attempt(interviewId, attemptId);
    const interviewBefore = await interviewOf(interviewId);
    clock.advance(1_000);
    for (const signing of ['missing', 'wrong-token', 'tampered'] as const) {
      const status = await fake.status(call, 'busy', {}, signing);
      expectError({ status: status.status, body: JSON.parse(status.text), headers: new Headers(), text: status.text }, 403, 'RESOURCE_ACCESS_DENIED');
      expect((await fake.recording(call, {}, signing)).status).toBe(403);
    }
    // Signed over the URL the request reached rather than the public one: not what Twilio signs.
    const direct = `${server.baseUrl}/telephony/twilio/attempts/${attemptId}/status`;
    const params = { CallSid: call.sid, CallStatus: 'busy', AccountSid: fake.accountSid };
    const res = await fetch(direct, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(fake.authToken, direct, params) }, body: new URLSearchParams(params).toString() });
    expect(res.status).toBe(403);
    // Unsigned garbage is refused before it is read: a 403, not a 400.
    expect((await fetch(direct.replace(attemptId, 'not-a-uuid'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1' })).status).toBe(403);
    expect(await attempt(interviewId, attemptId)).toEqual(before);
    expect(await interviewOf(interviewId)).toEqual(interviewBefore);
    expect(await failedEvents(interviewId)).toEqual([]);
  });

  it('a signed callback for an unknown attempt changes nothing; a malformed one is a 400', async () => {
    const unknown = await fake.post(`${PUBLIC_URL}/telephony/twilio/attempts/${randomUUID()}/status`, { CallSid: 'CA1', CallStatus: 'busy' });
    expect(unknown.status).toBe(204);
    const bad = await fake.post(`${PUBLIC_URL}/telephony/twilio/attempts/not-a-uuid/status`, { CallSid: 'CA1', CallStatus: 'busy' });
    expectValidation({ status: bad.status, body: JSON.parse(bad.text), headers: new Headers(), text: bad.text }, 'attemptId');
    const { call } = await dialled();
    const missing = await fake.post(call.request.params.StatusCallback ?? '', { CallSid: call.sid });
    expect(missing.status).toBe(400);
  });

  it('the recording callback fills recordingUrl; its replay changes nothing', async () => {
    const { interviewId, attemptId, call } = await dialled();
    await fake.status(call, 'completed', { CallDuration: '60', AnsweredBy: 'human' });
    clock.advance(1_000);
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/RE0123456789abcdef0123456789abcdef`;
    expect((await fake.recording(call, { RecordingUrl: recordingUrl })).status).toBe(204);
    const stored = await attempt(interviewId, attemptId);
    expect(stored).toMatchObject({ status: 'COMPLETED', recordingUrl });
    const interviewBefore = await interviewOf(interviewId);
    clock.advance(1_000);
    expect((await fake.recording(call, { RecordingUrl: recordingUrl })).status).toBe(204);
    expect((await fake.recording(call, { RecordingStatus: 'failed', RecordingUrl: `${recordingUrl}0` })).status).toBe(204);
    expect(await attempt(interviewId, attemptId)).toEqual(stored);
    expect(await interviewOf(interviewId)).toEqual(interviewBefore);
  });

  it('a machine answering: VOICEMAIL at once, the call hung up, the final status changes nothing more', async () => {
    const { interviewId, attemptId, call } = await dialled();
    const answer = await fake.answer(call, 'machine_start');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<Hangup/>');
    expect(await attempt(interviewId, attemptId)).toMatchObject({ status: 'FAILED', reasonCode: 'VOICEMAIL' });
    await fake.status(call, 'completed', { CallDuration: '9', AnsweredBy: 'machine_start' });
    expect(await failedEvents(interviewId)).toHaveLength(1);
  });

  it('a person answering: the conversation port speaks TwiML, hears Gather results, and the fake follows Redirect', async () => {
    const heard: [string, string, number | null][] = [];
    const conversation: PhoneConversation = {
      async onAnswered(attemptId) {
        return sayAndListen('Guten Tag! Erzählen Sie mir von sich.', speechSettings('DE', 'ALEX'), callbackUrl(PUBLIC_URL, attemptId, 'gather'));
      },
      async onSpeech(attemptId, text, confidence) {
        heard.push([attemptId, text, confidence]);
        if (text === '') return sayAndHangUp('Auf Wiederhören.', speechSettings('DE', 'ALEX'));
        return sayAndRedirect('Danke.', speechSettings('DE', 'ALEX'), callbackUrl(PUBLIC_URL, attemptId, 'gather'));
      },
    };
    const plugged = server.deps.phoneConversation;
    server.deps.phoneConversation = conversation;
    try {
      const { attemptId, call } = await dialled();
      const answered = await fake.answer(call, 'human');
      expect(answered.status).toBe(200);
      expect(answered.text).toContain('<Gather input="speech"');
      expect(answered.text).toContain('language="de-DE"');
      expect(answered.text).toContain('<Say voice="Google.de-DE-Chirp3-HD-Charon" language="de-DE">Guten Tag! Erzählen Sie mir von sich.</Say>');
      expect(call.gatherAction).toBe(`${PUBLIC_URL}/telephony/twilio/attempts/${attemptId}/gather`);
      const last = await fake.speak(call, 'Grüße aus Berlin', 0.92);
      expect(heard).toEqual([
        [attemptId, 'Grüße aus Berlin', 0.92],
        [attemptId, '', null],
      ]);
      expect(last.text).toContain('Auf Wiederhören.');
      expect(call.hungUp).toBe(true);
    } finally {
      server.deps.phoneConversation = plugged;
    }
  });

  it('without a conversation plugged in, an answered call is hung up; an answer for a finished attempt too', async () => {
    const plugged = server.deps.phoneConversation;
    delete server.deps.phoneConversation;
    try {
      const { call } = await dialled();
      expect((await fake.answer(call, 'human')).text).toContain('<Hangup/>');
    } finally {
      server.deps.phoneConversation = plugged;
    }
    const { call: ended } = await dialled();
    await fake.status(ended, 'no-answer');
    expect((await fake.answer(ended, 'human')).text).toContain('<Hangup/>');
  });

  it('a dial Twilio refuses: the attempt FAILED with reasonCode FAILED and Twilio\'s reason in notes', async () => {
    const { id, attemptId } = await newInterview();
    fake.failNextDial({ status: 400, code: 21211, message: "The 'To' number +4915112345678 is not a valid phone number." });
    const outcome = await placeCall(dialler, attemptId);
    expect(outcome).toMatchObject({ ok: false, reasonCode: 'FAILED' });
    const failed = await attempt(id, attemptId);
    expect(failed).toMatchObject({ status: 'FAILED', reasonCode: 'FAILED' });
    expect(failed.notes).toContain('21211');
    expect(await failedEvents(id)).toEqual([expect.objectContaining({ callAttemptId: attemptId, reasonCode: 'FAILED' })]);
  });

  it('wrong credentials or an unreachable API are a FAILED outcome, never a throw', async () => {
    const wrong = new TwilioTelephony({ accountSid: fake.accountSid, authToken: 'not-the-token', apiBase: fake.url, publicUrl: PUBLIC_URL });
    const refused = await wrong.dial({ attemptId: randomUUID(), from: '+4930555000', to: '+4915112345678', record: false });
    expect(refused).toEqual({ ok: false, reasonCode: 'FAILED', message: 'Twilio refused to place the call (20003: Authenticate).' });
    const nowhere = new TwilioTelephony({ accountSid: fake.accountSid, authToken: fake.authToken, apiBase: 'http://127.0.0.1:9', publicUrl: PUBLIC_URL });
    expect(await nowhere.dial({ attemptId: randomUUID(), from: '+4930555000', to: '+4915112345678', record: false })).toMatchObject({ ok: false, reasonCode: 'FAILED' });
  });

  it('hangs up a call through the REST API', async () => {
    const { call } = await dialled();
    expect(await dialler.telephony.hangUp(call.sid)).toEqual({ ok: true, callSid: call.sid });
    expect(fake.requests.at(-1)).toMatchObject({ path: `/2010-04-01/Accounts/${fake.accountSid}/Calls/${call.sid}.json`, authorized: true, params: { Status: 'completed' } });
  });

  it('without telephony configured the attempt fails with TELEPHONY_NOT_CONFIGURED and a clear message; nothing is dialled', async () => {
    const { id, attemptId } = await newInterview();
    const dials = fake.calls.length;
    const outcome = await placeCall({ ...dialler, telephony: unconfiguredTelephony }, attemptId);
    expect(outcome).toMatchObject({ ok: false, reasonCode: 'TELEPHONY_NOT_CONFIGURED' });
    const failed = await attempt(id, attemptId);
    expect(failed).toMatchObject({ status: 'FAILED', reasonCode: 'TELEPHONY_NOT_CONFIGURED' });
    expect(failed.notes).toMatch(/TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/);
    expect(fake.calls.length).toBe(dials);
  });
});
