import { describe, expect, it } from 'vitest';
import { decide, type EngineInput, type EngineState, initialState, type Intent } from '../engine/engine.ts';
import type { EngineConfig } from '../engine/plan.ts';
import { MIN, SEC, T0 } from '../engine/engine.test-helpers.ts';
import { en } from '../lines/en.ts';
import { minutesText, render } from '../lines/lines.ts';
import type { AgentForRuntime, TurnRequest } from './brain.ts';
import { fixedPrefix, fixedText, interviewerName, questionText, structuredBrain, wordedIntent } from './structured.ts';

const agent: AgentForRuntime = {
  name: 'Backend screener', focus: 'SCREENING', language: 'EN', cefrLevel: null, instructions: null, duration: 20, voiceId: 'MIRIAM',
  questions: ['Tell me about a system you scaled.', 'How do you handle being on call?'],
};
const people = { companyName: 'Acme', candidateName: 'Ada' };

function requestFor(intents: Intent[], of: AgentForRuntime = agent): TurnRequest {
  return { intents, agent: of, ...people, transcript: [], lines: en };
}

async function say(request: TurnRequest, signal = new AbortController().signal): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of structuredBrain.speak(request, signal)) chunks.push(chunk);
  return chunks;
}

/** A structured interview as the session would run it: the engine decides, the brain words. */
async function interview(of: AgentForRuntime, inputs: EngineInput[]): Promise<{ turns: string[][]; state: EngineState; ends: unknown[] }> {
  const config: EngineConfig = { questions: of.questions, focus: of.focus, durationMinutes: of.duration, maxFollowUps: 0, idleNudgeSeconds: 60, abandonMinutes: 10 };
  let state = initialState();
  const turns: string[][] = [];
  const ends: unknown[] = [];
  for (const input of inputs) {
    const decision = decide(state, input, config);
    state = decision.state;
    if (decision.end) ends.push(decision.end);
    if (decision.intents.length > 0) turns.push(await say(requestFor(decision.intents, of)));
  }
  return { turns, state, ends };
}

describe('the structured brain', () => {
  it('is the structured kind with no model', () => {
    expect(structuredBrain).toMatchObject({ kind: 'structured', model: null });
  });

  it('runs a whole interview: fixed lines, the questions as written, one reprompt, the closing', async () => {
    const { turns, ends } = await interview(agent, [
      { type: 'start', at: T0 },
      { type: 'spoken', at: T0 + 5 * SEC },
      { type: 'answer', text: 'We sharded the queue.', at: T0 + 2 * MIN },
      { type: 'answer', text: '   ', at: T0 + 3 * MIN },
      { type: 'answer', text: 'With runbooks.', at: T0 + 4 * MIN },
    ]);
    // Each turn is one chunk: the whole turn at once.
    expect(turns.map((t) => t.length)).toEqual([1, 1, 1, 1]);
    expect(turns.map((t) => t[0])).toEqual([
      [
        render(en.greeting, { interviewerName: 'Miriam', companyName: 'Acme', candidateName: 'Ada' }),
        render(en.consentNotice, { companyName: 'Acme' }),
        render(en.howItWorks, { minutes: minutesText('EN', 20) }),
        en.firstQuestion,
        'Tell me about a system you scaled.',
      ].join(' '),
      `${en.lastQuestion} How do you handle being on call?`,
      `${en.reprompt} How do you handle being on call?`,
      render(en.closing, { companyName: 'Acme' }),
    ]);
    expect(turns[0]?.[0]).toMatch(/Miriam.*Acme|Acme.*Miriam/);
    expect(turns[0]?.[0]).toContain('Ada');
    expect(ends).toEqual([{ status: 'COMPLETED', statusReason: 'COMPLETED' }]);
  });

  it('says the nudge, the time notice and the time-up closing from the lines', async () => {
    const { turns, ends } = await interview({ ...agent, duration: 10 }, [
      { type: 'start', at: T0 },
      { type: 'tick', at: T0 + 60 * SEC },
      { type: 'answer', text: 'Yes.', at: T0 + 2 * MIN },
      { type: 'tick', at: T0 + 8 * MIN },
      { type: 'tick', at: T0 + 10 * MIN },
    ]);
    expect(turns.slice(1).map((t) => t[0])).toEqual([
      en.nudge,
      `${en.lastQuestion} How do you handle being on call?`,
      `${en.nudge} ${render(en.timeNotice, { minutes: minutesText('EN', 2) })}`, // the new silence's nudge is due too
      render(en.closingTimeUp, { companyName: 'Acme' }),
    ]);
    expect(ends).toEqual([{ status: 'COMPLETED', statusReason: 'TIME_LIMIT' }]);
  });

  it('asks the focus\'s default questions when the agent has none', async () => {
    const outreach = await interview({ ...agent, focus: 'OUTREACH', questions: [] }, [
      { type: 'start', at: T0 }, { type: 'answer', text: 'Sure.', at: T0 + MIN },
    ]);
    expect(outreach.turns[0]?.[0]?.endsWith(`${en.firstQuestion} ${render(en.outreachInterest, { companyName: 'Acme' })}`)).toBe(true);
    expect(outreach.turns[1]).toEqual([`${en.lastQuestion} ${en.outreachAvailability}`]);
    expect(questionText(requestFor([], { ...agent, questions: [] }), 0)).toBe(en.fallbackQuestion);
  });

  it('refuses to word a follow-up: the engine gives it none', async () => {
    await expect(say(requestFor([{ type: 'followUp', index: 0, n: 1 }]))).rejects.toThrow(/follow-up/);
  });

  it('says nothing once the turn is aborted', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await expect(say(requestFor([{ type: 'nudge' }]), aborted.signal)).rejects.toThrow();
  });

  it('joins the parts without spaces in Japanese and Chinese', async () => {
    const ja = { ...agent, language: 'JA' as const, questions: ['自己紹介をお願いします。'] };
    const lines = { ...en, timeNotice: '残り約{minutes}です。', firstQuestion: '始めましょう。' };
    const chunks: string[] = [];
    const intents: Intent[] = [{ type: 'timeNotice', minutes: 2 }, { type: 'question', index: 0, transition: 'first' }];
    for await (const chunk of structuredBrain.speak({ ...requestFor(intents, ja), lines }, new AbortController().signal)) chunks.push(chunk);
    expect(chunks).toEqual(['残り約2分です。始めましょう。自己紹介をお願いします。']);
  });
});

describe('the fixed part of a turn (what a model brain yields before its own words)', () => {
  it('is each fixed intent\'s line, and nothing for a follow-up', () => {
    const request = requestFor([]);
    expect(fixedText({ type: 'consent' }, request)).toBe(render(en.consentNotice, { companyName: 'Acme' }));
    expect(fixedText({ type: 'question', index: 1, transition: 'next' }, request)).toBe(en.nextQuestion);
    expect(fixedText({ type: 'reprompt', index: 1 }, request)).toBe(en.reprompt);
    expect(fixedText({ type: 'closing', reason: 'timeUp' }, request)).toBe(render(en.closingTimeUp, { companyName: 'Acme' }));
    expect(fixedText({ type: 'followUp', index: 0, n: 1 }, request)).toBe('');
  });

  it('fixedPrefix is everything before the worded part, wordedIntent that part', () => {
    const withQuestion = requestFor([{ type: 'timeNotice', minutes: 1 }, { type: 'question', index: 1, transition: 'last' }]);
    expect(fixedPrefix(withQuestion)).toBe(`${render(en.timeNotice, { minutes: minutesText('EN', 1) })} ${en.lastQuestion}`);
    expect(wordedIntent(withQuestion)).toEqual({ type: 'question', index: 1, transition: 'last' });
    const withFollowUp = requestFor([{ type: 'timeNotice', minutes: 1 }, { type: 'followUp', index: 0, n: 2 }]);
    expect(fixedPrefix(withFollowUp)).toBe(render(en.timeNotice, { minutes: minutesText('EN', 1) }));
    expect(wordedIntent(withFollowUp)).toEqual({ type: 'followUp', index: 0, n: 2 });
    expect(wordedIntent(requestFor([{ type: 'closing', reason: 'completed' }]))).toBeNull();
  });

  it('the interviewer is named after its voice, else after the agent', () => {
    expect(interviewerName({ name: 'Screener', voiceId: 'CASANDRA' })).toBe('Casandra');
    expect(interviewerName({ name: 'Screener', voiceId: null })).toBe('Screener');
  });

  it('a question the plan does not have is a programming error', () => {
    expect(() => questionText(requestFor([]), 2)).toThrow(/no question 2/);
    expect(() => questionText(requestFor([], { ...agent, questions: [], focus: 'OUTREACH' }), 2)).toThrow(/no question 2/);
  });
});
