/**
 * The analysis of one completed interview (issue 13): load what was said, evaluate it (the model
 * when configured, else the rules) outside any transaction, then store it and announce
 * `analysis.completed` in one transaction. A failure is the caller's to retry; when the task ends
 * without an analysis, `analysis.failed` is recorded once (`recordAnalysisFailed`).
 */
import type { Kysely } from 'kysely';
import { findAgentRow, toAgent } from '../../agents/repository.ts';
import { erasedAnalysis } from '../../candidates/gdpr-erasure.ts';
import { findCompanyById } from '../../companies/repository.ts';
import type { Clock } from '../../core/clock.ts';
import type { DB } from '../../db/schema.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { companyTransaction } from '../../db/transaction.ts';
import { type Analysis, AnalysisSchema } from '../analysis-schema.ts';
import { interviewEvent } from '../events.ts';
import { findInterview, findInterviewForUpdate, type InterviewRecord } from '../repository.ts';
import type { AgentForRuntime } from '../runtime/brains/brain.ts';
import { analyseInterview, type ModelEvaluatorOptions } from '../runtime/evaluator/index.ts';
import { loadSession } from '../runtime/session/session-store.ts';
import { agentForRuntime, evaluationInput } from './evaluation-input.ts';
import { candidateWordsErased, storeFirstAnalysis, transcriptWithQuestions } from './repository.ts';

export interface AnalysisDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** The model evaluator; null: the rules evaluator (no `LLM_*`). */
  model: ModelEvaluatorOptions | null;
}

export interface AnalysisTarget {
  companyId: string;
  interviewId: string;
}

/** What the queue gives an attempt: its signal, and `finishIn` to complete the task in the storing transaction. */
export interface AnalysisAttempt {
  signal?: AbortSignal;
  /** Throws (rolling the transaction back) when the attempt no longer holds its task. */
  finishIn?(trx: Kysely<DB>): Promise<void>;
}

/** `stored`: the analysis was stored and announced; `skipped`: nothing to do (gone, not completed, already analysed). */
export type AnalysisOutcome = 'stored' | 'skipped';

/**
 * The `reason` of `analysis.failed`, the same for every failure: what went wrong (a provider's
 * error text can name the operator's key) stays in the task's error and the server log.
 */
export const ANALYSIS_FAILED_REASON = 'The analysis could not be produced.';

function awaitsAnalysis(interview: InterviewRecord | undefined): interview is InterviewRecord {
  return interview !== undefined && interview.status === 'COMPLETED' && interview.analysis === null;
}

/** An interview without a pinned context (no session ran it): the agent and company as they are now. */
async function currentAgent(deps: AnalysisDeps, scope: TenantScope, interview: InterviewRecord): Promise<{ agent: AgentForRuntime; companyName: string }> {
  const [agentRow, company] = await Promise.all([findAgentRow(scope, interview.agentId, { includeDeleted: true }), findCompanyById(deps.db, interview.companyId)]);
  if (!agentRow) throw new Error(`interview ${interview.id}: its agent ${interview.agentId} is missing`);
  return { agent: agentForRuntime(toAgent(agentRow)), companyName: company?.name ?? '' };
}

/** The questions and agent are those the interview ran with (its session's pinned context), else the agent row. */
async function evaluate(deps: AnalysisDeps, scope: TenantScope, interview: InterviewRecord, signal?: AbortSignal): Promise<Analysis> {
  // The session pinned them at Start (ONLINE and PHONE alike): not the agent as edited since.
  const [session, stored] = await Promise.all([loadSession(scope, interview.id), transcriptWithQuestions(scope, interview.id)]);
  const { agent, companyName } = session?.context ?? (await currentAgent(deps, scope, interview));
  const input = evaluationInput({ ...stored, agent, companyName, modelFailed: session?.modelFailed ?? false, at: deps.clock.now().toISOString() });
  // A bug that built an analysis outside the contract fails here, not in a reader's hands.
  return AnalysisSchema.parse(await analyseInterview(input, deps.model, signal));
}

/**
 * Stores and announces the analysis unless the interview got one meanwhile (or is gone). A
 * candidate erased while the evaluator worked (or past its GDPR date) gets the analysis as the
 * erasure leaves it: none of their words is stored or announced.
 */
async function store(deps: AnalysisDeps, scope: TenantScope, target: InterviewRecord, analysis: Analysis, attempt: AnalysisAttempt): Promise<boolean> {
  return companyTransaction(deps.clock, { scope }, async (tx, time) => {
    const erased = await candidateWordsErased(tx, target.candidateId, time.at.slice(0, 10));
    const interview = await findInterviewForUpdate(tx, target.id);
    if (!awaitsAnalysis(interview)) return false;
    // The analysis dates from its commit, like the interview's `updatedAt` that it moves.
    const made: Analysis = { ...analysis, general: { ...analysis.general, createdAt: time.at } };
    const stored = erased ? erasedAnalysis(made) : made;
    if (!(await storeFirstAnalysis(tx, target.id, stored, time.at))) return false;
    await interviewEvent(tx, time, 'analysis.completed', { ...interview, analysis: stored, updatedAt: time.at }, { analysis: stored });
    // The task ends with the analysis: an attempt whose task was taken over (its lease lapsed, the
    // task perhaps already DEAD with `analysis.failed`) stores nothing.
    await attempt.finishIn?.(tx.db);
    return true;
  });
}

/**
 * The end of an analysis that will not be produced (its task went DEAD): `analysis.failed` is
 * recorded, unless the interview got an analysis or went away meanwhile, in the transaction that
 * `moveTaskIn` records the task's DEAD move in. So it is recorded once, and only then.
 */
export async function recordAnalysisFailed(deps: AnalysisDeps, target: AnalysisTarget, moveTaskIn: (trx: Kysely<DB>) => Promise<void>): Promise<void> {
  const scope = new TenantScope(deps.db, target.companyId);
  await companyTransaction(deps.clock, { scope }, async (tx, time) => {
    const interview = await findInterviewForUpdate(tx, target.interviewId);
    if (awaitsAnalysis(interview)) await interviewEvent(tx, time, 'analysis.failed', interview, { reason: ANALYSIS_FAILED_REASON });
    await moveTaskIn(tx.db);
  });
}

/**
 * One attempt. A failure is thrown for the queue to retry with back-off, or to end the task (then
 * `recordAnalysisFailed`). An interview that is gone, not completed or already analysed is left alone.
 */
export async function analyseCompletedInterview(deps: AnalysisDeps, target: AnalysisTarget, attempt: AnalysisAttempt = {}): Promise<AnalysisOutcome> {
  const scope = new TenantScope(deps.db, target.companyId);
  const interview = await findInterview(scope, target.interviewId);
  if (!awaitsAnalysis(interview)) return 'skipped';
  const analysis = await evaluate(deps, scope, interview, attempt.signal);
  return (await store(deps, scope, interview, analysis, attempt)) ? 'stored' : 'skipped';
}
