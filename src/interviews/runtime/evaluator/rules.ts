/**
 * The analysis without a model (§14): facts only — per question whether it was answered, how
 * many words, how long it took — and no judgement: `overallRating`, `companyFitRating` and every
 * score null, with the reason stated.
 */
import type { Analysis, QuestionEvaluation } from '../../analysis-schema.ts';
import { answersByQuestion, type EvaluationInput, interviewNotes, type QuestionAnswers } from './input.ts';
import { languageMeasures, words } from './measures.ts';

export const RULES_REASONING = 'No model is configured: the rules evaluator reports facts only (answered or not, answer length, time taken) and judges nothing.';

/** "45 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface AnswerFacts {
  answered: boolean;
  words: number;
  /** From the end of the question's turn to the end of its last answer; null when not answered. */
  timeTakenMs: number | null;
}

export function answerFacts(question: QuestionAnswers, language: string): AnswerFacts {
  const last = question.answers.at(-1);
  if (!last || question.askedEndedAt === null) return { answered: false, words: 0, timeTakenMs: null };
  const count = question.answers.reduce((sum, turn) => sum + words(turn.text, language).length, 0);
  return { answered: true, words: count, timeTakenMs: Date.parse(last.endedAt) - Date.parse(question.askedEndedAt) };
}

function summary(question: QuestionAnswers, facts: AnswerFacts): string {
  if (!question.asked) return 'Not asked: the interview ended before this question.';
  if (!facts.answered) return 'Not answered.';
  return `Answered in ${plural(question.answers.length, 'turn', 'turns')}: ${plural(facts.words, 'word', 'words')}, ${formatDuration(facts.timeTakenMs ?? 0)}.`;
}

export function rulesAnalysis(input: EvaluationInput): Analysis {
  const { agent } = input;
  const questions = answersByQuestion(input);
  const facts = questions.map((q) => answerFacts(q, agent.language));
  const evaluation: QuestionEvaluation[] = questions.map((q, i) => ({
    question: q.text,
    answerSummary: summary(q, facts[i] as AnswerFacts),
    score: null,
    reasoning: RULES_REASONING,
    evidenceTurnIds: [],
    evidence: [],
    insufficientEvidence: true,
  }));
  const answered = facts.filter((f) => f.answered).length;
  const totalWords = facts.reduce((sum, f) => sum + f.words, 0);
  const specific: Analysis['specific'] =
    agent.focus === 'LANGUAGE_TEST' && agent.cefrLevel
      ? { targetLevel: agent.cefrLevel, estimatedLevel: null, scores: { grammar: null, vocabulary: null, fluency: null, coherence: null }, measures: languageMeasures(input.transcript, agent.language) }
      : agent.focus === 'OUTREACH'
        ? { interestLevel: null, availability: null, nextStep: null }
        : null;
  return {
    general: {
      overallRating: null,
      companyFitRating: null,
      strongPoints: [],
      weakPoints: [],
      evaluation,
      summary: `${answered} of ${plural(questions.length, 'question', 'questions')} answered, ${plural(totalWords, 'word', 'words')} in all. No model is configured, so nothing was judged: read the transcript for the answers.`,
      createdAt: input.at,
    },
    specific,
    evaluator: { kind: 'rules', model: null, promptVersion: null, notes: interviewNotes(input) },
  };
}
