/**
 * The analysis as a durable queue task (`interview.analyse`): its payload, attempts, back-off and
 * handler, in one place. It is meant to run for every `interview.completed`.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { Clock } from '../../core/clock.ts';
import type { DB } from '../../db/schema.ts';
import { enqueue } from '../../queue/enqueue.ts';
import { PermanentTaskError, type TaskHandler } from '../../queue/runner.ts';
import { createModelClient } from '../runtime/brains/model.ts';
import { modelEvaluatorOptions } from '../runtime/evaluator/index.ts';
import { analyseCompletedInterview, type AnalysisDeps, type AnalysisTarget } from './analyse.ts';

export const ANALYSE_TASK = 'interview.analyse';

/**
 * Attempts of the task. Each makes up to `1 + LLM_MAX_RETRIES` model calls seconds apart (a
 * malformed answer is asked again at once); the attempts, minutes apart, ride out an outage.
 */
export const ANALYSE_MAX_ATTEMPTS = 4;

export const AnalyseTaskPayload = z.object({ companyId: z.string().min(1), interviewId: z.string().min(1) });

/** 30 s, 2 min, 8 min … (at most an hour), each 50–100 % of that. */
export function analysisBackoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 30_000 * 4 ** (attempt - 1));
  return Math.round(base * (0.5 + Math.random() * 0.5));
}

/** The evaluator `LLM_*` configures (the rules without it). */
export function analysisDeps(db: Kysely<DB>, clock: Clock, llm: Config['llm']): AnalysisDeps {
  return { db, clock, model: llm ? modelEvaluatorOptions(llm, createModelClient(llm)) : null };
}

export function analysisTaskHandler(deps: AnalysisDeps): TaskHandler {
  return {
    backoffMs: analysisBackoffMs,
    async run(payload, context) {
      const parsed = AnalyseTaskPayload.safeParse(payload);
      if (!parsed.success) throw new PermanentTaskError(`${ANALYSE_TASK}: malformed payload`);
      await analyseCompletedInterview(deps, parsed.data, { attempt: context.attempt, maxAttempts: context.maxAttempts });
    },
  };
}

/** Queues the analysis of an interview; inside the transaction that completed it. One unfinished task per interview. */
export function enqueueAnalysis(db: Kysely<DB>, clock: Clock, target: AnalysisTarget): Promise<string | null> {
  return enqueue(db, clock, {
    kind: ANALYSE_TASK,
    payload: { companyId: target.companyId, interviewId: target.interviewId },
    dedupeKey: `${ANALYSE_TASK}:${target.interviewId}`,
    maxAttempts: ANALYSE_MAX_ATTEMPTS,
  });
}
