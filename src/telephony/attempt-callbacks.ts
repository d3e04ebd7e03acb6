import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { forUpdate } from '../db/locks.ts';
import type { DB } from '../db/schema.ts';
import { TenantScope, type TxScope } from '../db/tenant-scope.ts';
import { companyTransaction, type TransactionClock } from '../db/transaction.ts';
import { canMoveAttempt, type CallAttemptStatus } from '../interviews/call-attempts/status-machine.ts';
import { moveAttempt } from '../interviews/call-attempts/transitions.ts';
import { interviewEvent } from '../interviews/events.ts';
import { type CallAttemptRow, findInterview, type InterviewRecord, toInterviewRecord } from '../interviews/repository.ts';
import { finishedCallMove } from './dropped-call.ts';
import { afterFailedAttempt, type CallPolicy } from './retry-schedule.ts';

/** A provider's report about a call, in the attempt's terms. */
export interface AttemptMove {
  to: CallAttemptStatus;
  reasonCode: string | null;
  notes?: string;
  /** Seconds the call lasted (a finished call). */
  duration?: number;
}

export type CallbackEffect = 'changed' | 'unchanged' | 'unknown-attempt';

export interface AttemptCallbackDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Retries and the calling window; without it a failed attempt is only recorded. */
  calls?: CallPolicy;
}

/**
 * The company an attempt belongs to, looked up by the attempt's id alone: a provider's callback
 * carries no key, its signature is its credential (like the room's token), so this is one of the
 * named lookups outside a company's scope. Everything after it runs in that company's scope.
 */
async function companyOfAttempt(db: Kysely<DB>, attemptId: string): Promise<string | null> {
  const row = await db.selectFrom('callAttempts').select('companyId').where('id', '=', attemptId).where('deletedAt', 'is', null).executeTakeFirst();
  return row?.companyId ?? null;
}

/**
 * Runs `fn` on the attempt and its interview, the interview locked first as every change to an
 * interview's attempts does (call-attempts/service.ts), so callbacks and API calls take turns.
 */
export async function withLockedAttempt<T>(
  deps: AttemptCallbackDeps,
  attemptId: string,
  fn: (scope: TxScope, time: TransactionClock, attempt: CallAttemptRow, interview: InterviewRecord) => Promise<T>,
): Promise<T | 'unknown-attempt'> {
  const companyId = await companyOfAttempt(deps.db, attemptId);
  if (!companyId) return 'unknown-attempt';
  return companyTransaction(deps.clock, { scope: new TenantScope(deps.db, companyId) }, async (scope, time) => {
    const interviewId = await scope.selectFrom('callAttempts').select('interviewId').where('id', '=', attemptId).executeTakeFirst();
    if (!interviewId) return 'unknown-attempt';
    const interviewRow = await forUpdate(scope.db, scope.selectFrom('interviews').selectAll().where('id', '=', interviewId.interviewId)).executeTakeFirst();
    const attempt = await scope.selectFrom('callAttempts').selectAll().where('id', '=', attemptId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!interviewRow || !attempt) return 'unknown-attempt';
    return fn(scope, time, attempt, toInterviewRecord(interviewRow));
  });
}

/**
 * Applies a move through the attempt state machine. A move the machine does not allow from the
 * stored status (a replayed callback, one that arrives after a later one, one about an attempt
 * that was cancelled meanwhile) changes nothing: providers repeat and reorder callbacks.
 */
export async function applyAttemptMove(
  scope: TxScope,
  time: TransactionClock,
  attempt: CallAttemptRow,
  interview: InterviewRecord,
  move: AttemptMove,
  calls?: CallPolicy,
): Promise<'changed' | 'unchanged'> {
  const from = attempt.status as CallAttemptStatus;
  if (from === move.to || !canMoveAttempt(from, move.to)) return 'unchanged';
  const now = time.at;
  await moveAttempt(scope, attempt, move.to, now, {
    reasonCode: move.reasonCode,
    ...(move.notes === undefined ? {} : { notes: move.notes }),
    ...(move.duration === undefined ? {} : { duration: move.duration }),
    ...(move.to === 'IN_PROGRESS' && attempt.calledAt === null ? { calledAt: now } : {}),
  });
  await scope.updateTable('interviews').set({ updatedAt: now }).where('id', '=', interview.id).execute();
  if (move.to === 'FAILED') {
    await interviewEvent(scope, time, 'call_attempt.failed', interview, { callAttemptId: attempt.id, reasonCode: move.reasonCode });
    if (calls) await afterFailedAttempt(scope, time, attempt, move.reasonCode, interview, calls);
  }
  return 'changed';
}

/** Moves the attempt as a provider's status report says; see `applyAttemptMove`. */
export async function reportCallStatus(deps: AttemptCallbackDeps, attemptId: string, move: AttemptMove | null): Promise<CallbackEffect> {
  return withLockedAttempt(deps, attemptId, async (scope, time, attempt, interview) => {
    if (move === null) return 'unchanged';
    const decided = await finishedCallMove(scope, time, attempt, interview, move);
    // The interview may have just ended (its closing line was owed): the attempt then moves with it.
    const current = decided.to === 'COMPLETED' ? ((await findInterview(scope, interview.id)) ?? interview) : interview;
    return applyAttemptMove(scope, time, attempt, current, decided, deps.calls);
  });
}

/** Stores a finished recording's URL; the same URL again changes nothing. */
export async function reportRecording(deps: AttemptCallbackDeps, attemptId: string, recordingUrl: string): Promise<CallbackEffect> {
  return withLockedAttempt(deps, attemptId, async (scope, time, attempt, interview) => {
    if (attempt.recordingUrl === recordingUrl) return 'unchanged';
    await scope.updateTable('callAttempts').set({ recordingUrl, updatedAt: time.at }).where('id', '=', attempt.id).execute();
    await scope.updateTable('interviews').set({ updatedAt: time.at }).where('id', '=', interview.id).execute();
    return 'changed';
  });
}
