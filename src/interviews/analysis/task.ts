/**
 * The analysis as a durable queue task (`interview.analyse`): its payload, attempts, back-off and
 * handler, in one place. It is meant to run for every `interview.completed`.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config/config.ts';
import type { Clock } from '../../core/clock.ts';
import type { DB } from '../../db/schema.ts';
import { type EventTaskPayload, eventTaskPayload } from '../../events/subscribers.ts';
import { type TaskKind, taskKind, type TaskKindSpec } from '../../queue/task-kind.ts';
import { createModelClient } from '../runtime/brains/model.ts';
import { modelEvaluatorOptions } from '../runtime/evaluator/index.ts';
import { analyseCompletedInterview, type AnalysisDeps, recordAnalysisFailed } from './analyse.ts';

export const ANALYSE_TASK = 'interview.analyse';

/**
 * Attempts of the task. Each makes up to `1 + LLM_MAX_RETRIES` model calls seconds apart (a
 * malformed answer is asked again at once); the attempts, minutes apart, ride out an outage.
 */
export const ANALYSE_MAX_ATTEMPTS = 4;

/** 30 s, 2 min, 8 min … (at most an hour), each 50–100 % of that. */
export function analysisBackoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 30_000 * 4 ** (attempt - 1));
  return Math.round(base * (0.5 + Math.random() * 0.5));
}

/** The evaluator `LLM_*` configures (the rules without it). */
export function analysisDeps(db: Kysely<DB>, clock: Clock, llm: Config['llm']): AnalysisDeps {
  return { db, clock, model: llm ? modelEvaluatorOptions(llm, createModelClient(llm)) : null };
}

/** What subscribing the analysis to `interview.completed` needs (its handler: `analyseKind`). */
export const analyseTask: TaskKindSpec<EventTaskPayload> = { name: ANALYSE_TASK, payload: eventTaskPayload, maxAttempts: ANALYSE_MAX_ATTEMPTS };

/** The analysis of a completed interview, as an internal subscriber of `interview.completed`. */
export function analyseKind(deps: AnalysisDeps): TaskKind<EventTaskPayload> {
  return taskKind({
    ...analyseTask,
    backoffMs: analysisBackoffMs,
    async run({ companyId, interviewId }, context) {
      await analyseCompletedInterview(deps, { companyId, interviewId }, { signal: context.signal, finishIn: context.finishIn });
    },
    // Whatever ends the task without an analysis (the last counted attempt failed, or its worker
    // died): `analysis.failed`, committed with the DEAD move. The detail stays on the server.
    async onDead({ companyId, interviewId }, context) {
      context.log.error({ taskId: context.taskId, companyId, interviewId, error: context.error }, 'interview analysis failed: the task is DEAD');
      await recordAnalysisFailed(deps, { companyId, interviewId }, context.deadIn);
    },
  });
}
