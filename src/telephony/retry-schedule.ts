import type { TransactionClock } from '../db/feed-clock.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import { newId } from '../core/ids.ts';
import { MAX_CALL_ATTEMPTS } from '../interviews/call-attempts/service.ts';
import { type CallAttemptRow, type InterviewRecord, insertCallAttempt } from '../interviews/repository.ts';
import { moveInterview } from '../interviews/transitions.ts';
import { resolveCallZone, retryTime } from './call-zone.ts';
import type { CallingWindow } from './calling-window.ts';
import { scheduleDial } from './dial-tasks.ts';
import { minutesUsed } from '../interviews/runtime/session/lifecycle.ts';
import { cancelInterviewTimer } from '../interviews/runtime/session/session-tasks.ts';

/** `CALL_RETRY_ATTEMPTS`, `CALL_RETRY_MINUTES`, `CALL_WINDOW` (Config['calls']). */
export interface CallPolicy {
  retryAttempts: number;
  retryMinutes: number;
  window: CallingWindow;
}

export type AfterFailure = { retry: CallAttemptRow } | 'interview-failed' | 'nothing';

/**
 * What follows a failed attempt, in its transaction (issue 14): NO_ANSWER, BUSY and VOICEMAIL
 * are called again `retryMinutes` later, at the next opening of the calling window in the
 * candidate's local time, until `retryAttempts` calls were made; an interview that never
 * started and has no call left to make then FAILS. An attempt already waiting (one the
 * integrator scheduled) is left to do its work; an interview under way is the session's to judge.
 */
export async function afterFailedAttempt(
  scope: TxScope,
  time: TransactionClock,
  failed: CallAttemptRow,
  reasonCode: string | null,
  interview: InterviewRecord,
  policy: CallPolicy,
): Promise<AfterFailure> {
  // An interview under way is retried only while no call carries it (the candidate hung up, §10).
  if (interview.status !== 'SCHEDULED' && interview.status !== 'IN_PROGRESS') return 'nothing';
  const all = await scope.selectFrom('callAttempts').selectAll().where('interviewId', '=', interview.id).execute();
  const others = all.filter((a) => a.id !== failed.id && a.deletedAt === null);
  if (others.some((a) => a.status === 'SCHEDULED' || a.status === 'IN_PROGRESS')) return 'nothing';
  // Calls made: attempts that were dialled or failed on their way (the one just failed included).
  const made = all.filter((a) => a.id === failed.id || a.status === 'COMPLETED' || a.status === 'FAILED').length;

  const [candidate, company] = await Promise.all([
    scope.selectFrom('candidates').select('phoneNumber').where('id', '=', interview.candidateId).executeTakeFirst(),
    scope.db.selectFrom('companies').select('timezone').where('id', '=', scope.companyId).executeTakeFirst(),
  ]);
  const zone = resolveCallZone({ offsetMinutes: failed.zoneOffsetMinutes, phoneNumber: candidate?.phoneNumber ?? null, companyTimeZone: company?.timezone ?? 'UTC' });
  const policyForRetry = { attempts: policy.retryAttempts, minutesApart: policy.retryMinutes };
  const at = all.length < MAX_CALL_ATTEMPTS ? retryTime({ reasonCode, attemptsMade: made, endedAt: new Date(time.at) }, policyForRetry, policy.window, zone) : null;

  if (at) {
    const row: Omit<CallAttemptRow, 'companyId'> = {
      id: newId(),
      interviewId: interview.id,
      direction: 'OUTBOUND',
      status: 'SCHEDULED',
      reasonCode: null,
      notes: `Automatic retry ${made} of ${policy.retryAttempts - 1} after ${reasonCode} (call attempt ${failed.id}).`,
      retryNumber: Math.max(...all.map((a) => a.retryNumber)) + 1,
      recordingUrl: null,
      duration: null,
      scheduledAt: at.toISOString(),
      calledAt: null,
      createdAt: time.at,
      updatedAt: time.at,
      deletedAt: null,
      callSid: null,
      zoneOffsetMinutes: failed.zoneOffsetMinutes,
    };
    await insertCallAttempt(scope, row);
    await scheduleDial(scope.db, time, row.id, at);
    return { retry: { ...row, companyId: scope.companyId } };
  }
  if (interview.status === 'IN_PROGRESS') {
    // Started, then lost: the minutes it ran are used, and its session's timer has nothing left to do.
    await cancelInterviewTimer(scope.db, time, interview.id);
    const agent = await scope.selectFrom('agents').select('duration').where('id', '=', interview.agentId).executeTakeFirst();
    const durationMinutes = minutesUsed(interview.startedAt, time.now(), Math.max(1, agent?.duration ?? 1));
    await moveInterview(scope, time, interview, 'FAILED', { statusReason: interviewReasonOf(reasonCode), durationMinutes });
  } else {
    await moveInterview(scope, time, interview, 'FAILED', { statusReason: interviewReasonOf(reasonCode) });
  }
  return 'interview-failed';
}

/** §10: an interview that failed after its last attempt carries that attempt's reason. */
function interviewReasonOf(reasonCode: string | null): NonNullable<InterviewRecord['statusReason']> {
  switch (reasonCode) {
    case 'NO_ANSWER':
    case 'BUSY':
    case 'VOICEMAIL':
    case 'TELEPHONY_NOT_CONFIGURED':
    case 'CANDIDATE_HUNG_UP':
      return reasonCode;
    default:
      return 'CALL_FAILED';
  }
}
