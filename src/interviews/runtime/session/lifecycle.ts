/**
 * The interview's status moves made by the runtime, each inside the transaction that decides it:
 * the end of a started interview (minutes used, its timer dropped) and the expiry of a link never
 * used (its reservation given back).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../../core/clock.ts';
import type { TransactionClock } from '../../../db/feed-clock.ts';
import type { DB } from '../../../db/schema.ts';
import { TenantScope, type TxScope } from '../../../db/tenant-scope.ts';
import { companyTransaction } from '../../../db/transaction.ts';
import { findInterviewForUpdate, type InterviewRecord } from '../../repository.ts';
import { moveInterview } from '../../transitions.ts';
import { type EngineState, wakeAtOf } from '../engine/engine.ts';
import type { EngineConfig } from '../engine/plan.ts';
import { cancelInterviewTimer, type InterviewRef, LINK_LIFETIME_MS, scheduleLinkExpiry, setInterviewTimer } from './session-tasks.ts';
import type { OwedTurn } from './session-state.ts';

const MINUTE_MS = 60_000;

/**
 * An owed turn not stored by then (its process died while it streamed) is produced by the timer
 * instead, if no room connection or answer has asked for it first.
 */
export const OWED_TURN_RETRY_MS = 60_000;

/**
 * Minutes actually used: from Start to the end, rounded up, at least one, and never more than the
 * agent's duration (a timer that fires late, after a long outage, does not bill the outage).
 */
export function minutesUsed(startedAt: string | null, endedAt: Date, durationMinutes: number): number {
  const start = startedAt === null ? endedAt.getTime() : Date.parse(startedAt);
  return Math.min(durationMinutes, Math.max(1, Math.ceil((endedAt.getTime() - start) / MINUTE_MS)));
}

/** COMPLETED (COMPLETED or TIME_LIMIT) or FAILED (ABANDONED), with the minutes used; no timer left. */
export async function endInterview(
  scope: TxScope,
  time: TransactionClock,
  interview: InterviewRecord,
  end: { status: 'COMPLETED' | 'FAILED'; statusReason: 'COMPLETED' | 'TIME_LIMIT' | 'ABANDONED' },
  agentDuration: number,
): Promise<InterviewRecord> {
  await cancelInterviewTimer(scope.db, time, interview.id);
  const durationMinutes = minutesUsed(interview.startedAt, time.now(), Math.max(1, agentDuration));
  return moveInterview(scope, time, interview, end.status, { statusReason: end.statusReason, durationMinutes });
}

/** The one timer: the engine's next instant, or sooner while a turn is owed. */
export async function setTimer(scope: TxScope, time: TransactionClock, ref: InterviewRef, engine: EngineState, owed: OwedTurn | null, config: EngineConfig): Promise<void> {
  const wake = wakeAtOf(engine, config);
  const at = owed ? Math.min(wake ?? Infinity, owed.decidedAt + OWED_TURN_RETRY_MS) : wake;
  if (at === null) await cancelInterviewTimer(scope.db, time, ref.interviewId);
  else await setInterviewTimer(scope.db, time, ref, new Date(at));
}

/**
 * §10: an ONLINE interview never started when its link expires becomes FAILED (EXPIRED) and uses
 * no minutes, so its reservation is given back. Returns the interview when it moved.
 */
export function expireLink(db: Kysely<DB>, clock: Clock, ref: InterviewRef): Promise<InterviewRecord | null> {
  return companyTransaction(clock, { scope: new TenantScope(db, ref.companyId) }, async (scope, time) => {
    const interview = await findInterviewForUpdate(scope, ref.interviewId);
    if (!interview || interview.status !== 'SCHEDULED') return null;
    const scheduledAt = new Date(interview.scheduledAt);
    if (time.now().getTime() < scheduledAt.getTime() + LINK_LIFETIME_MS) {
      // Run early (another process's clock): the link is still valid, so look again when it is not.
      await scheduleLinkExpiry(scope.db, time, ref, scheduledAt, { replace: true });
      return null;
    }
    return moveInterview(scope, time, interview, 'FAILED', { statusReason: 'EXPIRED', durationMinutes: 0 });
  });
}
