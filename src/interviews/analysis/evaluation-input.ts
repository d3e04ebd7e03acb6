/**
 * The evaluator's input from what is stored: the plan's questions worded as the interviewer asked
 * them (the agent's questions, or the focus's default lines in the agent's language), each tied to
 * the interviewer turn that asked it.
 */
import type { Agent } from '../../agents/schema.ts';
import type { AgentForRuntime, TurnRequest } from '../runtime/brains/brain.ts';
import { questionText } from '../runtime/brains/structured.ts';
import { questionCount } from '../runtime/engine/plan.ts';
import type { EvaluationInput } from '../runtime/evaluator/index.ts';
import { linesFor } from '../runtime/lines/lines.ts';
import type { TranscriptWithQuestions } from './repository.ts';

export function agentForRuntime(agent: Agent): AgentForRuntime {
  const { name, focus, language, cefrLevel, questions, instructions, duration, voiceId } = agent;
  return { name, focus, language, cefrLevel, questions, instructions, duration, voiceId };
}

/** The plan's questions as the structured wording says them (the company's name filled in where a line has it). */
export function planQuestions(agent: AgentForRuntime, companyName: string): string[] {
  const request: TurnRequest = { intents: [], agent, companyName, candidateName: '', transcript: [], lines: linesFor(agent.language) };
  return Array.from({ length: questionCount(agent) }, (_, i) => questionText(request, i));
}

export interface StoredInterview extends TranscriptWithQuestions {
  agent: AgentForRuntime;
  companyName: string;
  modelFailed: boolean;
  /** When the analysis is made. */
  at: string;
}

export function evaluationInput(stored: StoredInterview): EvaluationInput {
  return {
    agent: stored.agent,
    questions: planQuestions(stored.agent, stored.companyName).map((text, i) => ({ text, askedInTurnId: stored.askedIn.get(i) ?? null })),
    transcript: stored.transcript,
    modelFailedDuringInterview: stored.modelFailed,
    at: stored.at,
  };
}
