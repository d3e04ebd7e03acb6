import { decide, type Decision, type EngineInput, type EngineState, initialState, type Intent } from './engine.ts';
import type { EngineConfig } from './plan.ts';

export const SEC = 1000;
export const MIN = 60 * SEC;
/** An arbitrary instant: the engine only ever sees numbers. */
export const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);

export function configOf(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    questions: ['Q1', 'Q2', 'Q3'], focus: 'SCREENING', durationMinutes: 30, maxFollowUps: 0,
    idleNudgeSeconds: 60, abandonMinutes: 10, ...overrides,
  };
}

export interface Step { input: EngineInput; decision: Decision }

/** Feeds the inputs in order, each to the state the previous one left. */
export function run(config: EngineConfig, inputs: EngineInput[], from: EngineState = initialState()): { state: EngineState; steps: Step[] } {
  let state = from;
  const steps: Step[] = [];
  for (const input of inputs) {
    const decision = decide(state, input, config);
    steps.push({ input, decision });
    state = decision.state;
  }
  return { state, steps };
}

/** The last decision of a run. */
export function last(steps: Step[]): Decision {
  const step = steps.at(-1);
  if (!step) throw new Error('no steps');
  return step.decision;
}

export const start = (at: number): EngineInput => ({ type: 'start', at });
export const answer = (at: number, text = 'An answer.'): EngineInput => ({ type: 'answer', text, at });
export const tick = (at: number): EngineInput => ({ type: 'tick', at });
export const spoken = (at: number): EngineInput => ({ type: 'spoken', at });
export const typing = (at: number): EngineInput => ({ type: 'typing', at });

export const question = (index: number, transition: 'first' | 'next' | 'last'): Intent => ({ type: 'question', index, transition });
