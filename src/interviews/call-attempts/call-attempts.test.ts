import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectNotFound, expectValidation } from '../../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../../test/harness.ts';
import { ManualClock } from '../../core/clock.ts';
import { pollInterview } from '../interviews.test-helpers.ts';

const DAY = 86_400_000;

/** §10 "Call attempts": scheduling, replacing, rescheduling, cancelling and dropping calls. */
describe('call attempts', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  let sequence = 0;

  beforeAll(async () => {
    // Scheduling through the API, not dialling nor calling windows (src/telephony/*.test.ts): the
    // window is always open, and the dial tasks are left waiting (no queue runs here).
    server = await startTestServer({ clock, env: { CALL_WINDOW: '00:00-24:00 Mon-Sun' } });
    await server.deps.queue.stop();
    acme = await server.company('Acme');
    other = await server.company('Other');
  });
  afterAll(() => server.close());
  beforeEach(() => clock.advance(1_000));

  const now = () => clock.now().toISOString();
  const at = (msFromNow: number) => new Date(clock.now().getTime() + msFromNow).toISOString();
  const db = () => server.deps.database.db;

  async function agentOf(company: SeededCompany, type: 'PHONE' | 'ONLINE'): Promise<string> {
    let companyPhoneNumberId: string | null = null;
    if (type === 'PHONE') {
      const number = await company.api('POST', '/v1/phone-numbers', { body: { number: `+1415556${String(1000 + ++sequence)}` } });
      expect(number.status, number.text).toBe(201);
      companyPhoneNumberId = number.body.id;
    }
    const agent = await company.api('POST', '/v1/agents', { body: { name: `${type} agent ${++sequence}`, type, focus: 'GENERIC', companyPhoneNumberId } });
    expect(agent.status, agent.text).toBe(201);
    return agent.body.id;
  }

  async function interviewOf(company: SeededCompany, type: 'PHONE' | 'ONLINE' = 'PHONE') {
    const res = await company.api('POST', '/v1/interviews', {
      body: { agentId: await agentOf(company, type), candidate: { firstName: 'Ada', lastName: `Lovelace ${++sequence}`, phoneNumber: '+14155550199' } },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; status: string; updatedAt: string; callAttempts: { id: string; status: string; retryNumber: number }[] };
  }

  const path = (interviewId: string, attemptId?: string) => `/v1/interviews/${interviewId}/call-attempts${attemptId ? `/${attemptId}` : ''}`;
  const schedule = async (interviewId: string, body?: Record<string, unknown>, company = acme) => company.api('POST', path(interviewId), body === undefined ? {} : { body });
  const attemptsOf = async (interviewId: string) => (await acme.api('GET', `/v1/interviews/${interviewId}`)).body.callAttempts as Record<string, unknown>[];
  // No route dials yet (telephony comes later): a call in progress or over is written directly.
  const setAttempt = (id: string, status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED') => db().updateTable('callAttempts').set({ status, calledAt: now() }).where('id', '=', id).execute();

  it('a PHONE interview starts with one SCHEDULED OUTBOUND attempt (retryNumber 0), listed and readable', async () => {
    const interview = await interviewOf(acme);
    expect(interview.callAttempts).toHaveLength(1);
    const [first] = interview.callAttempts;
    expect(first).toEqual({
      id: first?.id,
      direction: 'OUTBOUND',
      status: 'SCHEDULED',
      reasonCode: null,
      notes: null,
      retryNumber: 0,
      recordingUrl: null,
      duration: null,
      scheduledAt: now(),
      calledAt: null,
    });
    const list = await acme.api('GET', path(interview.id));
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: [first], total: 1, page: 1, limit: 20, totalPages: 1 });
    const one = await acme.api('GET', path(interview.id, first?.id));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(first);
  });

  it('POST without a body calls now, replaces the SCHEDULED attempt (CANCELLED, kept) and bumps retryNumber', async () => {
    const interview = await interviewOf(acme);
    const firstId = interview.callAttempts[0]?.id;
    clock.advance(5_000);
    const res = await schedule(interview.id);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ direction: 'OUTBOUND', status: 'SCHEDULED', retryNumber: 1, scheduledAt: now(), calledAt: null, reasonCode: null });
    const attempts = await attemptsOf(interview.id);
    expect(attempts.map((a) => [a.id, a.status, a.retryNumber])).toEqual([
      [firstId, 'CANCELLED', 0],
      [res.body.id, 'SCHEDULED', 1],
    ]);
    expect(attempts[0]).toMatchObject({ reasonCode: 'CANCELLED', notes: `Replaced by call attempt ${res.body.id}.` });
    // The interview embeds its attempts: its updatedAt moves, so `updatedSince` feeds see the change.
    expect((await acme.api('GET', `/v1/interviews/${interview.id}`)).body.updatedAt).toBe(now());
    // An empty JSON object is the same as no body.
    const again = await schedule(interview.id, {});
    expect(again.status).toBe(201);
    expect(again.body.retryNumber).toBe(2);
    expect((await attemptsOf(interview.id)).filter((a) => a.status === 'SCHEDULED').map((a) => a.id)).toEqual([again.body.id]);
  });

  it('scheduledAt: any offset is stored in UTC; the window is [now - 1 min (= now), now + 30 days]', async () => {
    const interview = await interviewOf(acme);
    const later = await schedule(interview.id, { scheduledAt: '2025-11-22T12:00:00+02:00' });
    expect(later.status, later.text).toBe(201);
    expect(later.body.scheduledAt).toBe('2025-11-22T10:00:00.000Z');
    expect((await schedule(interview.id, { scheduledAt: at(30 * DAY) })).body.scheduledAt).toBe(at(30 * DAY));
    expectValidation(await schedule(interview.id, { scheduledAt: at(30 * DAY + 1) }), 'scheduledAt');
    expect((await schedule(interview.id, { scheduledAt: at(-60_000) })).body.scheduledAt).toBe(now());
    expectValidation(await schedule(interview.id, { scheduledAt: at(-60_001) }), 'scheduledAt');
    expectValidation(await schedule(interview.id, { scheduledAt: '2025-11-22' }), 'scheduledAt');
    expectValidation(await schedule(interview.id, { scheduledAt: 1_763_800_000_000 }), 'scheduledAt');
    expectValidation(await schedule(interview.id, { scheduledAt: at(DAY), when: 'soon' }));
    // Rejected requests changed nothing: one SCHEDULED attempt, the last accepted one.
    expect((await attemptsOf(interview.id)).filter((a) => a.status === 'SCHEDULED')).toHaveLength(1);
  });

  it('every call-attempt route answers 400 on an ONLINE interview', async () => {
    const online = await interviewOf(acme, 'ONLINE');
    expect(online.callAttempts).toEqual([]);
    const attemptId = randomUUID();
    for (const res of [
      await schedule(online.id),
      await acme.api('GET', path(online.id)),
      await acme.api('GET', path(online.id, attemptId)),
      await acme.api('PATCH', path(online.id, attemptId), { body: { scheduledAt: at(DAY) } }),
      await acme.api('DELETE', path(online.id, attemptId)),
    ]) {
      const error = expectValidation(res, 'id');
      expect(error.message).toMatch(/PHONE/);
    }
  });

  it('while a call is IN_PROGRESS: POST is 409 CONFLICT, PATCH and DELETE of it are 409 INVALID_STATE_TRANSITION', async () => {
    const interview = await interviewOf(acme);
    const attemptId = interview.callAttempts[0]?.id as string;
    await setAttempt(attemptId, 'IN_PROGRESS');
    const post = expectError(await schedule(interview.id), 409, 'CONFLICT');
    expect(post.details.attemptId).toBe(attemptId);
    expectError(await acme.api('PATCH', path(interview.id, attemptId), { body: { scheduledAt: at(DAY) } }), 409, 'INVALID_STATE_TRANSITION');
    expectError(await acme.api('DELETE', path(interview.id, attemptId)), 409, 'INVALID_STATE_TRANSITION');
    expect((await attemptsOf(interview.id)).map((a) => a.status)).toEqual(['IN_PROGRESS']);
    // Once the call has ended, a new one can be scheduled.
    await setAttempt(attemptId, 'FAILED');
    const next = await schedule(interview.id);
    expect(next.status).toBe(201);
    expect(next.body.retryNumber).toBe(1);
    expect((await attemptsOf(interview.id)).map((a) => a.status)).toEqual(['FAILED', 'SCHEDULED']);
  });

  it('POST is allowed while the interview is IN_PROGRESS and 409 INVALID_STATE_TRANSITION once it is over', async () => {
    // No route starts or fails an interview yet (the telephony runtime comes later): those two
    // statuses are written directly. The FAILED one keeps its SCHEDULED attempt, which shows that
    // an attempt cannot be moved once its interview is over, whatever the attempt's own status.
    const running = await interviewOf(acme);
    await db().updateTable('interviews').set({ status: 'IN_PROGRESS' }).where('id', '=', running.id).execute();
    expect((await schedule(running.id)).status).toBe(201);

    const failed = await interviewOf(acme);
    await db().updateTable('interviews').set({ status: 'FAILED' }).where('id', '=', failed.id).execute();
    expect(expectError(await schedule(failed.id), 409, 'INVALID_STATE_TRANSITION').message).toContain('FAILED');
    const attemptId = failed.callAttempts[0]?.id as string;
    expectError(await acme.api('PATCH', path(failed.id, attemptId), { body: { scheduledAt: at(DAY) } }), 409, 'INVALID_STATE_TRANSITION');

    // A test interview completes through the queue (it makes no calls); the dial tasks of this
    // file's interviews are dropped first, so running the queue dials nothing.
    const test = await acme.api('POST', '/v1/interviews', { body: { agentId: await agentOf(acme, 'PHONE'), candidate: { firstName: 'Ada', lastName: 'Test', phoneNumber: '+14155550199' }, isTest: true } });
    expect(test.status, test.text).toBe(201);
    await db().updateTable('queueTasks').set({ status: 'CANCELLED' }).where('kind', '=', 'call-attempt.dial').where('status', '=', 'PENDING').execute();
    server.deps.queue.start();
    try {
      expect((await pollInterview(acme.api, test.body.id, (b) => b.status === 'COMPLETED')).status).toBe('COMPLETED');
    } finally {
      await server.deps.queue.stop();
    }
    expect(expectError(await schedule(test.body.id), 409, 'INVALID_STATE_TRANSITION').message).toContain('COMPLETED');

    const cancelled = await interviewOf(acme);
    expect((await acme.api('POST', `/v1/interviews/${cancelled.id}/cancel`)).status).toBe(200);
    expectError(await schedule(cancelled.id), 409, 'INVALID_STATE_TRANSITION');
    expect((await attemptsOf(cancelled.id)).map((a) => [a.status, a.reasonCode])).toEqual([['CANCELLED', 'CANCELLED']]);
  });

  it('PATCH reschedules a SCHEDULED attempt (204); any other status is 409; the time must be in the window', async () => {
    const interview = await interviewOf(acme);
    const attemptId = interview.callAttempts[0]?.id as string;
    const patch = (body: unknown) => acme.api('PATCH', path(interview.id, attemptId), { body });

    const ok = await patch({ scheduledAt: at(2 * DAY) });
    expect(ok.status, ok.text).toBe(204);
    expect(ok.text).toBe('');
    expect((await acme.api('GET', path(interview.id, attemptId))).body).toMatchObject({ status: 'SCHEDULED', scheduledAt: at(2 * DAY), retryNumber: 0 });

    expectValidation(await patch({ scheduledAt: at(-60_001) }), 'scheduledAt');
    expectValidation(await patch({ scheduledAt: at(30 * DAY + 1) }), 'scheduledAt');
    expectValidation(await patch({}), 'scheduledAt');
    expectValidation(await patch({ scheduledAt: at(DAY), status: 'CANCELLED' }));
    expect((await patch({ scheduledAt: at(30 * DAY) })).status).toBe(204);

    // Cancelled through the API (DELETE of a pending attempt); calls that ran are written directly.
    expect((await acme.api('DELETE', path(interview.id, attemptId))).status).toBe(204);
    expect(expectError(await patch({ scheduledAt: at(DAY) }), 409, 'INVALID_STATE_TRANSITION').message).toContain('CANCELLED');
    for (const status of ['COMPLETED', 'FAILED'] as const) {
      const other = await interviewOf(acme);
      const otherAttempt = other.callAttempts[0]?.id as string;
      await setAttempt(otherAttempt, status);
      const error = expectError(await acme.api('PATCH', path(other.id, otherAttempt), { body: { scheduledAt: at(DAY) } }), 409, 'INVALID_STATE_TRANSITION');
      expect(error.message).toContain(status);
    }
  });

  it('DELETE cancels a pending attempt (kept, CANCELLED), drops a past one (gone), then 404', async () => {
    const interview = await interviewOf(acme);
    const attemptId = interview.callAttempts[0]?.id as string;
    const del = () => acme.api('DELETE', path(interview.id, attemptId));

    const cancel = await del();
    expect(cancel.status, cancel.text).toBe(204);
    expect(cancel.text).toBe('');
    expect((await acme.api('GET', path(interview.id, attemptId))).body).toMatchObject({ status: 'CANCELLED', reasonCode: 'CANCELLED' });
    expect((await acme.api('GET', `/v1/interviews/${interview.id}`)).body).toMatchObject({ status: 'SCHEDULED', updatedAt: now() });

    expect((await del()).status).toBe(204);
    expectNotFound(await acme.api('GET', path(interview.id, attemptId)), attemptId);
    expect(await attemptsOf(interview.id)).toEqual([]);
    expect((await acme.api('GET', path(interview.id))).body).toMatchObject({ data: [], total: 0 });
    expectNotFound(await del(), attemptId);

    // retryNumber never repeats, even after attempts were dropped.
    expect((await schedule(interview.id)).body.retryNumber).toBe(1);
  });

  it('DELETE drops COMPLETED and FAILED attempts', async () => {
    const interview = await interviewOf(acme);
    const first = interview.callAttempts[0]?.id as string;
    await setAttempt(first, 'COMPLETED');
    const second = (await schedule(interview.id)).body.id as string;
    await setAttempt(second, 'FAILED');
    expect((await acme.api('DELETE', path(interview.id, first))).status).toBe(204);
    expect((await acme.api('DELETE', path(interview.id, second))).status).toBe(204);
    expect(await attemptsOf(interview.id)).toEqual([]);
  });

  it("404 for another company's interview or attempt, an attempt of another interview, a deleted interview; 400 for a bad id", async () => {
    const mine = await interviewOf(acme);
    const mineAttempt = mine.callAttempts[0]?.id as string;
    const sibling = await interviewOf(acme);
    const theirs = await interviewOf(other);
    const theirAttempt = theirs.callAttempts[0]?.id as string;

    expectNotFound(await schedule(theirs.id), theirs.id);
    expectNotFound(await acme.api('GET', path(theirs.id)), theirs.id);
    expectNotFound(await acme.api('GET', path(theirs.id, theirAttempt)), theirs.id);
    expectNotFound(await acme.api('PATCH', path(theirs.id, theirAttempt), { body: { scheduledAt: at(DAY) } }), theirs.id);
    expectNotFound(await acme.api('DELETE', path(theirs.id, theirAttempt)), theirs.id);
    for (const attemptId of [theirAttempt, sibling.callAttempts[0]?.id as string, randomUUID()]) {
      expectNotFound(await acme.api('GET', path(mine.id, attemptId)), attemptId);
      expectNotFound(await acme.api('PATCH', path(mine.id, attemptId), { body: { scheduledAt: at(DAY) } }), attemptId);
      expectNotFound(await acme.api('DELETE', path(mine.id, attemptId)), attemptId);
    }
    // Nothing of theirs moved.
    expect((await other.api('GET', path(theirs.id, theirAttempt))).body).toMatchObject({ status: 'SCHEDULED' });

    expectValidation(await acme.api('GET', path(mine.id, 'not-a-uuid')));
    expectValidation(await acme.api('DELETE', path('nope', mineAttempt)));

    expect((await acme.api('DELETE', `/v1/interviews/${mine.id}`)).status).toBe(200);
    expectNotFound(await schedule(mine.id), mine.id);
    expectNotFound(await acme.api('GET', path(mine.id, mineAttempt)), mine.id);
  });

  it('scopes: write:interviews to change, read:interviews to read; ATS keys name the company', async () => {
    const interview = await interviewOf(acme);
    const attemptId = interview.callAttempts[0]?.id as string;
    const reader = await server.companyKey(acme.id, { scopes: ['read:interviews'] });
    const writer = await server.companyKey(acme.id, { scopes: ['write:interviews'] });

    for (const res of [
      await reader.api('POST', path(interview.id)),
      await reader.api('PATCH', path(interview.id, attemptId), { body: { scheduledAt: at(DAY) } }),
      await reader.api('DELETE', path(interview.id, attemptId)),
    ]) {
      expect(expectError(res, 403, 'INSUFFICIENT_PERMISSIONS').message).toContain('write:interviews');
    }
    expect((await reader.api('GET', path(interview.id))).status).toBe(200);
    expect((await reader.api('GET', path(interview.id, attemptId))).status).toBe(200);
    expect(expectError(await writer.api('GET', path(interview.id)), 403, 'INSUFFICIENT_PERMISSIONS').message).toContain('read:interviews');
    expect((await writer.api('PATCH', path(interview.id, attemptId), { body: { scheduledAt: at(DAY) } })).status).toBe(204);

    const ats = await server.atsKey([acme.id]);
    expectError(await ats.api('POST', path(interview.id)), 400, 'COMPANY_ID_REQUIRED');
    const viaAts = await ats.api('POST', path(interview.id), { query: { companyId: acme.id } });
    expect(viaAts.status, viaAts.text).toBe(201);
  });

  it('an Idempotency-Key replays the first attempt instead of scheduling twice', async () => {
    const interview = await interviewOf(acme);
    const headers = { 'idempotency-key': `ca-${randomUUID()}` };
    const first = await acme.api('POST', path(interview.id), { body: { scheduledAt: at(DAY) }, headers });
    const replay = await acme.api('POST', path(interview.id), { body: { scheduledAt: at(DAY) }, headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect((await attemptsOf(interview.id)).map((a) => a.retryNumber)).toEqual([0, 1]);
  });

  it('concurrent POSTs leave exactly one SCHEDULED attempt and distinct retry numbers', async () => {
    const interview = await interviewOf(acme);
    const results = await Promise.all(Array.from({ length: 6 }, () => schedule(interview.id)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const attempts = await attemptsOf(interview.id);
    expect(attempts.filter((a) => a.status === 'SCHEDULED')).toHaveLength(1);
    expect(new Set(attempts.map((a) => a.retryNumber)).size).toBe(7);
    expect(attempts.map((a) => a.retryNumber).sort((a, b) => Number(a) - Number(b))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('at most 20 attempts per interview, dropped ones included: the 21st POST is 409 CONFLICT and changes nothing', async () => {
    const interview = await interviewOf(acme); // its first attempt is the 1st
    for (let i = 2; i <= 20; i++) expect((await schedule(interview.id)).status).toBe(201);
    const twenty = await attemptsOf(interview.id);
    expect(twenty).toHaveLength(20);
    const before = await acme.api('GET', `/v1/interviews/${interview.id}`);

    const refused = expectError(await schedule(interview.id), 409, 'CONFLICT');
    expect(refused.message).toMatch(/20 call attempts/);
    expect(refused.message).toMatch(/create a new interview/);
    expect(refused.details).toMatchObject({ interviewId: interview.id, limit: 20, attempts: 20 });
    // A refused POST leaves the SCHEDULED attempt in place and the interview untouched.
    expect((await acme.api('GET', `/v1/interviews/${interview.id}`)).body).toEqual(before.body);

    // Dropping a past attempt does not free a slot: retryNumber counts it too.
    const past = twenty.find((a) => a.status === 'CANCELLED') as { id: string };
    expect((await acme.api('DELETE', path(interview.id, past.id))).status).toBe(204);
    expect(await attemptsOf(interview.id)).toHaveLength(19);
    expectError(await schedule(interview.id, { scheduledAt: at(DAY) }), 409, 'CONFLICT');
    // Rescheduling the SCHEDULED one is still possible; another interview is not limited by this one.
    const scheduled = twenty.find((a) => a.status === 'SCHEDULED') as { id: string };
    expect((await acme.api('PATCH', path(interview.id, scheduled.id), { body: { scheduledAt: at(DAY) } })).status).toBe(204);
    expect((await schedule((await interviewOf(acme)).id)).status).toBe(201);
  });
});
