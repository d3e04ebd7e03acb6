import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_FOCUSES } from '../../../agents/schema.ts';
import { decide, type Decision, type EngineInput, type EngineState, initialState } from './engine.ts';
import { type EngineConfig, questionCount } from './plan.ts';
import { MIN, SEC, T0 } from './engine.test-helpers.ts';

const configs = fc.record({
  questions: fc.array(fc.constantFrom('Q'), { maxLength: 5 }),
  focus: fc.constantFrom(...AGENT_FOCUSES),
  durationMinutes: fc.integer({ min: 1, max: 40 }),
  maxFollowUps: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  idleNudgeSeconds: fc.integer({ min: 1, max: 300 }),
  abandonMinutes: fc.integer({ min: 1, max: 15 }),
});

/** What to feed next, and how long after the previous input; 'wake' ticks exactly at wakeAt. */
const steps = fc.array(
  fc.record({
    kind: fc.constantFrom('start', 'answer', 'answer', 'answer', 'empty', 'tick', 'wake', 'wake', 'spoken'),
    gap: fc.oneof(fc.integer({ min: 0, max: 10 * SEC }), fc.integer({ min: 0, max: 5 * MIN })),
  }),
  { maxLength: 40 },
);

interface Fed { input: EngineInput; before: EngineState; decision: Decision }

function feed(config: EngineConfig, plan: { kind: string; gap: number }[]): Fed[] {
  let state = initialState();
  let wakeAt: number | null = null;
  let at = T0;
  const fed: Fed[] = [];
  for (const { kind, gap } of plan) {
    at = kind === 'wake' && wakeAt !== null && wakeAt > at ? wakeAt : at + gap;
    const input: EngineInput = kind === 'answer' ? { type: 'answer', text: 'yes', at }
      : kind === 'empty' ? { type: 'answer', text: ' ', at }
        : { type: kind === 'wake' ? 'tick' : (kind as 'start' | 'tick' | 'spoken'), at };
    const decision = decide(state, input, config);
    fed.push({ input, before: state, decision });
    state = decision.state;
    wakeAt = decision.wakeAt;
  }
  return fed;
}

const WORDED = new Set(['question', 'followUp', 'reprompt']);

describe('the engine, for any inputs in time order', () => {
  it('never asks at or past the deadline, keeps the question order and the follow-up budget, ends at most once', () => {
    fc.assert(fc.property(configs, steps, (config, plan) => {
      const count = questionCount(config);
      const maxFollowUps = config.maxFollowUps ?? 2;
      let startedAt: number | null = null;
      let lastActivity = 0; // the start or the last answer
      let asked = -1; // the last question index asked
      let askedAt = 0;
      let followUps = 0;
      let ends = 0;
      let notices = 0;
      let nudgedSinceActivity = false;
      for (const { input, decision } of feed(config, plan)) {
        const { intents, end } = decision;
        const firstStart = input.type === 'start' && startedAt === null;
        if (firstStart) startedAt = input.at;
        if (ends > 0) {
          expect(intents).toEqual([]);
          expect(end).toBeUndefined();
          expect(decision.wakeAt).toBeNull();
          continue;
        }
        if ((input.type === 'answer' && startedAt !== null) || firstStart) {
          lastActivity = input.at;
          nudgedSinceActivity = false;
        }
        const deadline = (startedAt ?? Infinity) + config.durationMinutes * MIN;
        // At most one worded intent, and it is last (what a brain relies on).
        const worded = intents.filter((i) => WORDED.has(i.type));
        expect(worded.length).toBeLessThanOrEqual(1);
        if (worded.length === 1) expect(intents.at(-1)).toBe(worded[0]);
        for (const intent of intents) {
          if (WORDED.has(intent.type)) expect(input.at).toBeLessThan(deadline);
          if (intent.type === 'question') {
            expect(intent.index).toBe(asked + 1);
            expect(intent.transition).toBe(intent.index === 0 ? 'first' : intent.index === count - 1 ? 'last' : 'next');
            asked = intent.index;
            askedAt = input.at;
            followUps = 0;
          }
          if (intent.type === 'followUp') {
            followUps += 1;
            expect(intent).toEqual({ type: 'followUp', index: asked, n: followUps });
            expect(followUps).toBeLessThanOrEqual(maxFollowUps);
            // Within the question's share of the time that remained when it was asked.
            expect(input.at - askedAt).toBeLessThanOrEqual((deadline - askedAt) / (count - asked));
          }
          if (intent.type === 'reprompt') expect(intent.index).toBe(asked);
          if (intent.type === 'timeNotice') notices += 1;
          if (intent.type === 'nudge') {
            expect(nudgedSinceActivity).toBe(false);
            expect(input.at - lastActivity).toBeGreaterThanOrEqual(config.idleNudgeSeconds * SEC);
            nudgedSinceActivity = true;
          }
        }
        expect(notices).toBeLessThanOrEqual(1);
        if (end) {
          ends += 1;
          if (end.statusReason === 'COMPLETED') expect(asked).toBe(count - 1);
          if (end.statusReason === 'TIME_LIMIT') expect(input.at).toBeGreaterThanOrEqual(deadline);
          if (end.statusReason === 'ABANDONED') {
            expect(input.type).toBe('tick');
            expect(input.at - lastActivity).toBeGreaterThanOrEqual(config.abandonMinutes * MIN);
          }
        } else if (decision.state.phase === 'inProgress' && (input.type === 'tick' || input.type === 'answer' || firstStart)) {
          // The next timer is in the future: a tick at wakeAt never loops.
          expect(decision.wakeAt).toBeGreaterThan(input.at);
        }
      }
    }), { numRuns: 500 });
  });

  it('decides the same from its state after a JSON round trip', () => {
    fc.assert(fc.property(configs, steps, (config, plan) => {
      for (const { input, before, decision } of feed(config, plan)) {
        expect(decide(JSON.parse(JSON.stringify(before)) as EngineState, input, config)).toEqual(decision);
      }
    }), { numRuns: 300 });
  });

  it('changes nothing on a tick before wakeAt', () => {
    fc.assert(fc.property(configs, steps, fc.integer({ min: 1, max: 10 * MIN }), (config, plan, early) => {
      for (const { decision } of feed(config, plan)) {
        if (decision.wakeAt === null) continue;
        const at = decision.wakeAt - early;
        expect(decide(decision.state, { type: 'tick', at }, config)).toEqual({ state: decision.state, intents: [], wakeAt: decision.wakeAt });
      }
    }), { numRuns: 200 });
  });

  it('ends a silent interview by its timers alone, at the earlier of the deadline and abandonment', () => {
    fc.assert(fc.property(configs, (config) => {
      let decision = decide(initialState(), { type: 'start', at: T0 }, config);
      for (let n = 0; n < 10 && decision.wakeAt !== null; n += 1) decision = decide(decision.state, { type: 'tick', at: decision.wakeAt }, config);
      const deadline = T0 + config.durationMinutes * MIN;
      const abandonAt = T0 + config.abandonMinutes * MIN;
      expect(decision.end).toEqual(abandonAt < deadline
        ? { status: 'FAILED', statusReason: 'ABANDONED' }
        : { status: 'COMPLETED', statusReason: 'TIME_LIMIT' });
    }), { numRuns: 300 });
  });
});
