/**
 * §10 status: the transition table (unit), cancel and delete in every state through the API, and
 * the metadata-only PATCH.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectNotFound, expectValidation, flatKeys, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/catalogue.ts';
import { fixtures, type Fixtures, pollInterview } from './interviews.test-helpers.ts';
import { INTERVIEW_STATUSES, type InterviewStatus } from './schema.ts';
import { findInterviewForUpdate } from './repository.ts';
import { assertMove, canMove, INTERVIEW_TRANSITIONS } from './status-machine.ts';
import { moveInterview } from './transitions.ts';

describe('interview status machine (unit, every pair)', () => {
  // §10, written out independently of the implementation's table.
  const allowed = new Set(['SCHEDULED>IN_PROGRESS', 'IN_PROGRESS>COMPLETED', 'IN_PROGRESS>FAILED', 'SCHEDULED>CANCELLED', 'IN_PROGRESS>CANCELLED', 'SCHEDULED>FAILED']);
  const pairs = INTERVIEW_STATUSES.flatMap((from) => INTERVIEW_STATUSES.map((to) => ({ from, to, ok: allowed.has(`${from}>${to}`) })));

  it('covers the five statuses of §10', () => {
    expect([...INTERVIEW_STATUSES].sort()).toEqual(['CANCELLED', 'COMPLETED', 'FAILED', 'IN_PROGRESS', 'SCHEDULED']);
    expect(Object.keys(INTERVIEW_TRANSITIONS).sort()).toEqual([...INTERVIEW_STATUSES].sort());
    expect(pairs).toHaveLength(25);
  });

  it.each(pairs)('$from → $to allowed: $ok', ({ from, to, ok }) => {
    expect(canMove(from, to)).toBe(ok);
    if (ok) expect(() => assertMove(from, to)).not.toThrow();
    else {
      let thrown: unknown;
      try {
        assertMove(from, to);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('INVALID_STATE_TRANSITION');
      expect((thrown as AppError).status).toBe(409);
    }
  });
});

describe('interviews: cancel, delete and PATCH through the API (§10)', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let f: Fixtures;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    acme = await server.company('Acme');
    f = fixtures(acme.api);
  });
  afterAll(() => server.close());

  const db = () => server.deps.database.db;
  const row = (id: string) => db().selectFrom('interviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** A live interview in `status`, reached through the API where it can be. */
  async function interviewIn(status: InterviewStatus): Promise<string> {
    if (status === 'COMPLETED') {
      // A test interview runs through the queue to COMPLETED, with its analysis.
      const test = await f.plainInterview({ isTest: true });
      expect((await pollInterview(acme.api, test.id, (b) => b.status === 'COMPLETED')).status).toBe('COMPLETED');
      return test.id;
    }
    const interview = await f.plainInterview();
    if (status === 'CANCELLED') expect((await acme.api('POST', `/v1/interviews/${interview.id}/cancel`)).status).toBe(200);
    else if (status !== 'SCHEDULED') {
      // No route starts or fails an interview yet (the room and the telephony runtime come later),
      // so these two states are written directly.
      await db()
        .updateTable('interviews')
        .set({ status, startedAt: clock.now().toISOString(), ...(status === 'FAILED' ? { finishedDate: clock.now().toISOString(), durationMinutes: 12 } : {}) })
        .where('id', '=', interview.id)
        .execute();
    }
    return interview.id;
  }

  describe('cancel', () => {
    it('SCHEDULED → 200 CANCELLED; cancelling again is a 409 INVALID_STATE_TRANSITION', async () => {
      const id = await interviewIn('SCHEDULED');
      clock.advance(60_000);
      const res = await acme.api('POST', `/v1/interviews/${id}/cancel`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id, status: 'CANCELLED', statusReason: 'CANCELLED', updatedAt: clock.now().toISOString(), finishedDate: null });
      expect((await acme.api('GET', `/v1/interviews/${id}`)).body).toEqual(res.body);
      const again = expectError(await acme.api('POST', `/v1/interviews/${id}/cancel`), 409, 'INVALID_STATE_TRANSITION');
      expect(again.message).toMatch(/CANCELLED/);
    });

    it('IN_PROGRESS → 200 CANCELLED; COMPLETED and FAILED → 409', async () => {
      const running = await interviewIn('IN_PROGRESS');
      expect((await acme.api('POST', `/v1/interviews/${running}/cancel`)).body.status).toBe('CANCELLED');
      for (const status of ['COMPLETED', 'FAILED'] as const) {
        const id = await interviewIn(status);
        expectError(await acme.api('POST', `/v1/interviews/${id}/cancel`), 409, 'INVALID_STATE_TRANSITION');
        expect((await row(id)).status).toBe(status);
      }
    });

    it('a COMPLETED test interview cannot be cancelled (409)', async () => {
      const interview = await f.plainInterview({ isTest: true });
      const done = await pollInterview(acme.api, interview.id, (b) => b.status === 'COMPLETED');
      expect(done.status).toBe('COMPLETED');
      expectError(await acme.api('POST', `/v1/interviews/${interview.id}/cancel`), 409, 'INVALID_STATE_TRANSITION');
    });

    it('cancelling a PHONE interview cancels its scheduled call attempt', async () => {
      const agent = await f.phoneAgent();
      const candidate = await f.candidate();
      // Tomorrow: its call is not due while the test runs (this server's queue runs, and has no telephony).
      const interview = await f.interview({ agentId: agent.id, candidateId: candidate.id, scheduledAt: new Date(clock.now().getTime() + 86_400_000).toISOString() });
      expect(interview.callAttempts).toMatchObject([{ status: 'SCHEDULED', retryNumber: 0, direction: 'OUTBOUND' }]);
      const cancelled = await acme.api('POST', `/v1/interviews/${interview.id}/cancel`);
      expect(cancelled.body.callAttempts).toMatchObject([{ status: 'CANCELLED', reasonCode: 'CANCELLED' }]);
    });

    it('an unknown or other company’s interview is a 404', async () => {
      const theirs = await fixtures((await server.company('Other')).api).plainInterview();
      expectNotFound(await acme.api('POST', `/v1/interviews/${theirs.id}/cancel`), theirs.id);
      expectNotFound(await acme.api('POST', '/v1/interviews/0190f0e0-0000-7000-8000-000000000009/cancel'));
    });
  });

  describe('SCHEDULED → FAILED (never started)', () => {
    // No route fails an interview yet: the runtime (an expired link, the last failed call) moves it with moveInterview.
    const fail = (id: string) =>
      companyTransaction(clock, { scope: new TenantScope(db(), acme.id) }, async (scope, time) => {
        const interview = await findInterviewForUpdate(scope, id);
        if (!interview) throw new Error(`no interview ${id}`);
        return moveInterview(scope, time, interview, 'FAILED', { statusReason: 'CALL_FAILED' });
      });

    it('fails without starting: finishedDate set, startedAt null, waiting call attempts cancelled, terminal after', async () => {
      const agent = await f.phoneAgent();
      const candidate = await f.candidate();
      // Tomorrow: its call is not due while the test runs (this server's queue runs, and has no telephony).
      const interview = await f.interview({ agentId: agent.id, candidateId: candidate.id, scheduledAt: new Date(clock.now().getTime() + 86_400_000).toISOString() });
      clock.advance(60_000);
      await fail(interview.id);
      const read = await acme.api('GET', `/v1/interviews/${interview.id}`);
      expect(read.body).toMatchObject({ status: 'FAILED', statusReason: 'CALL_FAILED', startedAt: null, finishedDate: clock.now().toISOString(), updatedAt: clock.now().toISOString() });
      expect(read.body.callAttempts).toMatchObject([{ status: 'CANCELLED', reasonCode: 'CANCELLED' }]);
      expectError(await acme.api('POST', `/v1/interviews/${interview.id}/cancel`), 409, 'INVALID_STATE_TRANSITION');
    });
  });

  describe('DELETE in every state: 200 true, then gone', () => {
    it.each(INTERVIEW_STATUSES)('%s', async (status) => {
      const id = await interviewIn(status);
      clock.advance(1000);
      const res = await acme.api('DELETE', `/v1/interviews/${id}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toBe(true);

      const stored = await row(id);
      expect(stored.deletedAt).toBe(clock.now().toISOString());
      // A scheduled interview is cancelled first (no call is made); others keep their status.
      expect(stored.status).toBe(status === 'SCHEDULED' ? 'CANCELLED' : status);

      expectNotFound(await acme.api('GET', `/v1/interviews/${id}`), id);
      expectNotFound(await acme.api('POST', `/v1/interviews/${id}/cancel`), id);
      expectNotFound(await acme.api('GET', `/v1/interviews/${id}/transcript`), id);
      expectNotFound(await acme.api('PATCH', `/v1/interviews/${id}`, { body: { metadata: { a: 1 } } }), id);
      expectNotFound(await acme.api('DELETE', `/v1/interviews/${id}`), id);
      const all = await acme.api('GET', '/v1/interviews', { query: { limit: 100 } });
      expect(all.body.data.map((i: { id: string }) => i.id)).not.toContain(id);
      const feed = await acme.api('GET', '/v1/interviews', { query: { limit: 100, updatedSince: '2000-01-01T00:00:00Z', status } });
      expect(feed.body.data.map((i: { id: string }) => i.id)).not.toContain(id);
    });
  });

  describe('PATCH: metadata only, merged (RFC 7396)', () => {
    it('merges, removes keys with null, and leaves every other field alone', async () => {
      const interview = await f.plainInterview({ metadata: { team: 'platform', round: 1, nested: { a: 1, b: 2 } } });
      clock.advance(5000);
      const res = await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { metadata: { round: null, nested: { b: null, c: 3 }, owner: 'kim' } } });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ ...interview, metadata: { team: 'platform', nested: { a: 1, c: 3 }, owner: 'kim' }, updatedAt: clock.now().toISOString() });
      expect((await acme.api('GET', `/v1/interviews/${interview.id}`)).body).toEqual(res.body);
    });

    it('{} and a patch that changes nothing answer the unchanged interview (updatedAt kept)', async () => {
      const interview = await f.plainInterview({ metadata: { team: 'platform' } });
      clock.advance(5000);
      for (const body of [{}, { metadata: {} }, { metadata: { team: 'platform', gone: null } }]) {
        const res = await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body });
        expect(res.status, res.text).toBe(200);
        expect(res.body).toEqual(interview);
      }
    });

    it('unknown fields, other fields and bad metadata are a 400 naming the field', async () => {
      const interview = await f.plainInterview();
      expectValidation(await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { metadata: {}, colour: 'red' } }), 'colour');
      expectValidation(await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { status: 'COMPLETED' } }), 'status');
      expectValidation(await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { scheduledAt: '2025-11-21T10:00:00Z' } }), 'scheduledAt');
      expectValidation(await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { metadata: [1] } }), 'metadata');
      expectValidation(await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { metadata: nested(6) } }), 'metadata');
      await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { metadata: flatKeys(30, 'a') } });
      expectValidation(await acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { metadata: flatKeys(21, 'b') } }), 'metadata');
      expect(Object.keys((await acme.api('GET', `/v1/interviews/${interview.id}`)).body.metadata)).toHaveLength(30);
    });

    it('concurrent PATCHes of different keys are all kept', async () => {
      const interview = await f.plainInterview();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => acme.api('PATCH', `/v1/interviews/${interview.id}`, { body: { metadata: { [`k${i}`]: i } } })),
      );
      for (const res of results) expect(res.status, res.text).toBe(200);
      const read = await acme.api('GET', `/v1/interviews/${interview.id}`);
      expect(read.body.metadata).toEqual(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i])));
    });
  });
});
