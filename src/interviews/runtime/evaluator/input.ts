/**
 * What an evaluator is given, and which candidate turns answered which question. The session
 * knows which interviewer turn asked each question (the engine's `question` intents); a
 * question's answers are then the candidate turns between that turn and the turn that asked the
 * next question (its follow-ups' answers included).
 */
import type { AgentForRuntime, TranscriptTurn } from '../brains/model-types.ts';
import { normaliseText } from './evidence.ts';

export interface AskedQuestion {
  /** The question as the plan holds it: the agent's text, or the focus's default line. */
  text: string;
  /** The interviewer turn that asked it; null when it was never asked (the time ran out). */
  askedInTurnId: string | null;
}

export interface EvaluationInput {
  agent: AgentForRuntime;
  /** The plan's questions, in order. */
  questions: AskedQuestion[];
  transcript: TranscriptTurn[];
  /** The model interviewer failed and the structured one finished the interview. */
  modelFailedDuringInterview: boolean;
  /** When the analysis is made (the caller's Clock): `general.createdAt`. */
  at: string;
}

export interface QuestionAnswers {
  index: number;
  text: string;
  asked: boolean;
  /** The candidate turns that answered it, non-empty ones only. */
  answers: TranscriptTurn[];
  /** When the question's turn ended (null when not asked). */
  askedEndedAt: string | null;
}

export function answersByQuestion(input: EvaluationInput): QuestionAnswers[] {
  const position = new Map(input.transcript.map((turn, i) => [turn.id, i]));
  const starts = input.questions
    .map((q) => position.get(q.askedInTurnId ?? ''))
    .filter((p): p is number => p !== undefined)
    .sort((a, b) => a - b);
  return input.questions.map((q, index) => {
    const start = position.get(q.askedInTurnId ?? '');
    if (start === undefined) return { index, text: q.text, asked: false, answers: [], askedEndedAt: null };
    const end = starts.find((p) => p > start) ?? input.transcript.length;
    const answers = input.transcript.slice(start + 1, end).filter((t) => t.role === 'candidate' && normaliseText(t.text) !== '');
    return { index, text: q.text, asked: true, answers, askedEndedAt: input.transcript[start]?.endedAt ?? null };
  });
}

export const MODEL_FAILED_NOTE = 'The model interviewer failed during the interview; the structured interviewer finished it.';

export function interviewNotes(input: EvaluationInput): string[] {
  return input.modelFailedDuringInterview ? [MODEL_FAILED_NOTE] : [];
}
