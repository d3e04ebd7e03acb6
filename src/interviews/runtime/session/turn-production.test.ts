/**
 * Producing an owed turn when a follow-up cannot be worded: the model breaks off mid-way, or no
 * model speaks any more (the model failed before, or LLM_* went away across a restart).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiFake, reply, startOpenAiFake } from '../../../../test/fakes/openai-server.ts';
import type { AgentForRuntime } from '../brains/brain.ts';
import { decide, initialState } from '../engine/engine.ts';
import { type BrainChoice, chooseBrain } from './brain-choice.ts';
import { engineConfigOf, type OwedTurn, type SessionContext } from './session-state.ts';
import { produceTurn } from './turn-production.ts';

const T0 = Date.UTC(2030, 0, 1, 9);
const rules = { idleNudgeSeconds: 60, abandonMinutes: 10 };
const agent: AgentForRuntime = { name: 'Screener', focus: 'SCREENING', language: 'EN', cefrLevel: null, instructions: null, duration: 30, voiceId: 'EMMA', questions: ['Q one?', 'Q two?'] };
const context: SessionContext = { agent, companyName: 'Acme', candidateName: 'Ada' };

/** A follow-up owed on the first answer, decided while the model interviewer spoke. */
function owedFollowUp(): OwedTurn {
  const config = engineConfigOf(context, rules, true);
  const started = decide(initialState(), { type: 'start', at: T0 }, config);
  const input = { type: 'answer' as const, text: 'I scaled a queue.', at: T0 + 60_000 };
  const decided = decide(started.state, input, config);
  expect(decided.intents).toEqual([{ type: 'followUp', index: 0, n: 1 }]);
  return { turnId: 't1', intents: decided.intents, decidedAt: input.at, from: { state: started.state, input }, end: null };
}

const produce = (owed: OwedTurn, brain: BrainChoice, modelFailed = false) =>
  produceTurn({ owed, context, transcript: [], brain, modelFailed, rules, emit: () => undefined, signal: new AbortController().signal });

describe('an owed follow-up', () => {
  let fake: OpenAiFake;
  beforeEach(async () => {
    fake = await startOpenAiFake();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('without a model (LLM_* gone across a restart) becomes the next question, decided again without follow-ups', async () => {
    const produced = await produce(owedFollowUp(), await chooseBrain({ llm: null }));
    expect(produced).toMatchObject({ text: 'Thank you. Now for the last question. Q two?', questionIndex: 1, end: null, modelFailed: false });
    expect(produced.engine).not.toBeNull(); // the session moves on to the state of that decision
  });

  it('after an earlier model failure is worded the same way, without calling the model', async () => {
    const brain = await chooseBrain({ llm: { baseUrl: fake.baseUrl, apiKey: 'k', model: 'm', firstTokenTimeoutMs: 2_000, maxRetries: 0 } });
    const produced = await produce(owedFollowUp(), brain, true);
    expect(produced.text).toBe('Thank you. Now for the last question. Q two?');
    expect(fake.requests).toHaveLength(0);
  });

  it('broken off mid-way by the model: the words said stay, then the next question, one space between', async () => {
    const brain = await chooseBrain({ llm: { baseUrl: fake.baseUrl, apiKey: 'k', model: 'm', firstTokenTimeoutMs: 2_000, maxRetries: 0 } });
    fake.script(reply.breakAfter(3, 'Which queue did you scale, and how?'));
    const produced = await produce(owedFollowUp(), brain);
    expect(produced.text).toBe('Which queue did Thank you. Now for the last question. Q two?');
    expect(produced).toMatchObject({ modelFailed: true, questionIndex: 1 });
  });
});
