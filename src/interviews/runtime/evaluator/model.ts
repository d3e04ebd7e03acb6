/**
 * The model evaluator: one Chat Completions call with strict structured outputs (the JSON schema
 * derived from the answer's Zod schema), the reply checked with Zod and retried when malformed or
 * failed (bounded), then every citation verified against the transcript before anything is
 * stored. What the model proposes is never stored as given: scores without verified evidence are
 * withheld, and no answered question means no overall rating.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { APIError } from 'openai';
import type { Analysis, QuestionEvaluation } from '../../analysis-schema.ts';
import { CandidateTurns, type ProposedEvaluation, verifiedEvaluation } from './evidence.ts';
import { answersByQuestion, type EvaluationInput, interviewNotes, type QuestionAnswers } from './input.ts';
import { languageMeasures } from './measures.ts';
import { EVALUATOR_PROMPT_VERSION, type EvaluatorAnswer, answerJsonSchema, answerSchema, evaluatorMessages } from './prompt.ts';

export interface ModelEvaluatorOptions {
  client: OpenAI;
  model: string;
  /** Calls in all, the first included, before giving up (malformed answers and failed calls alike). */
  maxAttempts: number;
  /** Per call. */
  timeoutMs?: number;
  /** The wait before retry k is k × this. */
  retryBackoffMs?: number;
}

/** The model gave no usable answer within the bound: the caller records `analysis.failed`. */
export class EvaluationFailed extends Error {
  constructor(readonly attempts: number, readonly reasons: string[]) {
    super(`the evaluator model gave no usable answer in ${attempts} attempt(s): ${reasons.join('; ')}`);
    this.name = 'EvaluationFailed';
  }
}

// A request the endpoint refuses as such fails the same way again.
const FINAL_STATUSES = new Set([400, 401, 403, 404, 422]);

type Reply = { ok: true; answer: EvaluatorAnswer } | { ok: false; reason: string; final: boolean };

async function ask(input: EvaluationInput, questions: QuestionAnswers[], options: ModelEvaluatorOptions, signal?: AbortSignal): Promise<Reply> {
  const focus = input.agent.focus;
  try {
    const completion = await options.client.chat.completions.create(
      {
        model: options.model,
        temperature: 0,
        messages: evaluatorMessages(input, questions),
        response_format: { type: 'json_schema', json_schema: { name: 'interview_analysis', strict: true, schema: answerJsonSchema(focus) } },
      },
      { signal, timeout: options.timeoutMs ?? 120_000 },
    );
    const message = completion.choices[0]?.message;
    if (message?.refusal) return { ok: false, reason: `the model refused: ${message.refusal}`, final: false };
    let json: unknown;
    try {
      json = JSON.parse(message?.content ?? '');
    } catch {
      return { ok: false, reason: 'the answer is not JSON', final: false };
    }
    const parsed = answerSchema(focus).safeParse(json);
    if (!parsed.success) return { ok: false, reason: `the answer does not match the schema (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`, final: false };
    return { ok: true, answer: parsed.data };
  } catch (error) {
    signal?.throwIfAborted();
    if (error instanceof APIError && error.status !== undefined) return { ok: false, reason: `HTTP ${error.status}: ${error.message}`, final: FINAL_STATUSES.has(error.status) };
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error), final: false };
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The model's proposal turned into what is stored, after verification. */
export function verifiedAnalysis(input: EvaluationInput, questions: QuestionAnswers[], answer: EvaluatorAnswer, model: string): Analysis {
  const turns = new CandidateTurns(input.transcript);
  const byIndex = new Map<number, EvaluatorAnswer['questions'][number]>();
  for (const entry of answer.questions) if (!byIndex.has(entry.questionIndex)) byIndex.set(entry.questionIndex, entry);

  let dropped = 0;
  let withheld = 0;
  const evaluation: QuestionEvaluation[] = questions.map((q) => {
    const entry = byIndex.get(q.index);
    const answered = q.answers.length > 0;
    const proposed: ProposedEvaluation = {
      question: q.text,
      // Facts, not the model's words, for a question nobody answered.
      answerSummary: !q.asked ? 'Not asked: the interview ended before this question.' : !answered ? 'Not answered.' : (entry?.answerSummary ?? ''),
      score: entry?.score ?? null,
      reasoning: entry ? entry.reasoning : 'The evaluator gave no assessment of this question.',
      citations: entry?.citations ?? [],
    };
    const { dropped: lost, ...verified } = verifiedEvaluation(proposed, turns, q.answers);
    dropped += lost;
    if (proposed.score !== null && verified.score === null) withheld++;
    return verified;
  });

  const anyAnswered = questions.some((q) => q.answers.length > 0);
  // A verdict rests on the per-question evidence: with no verified score there is none to give.
  const judged = anyAnswered && evaluation.some((e) => e.score !== null);
  const notes = interviewNotes(input);
  if (dropped > 0) notes.push(`${plural(dropped, 'citation', 'citations')} from the model could not be verified against the transcript and ${dropped === 1 ? 'was' : 'were'} dropped.`);
  if (withheld > 0) notes.push(`${plural(withheld, 'score was', 'scores were')} withheld for lack of verified evidence.`);
  if (!anyAnswered) notes.push('No question was answered: there is nothing to rate.');
  else if (!judged && answer.overallRating !== null) notes.push('The overall rating was withheld: no score rests on verified evidence.');
  // The model's verdict may lean on the scores withheld: it is replaced by what the verified ones support.
  const verifiedScores = evaluation.map((e) => e.score).filter((score): score is number => score !== null);
  const rested = judged && withheld > 0;
  const overallRating = !judged || answer.overallRating === null ? null : rested ? Math.round(verifiedScores.reduce((a, b) => a + b, 0) / verifiedScores.length) : answer.overallRating;
  if (rested && (answer.overallRating !== null || answer.companyFitRating !== null)) {
    notes.push(`The overall rating is the mean of the verified scores, not the model's${answer.overallRating === null ? '' : ` ${answer.overallRating}`}, and the company fit is withheld: the model's verdict may rest on the scores withheld.`);
  }

  const { agent } = input;
  let specific: Analysis['specific'] = null;
  if (agent.focus === 'LANGUAGE_TEST' && agent.cefrLevel) {
    const language = judged ? answer.language : undefined;
    specific = {
      targetLevel: agent.cefrLevel,
      estimatedLevel: language?.estimatedLevel ?? null,
      scores: { grammar: language?.grammar ?? null, vocabulary: language?.vocabulary ?? null, fluency: language?.fluency ?? null, coherence: language?.coherence ?? null },
      measures: languageMeasures(input.transcript, agent.language),
    };
  } else if (agent.focus === 'OUTREACH') {
    const outreach = anyAnswered ? answer.outreach : undefined;
    specific = { interestLevel: judged ? (outreach?.interestLevel ?? null) : null, availability: outreach?.availability ?? null, nextStep: outreach?.nextStep ?? null };
  }

  return {
    general: {
      overallRating,
      companyFitRating: judged && !rested ? answer.companyFitRating : null,
      strongPoints: anyAnswered ? answer.strongPoints : [],
      weakPoints: anyAnswered ? answer.weakPoints : [],
      evaluation,
      summary: anyAnswered ? answer.summary : 'The candidate answered no question, so there is nothing to evaluate.',
      createdAt: input.at,
    },
    specific,
    evaluator: { kind: 'llm', model, promptVersion: EVALUATOR_PROMPT_VERSION, notes },
  };
}

/** The analysis by the model; throws EvaluationFailed after `maxAttempts` unusable answers. */
export async function modelAnalysis(input: EvaluationInput, options: ModelEvaluatorOptions, signal?: AbortSignal): Promise<Analysis> {
  const questions = answersByQuestion(input);
  const reasons: string[] = [];
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    const reply = await ask(input, questions, options, signal);
    if (reply.ok) return verifiedAnalysis(input, questions, reply.answer, options.model);
    reasons.push(reply.reason);
    if (reply.final) throw new EvaluationFailed(attempt, reasons);
    if (attempt < options.maxAttempts) await sleep((options.retryBackoffMs ?? 1_000) * attempt, undefined, signal ? { signal } : undefined);
  }
  throw new EvaluationFailed(options.maxAttempts, reasons);
}
