/**
 * The time budget and the silence rules, driven by a manual clock and the durable timer run by
 * the test: the nudge after INTERVIEW_IDLE_NUDGE_SECONDS, abandonment after
 * INTERVIEW_ABANDON_MINUTES (FAILED, ABANDONED), the time notice and the time limit (COMPLETED,
 * TIME_LIMIT), minutes and billing usage recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { linesFor } from '../interviews/runtime/lines/lines.ts';
import { createRoomInterview, newCompany, MINUTE, pendingTasksOf, roomClient, type RoomWorld, runDueTasks, startRoomWorld, transcriptOf } from './room.test-helpers.ts';

const START = '2025-11-20T10:00:00.000Z';
const T0 = Date.parse(START);
const en = linesFor('EN');
const at = (ms: number) => new Date(T0 + ms).toISOString();

describe('time and silence (manual clock, the durable timer)', () => {
  const clock = new ManualClock(START);
  let world: RoomWorld;

  beforeAll(async () => {
    world = await startRoomWorld(clock, { INTERVIEW_IDLE_NUDGE_SECONDS: '30', INTERVIEW_ABANDON_MINUTES: '3' });
  });
  afterAll(() => world.server.close());
  /** An interview of a company of its own with `agent`, started at START, its opening turn stored. */
  const startedRoom = async (agent: Record<string, unknown>) => {
    clock.set(START);
    const acme = await newCompany(world);
    const { interview, token } = await createRoomInterview(acme.api, agent);
    const room = roomClient(world, token);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
    return { acme, interview, room };
  };


  it('silence: one nudge after 30 s (not before), then FAILED (ABANDONED) after 3 minutes; minutes and usage recorded', async () => {
    const { acme, interview, room } = await startedRoom({ duration: 20 });
    // The room said the turn at once (no voice): silence counts from then.
    clock.advance(2_000);
    await room.spoken();
    expect(await pendingTasksOf(world, interview.id)).toEqual([{ kind: 'interview.timer', runAt: at(32_000) }]);

    clock.set(at(31_999));
    await runDueTasks(world, interview.id);
    expect(await transcriptOf(acme.api, interview.id)).toHaveLength(1);
    clock.set(at(32_000));
    await runDueTasks(world, interview.id);
    const turns = await transcriptOf(acme.api, interview.id);
    expect(turns.map((t) => t.text).at(-1)).toBe(en.nudge);
    expect(turns.at(-1)).toMatchObject({ startedAt: at(32_000) });
    // One nudge per silence: the next instant that matters is abandonment, 3 minutes after the question was said.
    expect(await pendingTasksOf(world, interview.id)).toEqual([{ kind: 'interview.timer', runAt: at(2_000 + 3 * MINUTE) }]);

    clock.set(at(2_000 + 3 * MINUTE - 1));
    await runDueTasks(world, interview.id);
    expect(((await acme.api('GET', `/v1/interviews/${interview.id}`)).body).status).toBe('IN_PROGRESS');
    clock.set(at(2_000 + 3 * MINUTE));
    await runDueTasks(world, interview.id);
    expect((await acme.api('GET', `/v1/interviews/${interview.id}`)).body).toMatchObject({ status: 'FAILED', statusReason: 'ABANDONED', finishedDate: at(2_000 + 3 * MINUTE), durationMinutes: 4 });
    expect(await pendingTasksOf(world, interview.id)).toEqual([]);
    expect(await transcriptOf(acme.api, interview.id)).toHaveLength(2);
    const usage = await acme.api('GET', '/v1/billing/usage', { query: { start: at(-MINUTE), end: at(10 * MINUTE) } });
    expect(usage.body).toMatchObject({ totalInterviews: 1, totalMinutesUsed: 4 });
    expect((await room.page()).text).toContain(en.failed);
  });

  it('silence and the next answer start when the room has said the turn; a late report about an earlier turn changes nothing', async () => {
    const { acme, interview, room } = await startedRoom({ duration: 20, questions: ['One?', 'Two?', 'Three?'] });
    const [opening] = await transcriptOf(acme.api, interview.id);
    // The candidate answers while the opening is still being read aloud; the next question is stored at 10 s.
    clock.set(at(10_000));
    await room.answer('An answer typed while the question was read.');
    await world.server.deps.sessions.settled(interview.id);
    const second = (await transcriptOf(acme.api, interview.id)).at(-1);
    expect(second).toMatchObject({ role: 'agent', text: expect.stringContaining('Two?') });
    // The room finishes reading the opening only now: that report is about an earlier turn.
    clock.set(at(15_000));
    await room.spoken(opening?.id);
    expect(await pendingTasksOf(world, interview.id)).toEqual([{ kind: 'interview.timer', runAt: at(10_000 + 30_000) }]);
    // The second question is said at 40 s (it is long): the nudge comes 30 s after that.
    clock.set(at(40_000));
    await room.spoken(second?.id);
    expect(await pendingTasksOf(world, interview.id)).toEqual([{ kind: 'interview.timer', runAt: at(70_000) }]);
    // The answer to it started when it had been said, not when it was stored.
    clock.set(at(50_000));
    await room.answer('Twenty words or so, said in ten seconds.');
    await world.server.deps.sessions.settled(interview.id);
    expect((await transcriptOf(acme.api, interview.id)).find((t) => t.text.startsWith('Twenty words'))).toMatchObject({ startedAt: at(40_000), endedAt: at(50_000) });
  });

  it('typing keeps the candidate present: the nudge waits for a silence after the last keystroke', async () => {
    const { acme, interview, room } = await startedRoom({ duration: 20 });
    await room.spoken();
    for (const step of [25_000, 50_000]) {
      clock.set(at(step));
      expect((await room.raw('/typing')).status).toBe(200);
    }
    expect(await pendingTasksOf(world, interview.id)).toEqual([{ kind: 'interview.timer', runAt: at(80_000) }]);
    clock.set(at(79_999));
    await runDueTasks(world, interview.id);
    expect(await transcriptOf(acme.api, interview.id)).toHaveLength(1);
    clock.set(at(80_000));
    await runDueTasks(world, interview.id);
    expect((await transcriptOf(acme.api, interview.id)).at(-1)?.text).toBe(en.nudge);
  });

  it('runs no longer than the minutes reserved at its creation, though its agent was lengthened since', async () => {
    clock.set(START);
    const acme = await newCompany(world);
    const agent = await acme.api('POST', '/v1/agents', { body: { name: 'Screener', focus: 'GENERIC', duration: 10, questions: ['Q?'] } });
    expect(agent.status, agent.text).toBe(201);
    const created = await acme.api('POST', '/v1/interviews', { body: { agentId: agent.body.id, candidate: { firstName: 'Bo', lastName: 'Chen', email: 'bo@example.com' } } });
    expect(created.status, created.text).toBe(201);
    expect((await acme.api('PATCH', `/v1/agents/${agent.body.id}`, { body: { duration: 180 } })).status).toBe(200);
    const room = roomClient(world, String(created.body.interviewUrl).split('/room/')[1] as string);
    await room.start();
    await world.server.deps.sessions.settled(created.body.id);
    const snapshot = await world.server.deps.sessions.snapshot({ companyId: acme.id, interviewId: created.body.id });
    expect(snapshot?.remainingSeconds).toBe(10 * 60);
  });

  it('an answer resets the silence: no nudge while the candidate keeps answering', async () => {
    const { acme, interview, room } = await startedRoom({ duration: 20, questions: ['One?', 'Two?', 'Three?'] });
    for (const step of [25_000, 50_000]) {
      clock.set(at(step));
      await runDueTasks(world, interview.id);
      await room.answer(`answer at ${step}`);
      await world.server.deps.sessions.settled(interview.id);
    }
    const texts = (await transcriptOf(acme.api, interview.id)).map((t) => t.text);
    expect(texts).not.toContain(en.nudge);
    expect(texts.at(-1)).toBe(`${en.lastQuestion} Three?`);
  });

  it('the time notice comes once near the end, and the time limit closes the interview: COMPLETED (TIME_LIMIT) after the closing line', async () => {
    // 5 minutes: the notice when a fifth (1 minute) remains, from the timer at 4:00.
    const { acme, interview, room } = await startedRoom({ duration: 5, questions: ['One?', 'Two?', 'Three?', 'Four?'] });
    for (const step of [MINUTE, 3.5 * MINUTE]) {
      clock.set(at(step));
      await runDueTasks(world, interview.id);
      await room.answer(`answer at ${step}`);
      await world.server.deps.sessions.settled(interview.id);
    }
    clock.set(at(4 * MINUTE - 1));
    await runDueTasks(world, interview.id);
    expect((await transcriptOf(acme.api, interview.id)).map((t) => t.text).join(' ')).not.toContain('left');
    clock.set(at(4 * MINUTE));
    await runDueTasks(world, interview.id);
    let texts = (await transcriptOf(acme.api, interview.id)).map((t) => t.text);
    // Due with the nudge of the same silence: one turn says both.
    expect(texts.at(-1)).toBe(`${en.nudge} ${en.timeNotice.replace('{minutes}', '1 minute')}`);

    clock.set(at(5 * MINUTE));
    await runDueTasks(world, interview.id);
    texts = (await transcriptOf(acme.api, interview.id)).map((t) => t.text);
    expect(texts.filter((t) => t.includes('1 minute left'))).toHaveLength(1);
    expect(texts.at(-1)).toBe(en.closingTimeUp.replace('{companyName}', 'Acme'));
    expect((await acme.api('GET', `/v1/interviews/${interview.id}`)).body).toMatchObject({ status: 'COMPLETED', statusReason: 'TIME_LIMIT', finishedDate: at(5 * MINUTE), durationMinutes: 5 });
    expect(await pendingTasksOf(world, interview.id)).toEqual([]);
  });
});
