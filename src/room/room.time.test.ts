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


  it('silence: one nudge after 30 s (not before), then FAILED (ABANDONED) after 3 minutes; minutes and usage recorded', async () => {
    clock.set(START);
    const acme = await newCompany(world);
    const { interview, token } = await createRoomInterview(acme.api, { duration: 20 });
    const room = roomClient(world, token);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
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

  it('an answer resets the silence: no nudge while the candidate keeps answering', async () => {
    clock.set(START);
    const acme = await newCompany(world);
    const { interview, token } = await createRoomInterview(acme.api, { duration: 20, questions: ['One?', 'Two?', 'Three?'] });
    const room = roomClient(world, token);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
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
    clock.set(START);
    const acme = await newCompany(world);
    // 5 minutes: the notice when a fifth (1 minute) remains, from the timer at 4:00.
    const { interview, token } = await createRoomInterview(acme.api, { duration: 5, questions: ['One?', 'Two?', 'Three?', 'Four?'] });
    const room = roomClient(world, token);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
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
