/**
 * The interview session over real HTTP, on the structured interviewer (no LLM_*): Start, every
 * answer stored with the decision on it, each interviewer turn stored whole before the next, the
 * close, its status reason, minutes and events — and the link's lifecycle around it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { envelopeError } from '../../test/harness.ts';
import { createWebhookAt } from '../../test/webhook-helpers.ts';
import { ManualClock } from '../core/clock.ts';
import { linesFor } from '../interviews/runtime/lines/lines.ts';
import { createRoomInterview, newCompany, eventsOf, pendingTasksOf, questionIndexes, roomClient, type RoomWorld, runDueTasks, startRoomWorld, transcriptOf } from './room.test-helpers.ts';

const START = '2025-11-20T10:00:00.000Z';
const en = linesFor('EN');

describe('the interview session (structured interviewer)', () => {
  const clock = new ManualClock(START);
  let world: RoomWorld;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    world = await startRoomWorld(clock);
    receiver = await startWebhookReceiver();
  });
  /** A company of the test's own, with a webhook for the interview events. */
  const company = async () => {
    const acme = await newCompany(world);
    await createWebhookAt(acme.api, receiver.endpoint(), { events: ['interview.started', 'interview.completed', 'interview.failed', 'interview.cancelled'] });
    return acme;
  };
  /** An interview of a company of its own, started, its opening turn stored. */
  const startedRoom = async () => {
    clock.set(START);
    const acme = await company();
    const { interview, token } = await createRoomInterview(acme.api);
    const room = roomClient(world, token);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
    return { acme, interview, room };
  };
  afterAll(async () => {
    await world.server.close();
    await receiver.close();
  });

  it('runs end to end: Start, the questions in order, the close; every turn stored, COMPLETED with its minutes and events', async () => {
    clock.set(START);
    const acme = await company();
    const { interview, token } = await createRoomInterview(acme.api);
    const room = roomClient(world, token);
    expect(await pendingTasksOf(world, interview.id)).toEqual([{ kind: 'interview.expiry', runAt: '2025-11-27T10:00:00.000Z' }]);

    expect(await room.start()).toEqual({ status: 'IN_PROGRESS', statusReason: null });
    await world.server.deps.sessions.settled(interview.id);
    let turns = await transcriptOf(acme.api, interview.id);
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ role: 'agent', startedAt: START });
    expect(turns[0]?.text.startsWith('Hello Ana, I’m Backend screener')).toBe(true);
    expect(turns[0]?.text).toContain(en.consentNotice.replace('{companyName}', 'Acme'));
    expect(turns[0]?.text).toMatch(/Tell me about a system you scaled\.$/);
    // Started: the expiry is gone, the one timer is the nudge's.
    expect(await pendingTasksOf(world, interview.id)).toEqual([{ kind: 'interview.timer', runAt: '2025-11-20T10:01:00.000Z' }]);
    // A second Start (a reload) changes nothing.
    expect(await room.start()).toEqual({ status: 'IN_PROGRESS', statusReason: null });

    clock.advance(40_000);
    await room.answer('I scaled a payments API to ten times its traffic.');
    await world.server.deps.sessions.settled(interview.id);
    clock.advance(50_000);
    await room.answer('With unit tests, contract tests and canaries.');
    await world.server.deps.sessions.settled(interview.id);

    turns = await transcriptOf(acme.api, interview.id);
    expect(turns.map((t) => t.role)).toEqual(['agent', 'candidate', 'agent', 'candidate', 'agent']);
    expect(turns[2]?.text).toBe(`${en.lastQuestion} How do you test?`);
    expect(turns[4]?.text).toBe(en.closing.replace('{companyName}', 'Acme'));
    expect(turns[1]).toMatchObject({ text: 'I scaled a payments API to ten times its traffic.', endedAt: '2025-11-20T10:00:40.000Z' });
    expect(await questionIndexes(world, interview.id)).toEqual([0, null, 1, null, null]);

    const done = (await acme.api('GET', `/v1/interviews/${interview.id}`)).body;
    expect(done).toMatchObject({ status: 'COMPLETED', statusReason: 'COMPLETED', startedAt: START, finishedDate: '2025-11-20T10:01:30.000Z', durationMinutes: 2 });
    expect(await pendingTasksOf(world, interview.id)).toEqual([]);
    expect(await eventsOf(world, interview.id)).toEqual(['interview.started', 'interview.completed']);
    // Finished: no more answers, and the page says so.
    const late = await room.raw('/answers', { text: 'one more thing', clientId: 'late' });
    expect(late.status).toBe(409);
    expect(envelopeError(late)).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { status: 'COMPLETED', statusReason: 'COMPLETED' } });
    expect((await room.page()).text).toContain(en.finished);
  });

  it('a resent answer (same clientId) is stored once; an empty one is reprompted once', async () => {
    clock.set(START);
    const acme = await company();
    const { interview, token } = await createRoomInterview(acme.api, { questions: ['Why us?', 'When can you start?'] });
    const room = roomClient(world, token);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
    await Promise.all([room.answer('Because of the mission.', 'same-id'), room.answer('Because of the mission.', 'same-id')]);
    await world.server.deps.sessions.settled(interview.id);
    await room.answer('   ');
    await world.server.deps.sessions.settled(interview.id);
    const turns = await transcriptOf(acme.api, interview.id);
    expect(turns.filter((t) => t.text === 'Because of the mission.')).toHaveLength(1);
    expect(turns.at(-1)?.text).toBe(`${en.reprompt} When can you start?`);
    expect(await questionIndexes(world, interview.id)).toEqual([0, null, 1, null, null]);
  });

  it('an input that comes between a decision and its turn: the turn is streamed and stored once', async () => {
    const { acme, interview } = await startedRoom();
    const { sessions } = world.server.deps;
    const starts: string[] = [];
    const stop = sessions.hub.subscribe(interview.id, (event) => event.event === 'turn-start' && starts.push(event.data.turnId));
    // The timer's step is queued behind the answer's, so it comes before the turn the answer owes:
    // it produces that turn itself, and the step after it must not produce it again.
    const ref = { interviewId: interview.id, companyId: acme.id };
    await Promise.all([sessions.answer(ref, 'I scaled a payments API.', 'between'), sessions.tick(ref)]);
    await sessions.settled(interview.id);
    stop();
    const turns = await transcriptOf(acme.api, interview.id);
    expect(turns.map((t) => t.role)).toEqual(['agent', 'candidate', 'agent']);
    expect(starts).toEqual([turns[2]?.id]);
  });

  it('answers are checked: too long, a NUL, unknown fields, a missing clientId are 400s naming the field; an unknown link is a 404', async () => {
    clock.set(START);
    const acme = await company();
    const { interview, token } = await createRoomInterview(acme.api);
    const room = roomClient(world, token);
    // Not started yet: no answers.
    expect((await room.raw('/answers', { text: 'hi', clientId: 'a' })).status).toBe(409);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
    for (const [body, field] of [
      [{ text: 'x'.repeat(4001), clientId: 'a' }, 'text'],
      [{ text: 'a\u0000b', clientId: 'a' }, 'text'],
      [{ text: 'hi' }, 'clientId'],
      [{ text: 'hi', clientId: 'a', extra: 1 }, 'extra'],
    ] as const) {
      const res = await room.raw('/answers', body);
      expect(res.status, res.text).toBe(400);
      expect(envelopeError(res).details.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect((await world.server.anonymous('POST', `/room/${'A'.repeat(43)}/answers`, { body: { text: 'hi', clientId: 'a' } })).status).toBe(404);
    expect(await transcriptOf(acme.api, interview.id)).toHaveLength(1);
  });

  it('cancelled through the API while in progress: the timer is dropped, the room is told, answers are refused', async () => {
    const { acme, interview, room } = await startedRoom();
    const told: unknown[] = [];
    const stop = world.server.deps.sessions.hub.subscribe(interview.id, (event) => told.push(event));
    const cancelled = await acme.api('POST', `/v1/interviews/${interview.id}/cancel`);
    stop();
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', statusReason: 'CANCELLED' });
    expect(told).toEqual([{ event: 'status', data: { status: 'CANCELLED', statusReason: 'CANCELLED' } }]);
    expect(await pendingTasksOf(world, interview.id)).toEqual([]);
    expect((await room.raw('/answers', { text: 'hello?', clientId: 'x' })).status).toBe(409);
    expect((await room.page()).text).toContain('data-page="cancelled"');
  });

  it('deleted through the API while in progress: the room is told its link is gone; the room\'s POSTs and its page are 404s', async () => {
    const { acme, interview, room } = await startedRoom();
    await room.answer('I scaled a payments API.');
    await world.server.deps.sessions.settled(interview.id);
    const told: unknown[] = [];
    const stop = world.server.deps.sessions.hub.subscribe(interview.id, (event) => told.push(event));
    expect((await acme.api('DELETE', `/v1/interviews/${interview.id}`)).status).toBe(200);
    stop();
    // Not its status (still IN_PROGRESS, which the page would take for "go on"): the link is gone.
    expect(told).toEqual([{ event: 'gone', data: {} }]);
    for (const [path, body] of [['/answers', { text: 'still there?', clientId: 'after' }], ['/spoken', undefined], ['/start', undefined]] as const) {
      const res = await room.raw(path, body);
      expect(res.status, path).toBe(404);
      expect(envelopeError(res).code).toBe('RESOURCE_NOT_FOUND');
    }
    expect((await room.page()).status).toBe(404);
  });

  it('a link never used expires 7 days after scheduledAt: FAILED (EXPIRED), no minutes used, its reservation given back', async () => {
    clock.set(START);
    const acme = await company();
    const { interview, token } = await createRoomInterview(acme.api, { duration: 60 }, { scheduledAt: '2025-11-21T10:00:00.000Z' });
    const room = roomClient(world, token);
    const committed = async () => (await world.server.deps.database.db.selectFrom('interviews').select(['status', 'durationMinutes', 'reservedMinutes']).where('id', '=', interview.id).executeTakeFirstOrThrow());
    expect((await room.page()).text).toContain('data-page="notOpenYet"');
    const early = await room.raw('/start');
    expect(early.status).toBe(409);
    expect(envelopeError(early).details).toMatchObject({ opensAt: '2025-11-21T10:00:00.000Z' });

    clock.set('2025-11-28T09:59:59.999Z');
    await runDueTasks(world, interview.id);
    expect((await committed()).status).toBe('SCHEDULED');
    clock.set('2025-11-28T10:00:00.000Z');
    expect((await room.page()).text).toContain('data-page="expired"');
    expect((await room.raw('/start')).status).toBe(409);
    await runDueTasks(world, interview.id);
    const read = (await acme.api('GET', `/v1/interviews/${interview.id}`)).body;
    expect(read).toMatchObject({ status: 'FAILED', statusReason: 'EXPIRED', startedAt: null, durationMinutes: 0, finishedDate: '2025-11-28T10:00:00.000Z' });
    expect(await committed()).toMatchObject({ status: 'FAILED', durationMinutes: 0 });
    expect(await eventsOf(world, interview.id)).toEqual(['interview.failed']);
    expect((await room.page()).text).toContain('data-page="expired"');
  });
});
