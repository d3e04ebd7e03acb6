import { describe, expect, it } from 'vitest';
import { decide, type EngineState, initialState } from './engine.ts';
import { answer, configOf, last, MIN, question, run, SEC, spoken, start, T0, tick } from './engine.test-helpers.ts';

const config = configOf(); // Q1..Q3, 30 minutes, no follow-ups, nudge after 60 s, abandoned after 10 min

describe('the plan', () => {
  it('opens with the greeting, the consent notice, how it works and the first question', () => {
    const { steps } = run(config, [start(T0)]);
    expect(last(steps)).toEqual({
      state: expect.objectContaining({ phase: 'inProgress', startedAt: T0, question: 0 }),
      intents: [{ type: 'greeting' }, { type: 'consent' }, { type: 'howItWorks' }, question(0, 'first')],
      wakeAt: T0 + 60 * SEC,
    });
  });

  it('asks the questions in order with first, next and last transitions, then closes as completed', () => {
    const config4 = configOf({ questions: ['A', 'B', 'C', 'D'] });
    const { steps } = run(config4, [start(T0), answer(T0 + MIN), answer(T0 + 2 * MIN), answer(T0 + 3 * MIN), answer(T0 + 4 * MIN)]);
    expect(steps.map((s) => s.decision.intents.at(-1))).toEqual([
      question(0, 'first'), question(1, 'next'), question(2, 'next'), question(3, 'last'), { type: 'closing', reason: 'completed' },
    ]);
    expect(last(steps).end).toEqual({ status: 'COMPLETED', statusReason: 'COMPLETED' });
    expect(last(steps).wakeAt).toBeNull();
    expect(steps.slice(0, -1).every((s) => s.decision.end === undefined)).toBe(true);
  });

  it('a single question is the first one, and its answer closes the interview', () => {
    const { steps } = run(configOf({ questions: ['Only'] }), [start(T0), answer(T0 + MIN)]);
    expect(steps[0]?.decision.intents.at(-1)).toEqual(question(0, 'first'));
    expect(last(steps).intents).toEqual([{ type: 'closing', reason: 'completed' }]);
  });

  it('OUTREACH without questions asks its two defaults (interest, availability)', () => {
    const { steps } = run(configOf({ questions: [], focus: 'OUTREACH' }), [start(T0), answer(T0 + MIN), answer(T0 + 2 * MIN)]);
    expect(steps.map((s) => s.decision.intents.at(-1))).toEqual([question(0, 'first'), question(1, 'last'), { type: 'closing', reason: 'completed' }]);
  });

  it('any other focus without questions asks the one fallback question', () => {
    for (const focus of ['SCREENING', 'GENERIC', 'LANGUAGE_TEST'] as const) {
      const { steps } = run(configOf({ questions: [], focus }), [start(T0), answer(T0 + MIN)]);
      expect(steps.map((s) => s.decision.intents.at(-1))).toEqual([question(0, 'first'), { type: 'closing', reason: 'completed' }]);
    }
  });
});

describe('follow-ups', () => {
  // Three questions in 30 minutes: the first question's share is 10 minutes.
  const probing = configOf({ maxFollowUps: 2, idleNudgeSeconds: 3600, abandonMinutes: 60 });

  it('asks at most maxFollowUps per question while they fit, then moves on', () => {
    const { steps } = run(probing, [start(T0), answer(T0 + 2 * MIN), answer(T0 + 3 * MIN), answer(T0 + 4 * MIN)]);
    expect(steps.slice(1).map((s) => s.decision.intents)).toEqual([
      [{ type: 'followUp', index: 0, n: 1 }], [{ type: 'followUp', index: 0, n: 2 }], [question(1, 'next')],
    ]);
  });

  it('defaults to at most 2 follow-ups when the config names no maximum', () => {
    const { steps } = run({ ...probing, maxFollowUps: undefined }, [start(T0), answer(T0 + SEC), answer(T0 + 2 * SEC), answer(T0 + 3 * SEC)]);
    expect(steps.slice(1).map((s) => s.decision.intents.at(-1)?.type)).toEqual(['followUp', 'followUp', 'question']);
  });

  it('asks one only if another exchange at this pace still ends within the question\'s share', () => {
    // 5 minutes spent on one exchange: one more ends at 10 minutes, exactly the share.
    expect(last(run(probing, [start(T0), answer(T0 + 5 * MIN)]).steps).intents).toEqual([{ type: 'followUp', index: 0, n: 1 }]);
    expect(last(run(probing, [start(T0), answer(T0 + 5 * MIN + 1)]).steps).intents).toEqual([question(1, 'next')]);
    // After one follow-up, two exchanges took 6 minutes: a third would end at 9 (fits); at 7, 10.5 (does not).
    expect(last(run(probing, [start(T0), answer(T0 + 3 * MIN), answer(T0 + 6 * MIN)]).steps).intents[0]?.type).toBe('followUp');
    expect(last(run(probing, [start(T0), answer(T0 + 3 * MIN), answer(T0 + 7 * MIN)]).steps).intents[0]?.type).toBe('question');
  });

  it('measures a later question\'s share from the time that remained when it was asked', () => {
    // Q2 asked at 6 min: 24 minutes remain for 2 questions, a share of 12.
    const base = [start(T0), answer(T0 + 6 * MIN)];
    expect(last(run(probing, base).steps).intents).toEqual([question(1, 'next')]);
    expect(last(run(probing, [...base, answer(T0 + 12 * MIN)]).steps).intents).toEqual([{ type: 'followUp', index: 1, n: 1 }]);
    expect(last(run(probing, [...base, answer(T0 + 12 * MIN + 1)]).steps).intents).toEqual([question(2, 'last')]);
  });

  it('asks none when maxFollowUps is 0 (the structured brain)', () => {
    const { steps } = run({ ...probing, maxFollowUps: 0 }, [start(T0), answer(T0 + SEC)]);
    expect(last(steps).intents).toEqual([question(1, 'next')]);
  });
});

describe('empty answers', () => {
  it('get one reprompt, then the interview moves on', () => {
    const { steps } = run(config, [start(T0), answer(T0 + MIN, ''), answer(T0 + 2 * MIN, ' \n\t ')]);
    expect(steps[1]?.decision.intents).toEqual([{ type: 'reprompt', index: 0 }]);
    expect(steps[2]?.decision.intents).toEqual([question(1, 'next')]);
  });

  it('a whitespace-only answer is empty', () => {
    expect(last(run(config, [start(T0), answer(T0 + MIN, '  \u00a0\n ')]).steps).intents).toEqual([{ type: 'reprompt', index: 0 }]);
  });

  it('one reprompt per question: each new question may get its own', () => {
    const { steps } = run(config, [start(T0), answer(T0 + MIN, ''), answer(T0 + 2 * MIN, 'now'), answer(T0 + 3 * MIN, '')]);
    expect(steps.slice(1).map((s) => s.decision.intents)).toEqual([[{ type: 'reprompt', index: 0 }], [question(1, 'next')], [{ type: 'reprompt', index: 1 }]]);
  });

  it('an empty answer to a follow-up moves on without a reprompt', () => {
    const probing = configOf({ maxFollowUps: 2 });
    const { steps } = run(probing, [start(T0), answer(T0 + SEC), answer(T0 + 2 * SEC, '')]);
    expect(steps.slice(1).map((s) => s.decision.intents)).toEqual([[{ type: 'followUp', index: 0, n: 1 }], [question(1, 'next')]]);
  });

  it('a second empty answer to the last question closes the interview', () => {
    const { steps } = run(configOf({ questions: ['Only'] }), [start(T0), answer(T0 + MIN, ''), answer(T0 + 2 * MIN, '')]);
    expect(last(steps).intents).toEqual([{ type: 'closing', reason: 'completed' }]);
    expect(last(steps).end).toEqual({ status: 'COMPLETED', statusReason: 'COMPLETED' });
  });
});

describe('what is ignored', () => {
  it('answers, ticks and spoken before the start change nothing', () => {
    const state = initialState();
    for (const input of [answer(T0), tick(T0), spoken(T0)]) {
      expect(decide(state, input, config)).toEqual({ state, intents: [], wakeAt: null });
    }
  });

  it('a second start (a reload) changes nothing', () => {
    const first = run(config, [start(T0)]);
    expect(decide(first.state, start(T0 + MIN), config)).toEqual({ state: first.state, intents: [], wakeAt: T0 + 60 * SEC });
  });

  it('every input after the end is ignored: no intents, no second end', () => {
    const done = run(configOf({ questions: ['Only'] }), [start(T0), answer(T0 + MIN)]);
    expect(done.state.phase).toBe('ended');
    for (const input of [answer(T0 + 2 * MIN), tick(T0 + 40 * MIN), start(T0 + 3 * MIN), spoken(T0 + 2 * MIN)]) {
      expect(decide(done.state, input, config)).toEqual({ state: done.state, intents: [], wakeAt: null });
    }
  });

  it('a tick before wakeAt changes nothing', () => {
    const started = run(config, [start(T0)]);
    expect(decide(started.state, tick(T0 + 60 * SEC - 1), config)).toEqual({ state: started.state, intents: [], wakeAt: T0 + 60 * SEC });
  });
});

describe('purity', () => {
  it('never changes the state it is given', () => {
    const probing = configOf({ maxFollowUps: 2 });
    const inputs = [start(T0), answer(T0 + SEC), answer(T0 + 2 * SEC, ''), spoken(T0 + 3 * SEC), tick(T0 + 2 * MIN), answer(T0 + 3 * MIN), answer(T0 + 4 * MIN)];
    let state: EngineState = initialState();
    for (const input of inputs) {
      const frozen = deepFreeze(structuredClone(state));
      state = decide(frozen, input, probing).state; // a write to a frozen object throws in a module
    }
    expect(state.phase).toBe('inProgress');
  });

  it('decides the same from a state that went through JSON', () => {
    const probing = configOf({ maxFollowUps: 2 });
    const inputs = [start(T0), answer(T0 + SEC), spoken(T0 + 5 * SEC), answer(T0 + MIN, ''), tick(T0 + 3 * MIN), answer(T0 + 4 * MIN), tick(T0 + 28 * MIN)];
    let state: EngineState = initialState();
    for (const input of inputs) {
      const direct = decide(state, input, probing);
      expect(decide(JSON.parse(JSON.stringify(state)) as EngineState, input, probing)).toEqual(direct);
      state = direct.state;
    }
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
