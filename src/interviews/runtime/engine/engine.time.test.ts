import { describe, expect, it } from 'vitest';
import { decide } from './engine.ts';
import { answer, configOf, last, MIN, question, run, SEC, spoken, start, T0, tick, typing } from './engine.test-helpers.ts';

describe('the time notice', () => {
  // Idle rules far away, so that only time matters here.
  const patient = configOf({ idleNudgeSeconds: 3600, abandonMinutes: 60 });

  it('comes once, when 2 minutes remain, and then the deadline closes the interview', () => {
    const started = run(patient, [start(T0)]);
    expect(last(started.steps).wakeAt).toBe(T0 + 28 * MIN);
    expect(decide(started.state, tick(T0 + 28 * MIN - 1), patient).intents).toEqual([]);
    const { steps } = run(patient, [tick(T0 + 28 * MIN), tick(T0 + 30 * MIN)], started.state);
    expect(steps[0]?.decision.intents).toEqual([{ type: 'timeNotice', minutes: 2 }]);
    expect(steps[0]?.decision.wakeAt).toBe(T0 + 30 * MIN);
    expect(steps[1]?.decision.intents).toEqual([{ type: 'closing', reason: 'timeUp' }]);
    expect(steps[1]?.decision.end).toEqual({ status: 'COMPLETED', statusReason: 'TIME_LIMIT' });
  });

  it('comes when a fifth of a short interview remains', () => {
    const five = configOf({ durationMinutes: 5, idleNudgeSeconds: 3600, abandonMinutes: 60 });
    expect(last(run(five, [start(T0)]).steps).wakeAt).toBe(T0 + 4 * MIN);
    expect(last(run(five, [start(T0), tick(T0 + 4 * MIN)]).steps).intents).toEqual([{ type: 'timeNotice', minutes: 1 }]);
    const one = configOf({ durationMinutes: 1, idleNudgeSeconds: 3600, abandonMinutes: 60 });
    expect(last(run(one, [start(T0)]).steps).wakeAt).toBe(T0 + 48 * SEC);
    expect(last(run(one, [start(T0), tick(T0 + 48 * SEC)]).steps).intents).toEqual([{ type: 'timeNotice', minutes: 1 }]);
  });

  it('precedes the next question when an answer arrives after it became due', () => {
    const { steps } = run(patient, [start(T0), answer(T0 + 29 * MIN)]);
    expect(last(steps).intents).toEqual([{ type: 'timeNotice', minutes: 1 }, question(1, 'next')]);
    expect(last(steps).wakeAt).toBe(T0 + 30 * MIN);
  });

  it('is due to an answer from the same instant as to a tick', () => {
    expect(last(run(patient, [start(T0), answer(T0 + 28 * MIN - 1)]).steps).intents).toEqual([question(1, 'next')]);
    expect(last(run(patient, [start(T0), answer(T0 + 28 * MIN)]).steps).intents).toEqual([{ type: 'timeNotice', minutes: 2 }, question(1, 'next')]);
  });

  it('is not repeated once given', () => {
    const { steps } = run(patient, [start(T0), tick(T0 + 28 * MIN), answer(T0 + 29 * MIN)]);
    expect(last(steps).intents).toEqual([question(1, 'next')]);
  });

  it('is not said before the closing', () => {
    const { steps } = run(configOf({ questions: ['Only'] }), [start(T0), answer(T0 + 29 * MIN)]);
    expect(last(steps).intents).toEqual([{ type: 'closing', reason: 'completed' }]);
  });
});

describe('the deadline', () => {
  it('an answer at or after the deadline gets the time-up closing, not another question', () => {
    for (const at of [T0 + 30 * MIN, T0 + 45 * MIN]) {
      const { steps } = run(configOf({ idleNudgeSeconds: 3600, abandonMinutes: 60 }), [start(T0), answer(at)]);
      expect(last(steps).intents).toEqual([{ type: 'closing', reason: 'timeUp' }]);
      expect(last(steps).end).toEqual({ status: 'COMPLETED', statusReason: 'TIME_LIMIT' });
    }
  });

  it('just before it, the interview still goes on', () => {
    const { steps } = run(configOf({ idleNudgeSeconds: 3600, abandonMinutes: 60 }), [start(T0), tick(T0 + 28 * MIN), answer(T0 + 30 * MIN - 1)]);
    expect(last(steps).intents).toEqual([question(1, 'next')]);
  });
});

describe('idle', () => {
  const config = configOf(); // nudge after 60 s, abandoned after 10 min

  it('nudges once per silence, measured from the end of the interviewer\'s turn, then abandons', () => {
    const started = run(config, [start(T0), spoken(T0 + 20 * SEC)]);
    expect(last(started.steps)).toMatchObject({ intents: [], wakeAt: T0 + 80 * SEC });
    expect(decide(started.state, tick(T0 + 80 * SEC - 1), config).intents).toEqual([]);
    const nudged = run(config, [tick(T0 + 80 * SEC)], started.state);
    expect(last(nudged.steps)).toMatchObject({ intents: [{ type: 'nudge' }], wakeAt: T0 + 20 * SEC + 10 * MIN });
    expect(decide(nudged.state, tick(T0 + 20 * SEC + 10 * MIN - 1), config).intents).toEqual([]);
    const abandoned = decide(nudged.state, tick(T0 + 20 * SEC + 10 * MIN), config);
    expect(abandoned).toMatchObject({ intents: [], end: { status: 'FAILED', statusReason: 'ABANDONED' }, wakeAt: null });
  });

  it('measures from when the turn was decided until its spoken arrives', () => {
    expect(last(run(config, [start(T0), tick(T0 + 60 * SEC)]).steps).intents).toEqual([{ type: 'nudge' }]);
  });

  it('the nudge\'s own spoken does not postpone abandonment', () => {
    const { steps } = run(config, [start(T0), spoken(T0 + SEC), tick(T0 + 61 * SEC), spoken(T0 + 65 * SEC)]);
    expect(last(steps).wakeAt).toBe(T0 + SEC + 10 * MIN);
  });

  it('typing is activity: no nudge or abandonment while the candidate composes, a silence of its own after', () => {
    const typed = run(config, [start(T0), spoken(T0 + 20 * SEC), typing(T0 + 70 * SEC), typing(T0 + 9 * MIN)]);
    expect(typed.steps.every((s) => s.decision.intents.length === 0 || s.input.type === 'start')).toBe(true);
    expect(last(typed.steps).wakeAt).toBe(T0 + 9 * MIN + 60 * SEC); // the nudge of the silence after the last keystroke
    expect(decide(typed.state, tick(T0 + 10 * MIN + 20 * SEC), config).intents).toEqual([{ type: 'nudge' }]);
    // A report older than the silence (typed before the question was said) changes nothing.
    const early = run(config, [start(T0), spoken(T0 + 20 * SEC), typing(T0 + 10 * SEC)]);
    expect(last(early.steps).wakeAt).toBe(T0 + 80 * SEC);
  });

  it('an answer ends the silence: the next one gets its own nudge', () => {
    const { steps } = run(config, [start(T0), tick(T0 + 60 * SEC), answer(T0 + 90 * SEC), tick(T0 + 150 * SEC)]);
    expect(steps.map((s) => s.decision.intents.at(-1)?.type)).toEqual(['question', 'nudge', 'question', 'nudge']);
  });

  it('an answer that arrives before the abandonment tick keeps the interview going', () => {
    const { steps } = run(config, [start(T0), answer(T0 + 11 * MIN)]);
    expect(last(steps).intents).toEqual([question(1, 'next')]);
  });

  it('abandonment comes without a nudge when it is due first', () => {
    const quick = configOf({ idleNudgeSeconds: 120, abandonMinutes: 1 });
    const { steps } = run(quick, [start(T0)]);
    expect(last(steps).wakeAt).toBe(T0 + MIN);
    expect(decide(last(steps).state, tick(T0 + MIN), quick)).toMatchObject({ intents: [], end: { status: 'FAILED', statusReason: 'ABANDONED' } });
  });

  it('nudge and notice due at one tick are said together', () => {
    const short = configOf({ durationMinutes: 5, idleNudgeSeconds: 240 });
    expect(last(run(short, [start(T0), tick(T0 + 4 * MIN)]).steps).intents).toEqual([{ type: 'nudge' }, { type: 'timeNotice', minutes: 1 }]);
  });
});

describe('a late tick that finds both ends due', () => {
  const late = tick(T0 + 60 * MIN);
  it('abandonment first: FAILED, ABANDONED', () => {
    const c = configOf({ durationMinutes: 5, abandonMinutes: 3 });
    expect(last(run(c, [start(T0), late]).steps).end).toEqual({ status: 'FAILED', statusReason: 'ABANDONED' });
  });
  it('the deadline first, or both at once: the time-up closing', () => {
    for (const abandonMinutes of [5, 10]) {
      const c = configOf({ durationMinutes: 5, abandonMinutes });
      expect(last(run(c, [start(T0), late]).steps)).toMatchObject({
        intents: [{ type: 'closing', reason: 'timeUp' }], end: { status: 'COMPLETED', statusReason: 'TIME_LIMIT' },
      });
    }
  });
});
