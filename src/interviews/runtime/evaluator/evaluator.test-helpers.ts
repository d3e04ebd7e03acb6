/** Known transcripts for the evaluator tests: turns with ids and times, and their evaluation input. */
import { randomUUID } from 'node:crypto';
import type { AgentForRuntime, TranscriptTurn } from '../brains/model-types.ts';
import type { EvaluationInput } from './input.ts';

export const SCREENING_AGENT: AgentForRuntime = {
  name: 'Backend screener',
  focus: 'SCREENING',
  language: 'EN',
  questions: ['Tell me about a system you scaled.', 'How do you review code?', 'Why do you want this job?'],
  instructions: 'Probe for ownership.',
  voiceId: 'SUE',
  cefrLevel: null,
  duration: 20,
};

/** One scripted turn: who, what, and how many seconds it lasted (it starts when the last ended, plus a second). */
export type Line = [role: TranscriptTurn['role'], text: string, seconds: number];

export function transcriptOf(lines: Line[], start = '2030-01-01T10:00:00.000Z'): TranscriptTurn[] {
  let at = Date.parse(start);
  return lines.map(([role, text, seconds]) => {
    const startedAt = new Date((at += 1000)).toISOString();
    return { id: randomUUID(), role, text, startedAt, endedAt: new Date((at += seconds * 1000)).toISOString() };
  });
}

/** The input for a transcript whose agent turns at `askedAt` positions asked the agent's questions in order. */
export function inputOf(agent: AgentForRuntime, transcript: TranscriptTurn[], askedAt: number[], extra: Partial<EvaluationInput> = {}): EvaluationInput {
  const texts = agent.questions.length > 0 ? agent.questions : ['Tell me about yourself.'];
  return {
    agent,
    questions: texts.map((text, i) => ({ text, askedInTurnId: askedAt[i] === undefined ? null : (transcript[askedAt[i] as number]?.id ?? null) })),
    transcript,
    modelFailedDuringInterview: false,
    at: '2030-01-01T11:00:00.000Z',
    ...extra,
  };
}

/** A screening interview: three questions, the third never asked (time ran out), a follow-up on the first. */
export function screening() {
  const transcript = transcriptOf([
    ['agent', 'Hello. This interview is conducted by an AI. Let us begin. Tell me about a system you scaled.', 8],
    ['candidate', 'I scaled our billing queue from 200 to 20,000 jobs per second by partitioning it.', 30],
    ['agent', 'What limited it before?', 3],
    ['candidate', 'A single  consumer\nheld a global lock.', 12],
    ['agent', 'Thank you. Next question. How do you review code?', 4],
    ['candidate', 'I read the tests first, then the change.', 15],
    ['agent', 'Time is up. Thank you.', 3],
  ]);
  return { transcript, input: inputOf(SCREENING_AGENT, transcript, [0, 4]) };
}
