import type { TransactionClock } from '../db/feed-clock.ts';
import { errors } from '../errors/catalogue.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import type { EventType } from '../webhooks/record-event.ts';
import { cancelWaitingAttempts } from './call-attempts/transitions.ts';
import { interviewEvent } from './events.ts';
import { type InterviewRecord, saveInterview } from './repository.ts';
import type { InterviewStatus, StatusReason } from './schema.ts';
import { assertMove } from './status-machine.ts';

const EVENT_OF: Partial<Record<InterviewStatus, EventType>> = {
  IN_PROGRESS: 'interview.started',
  COMPLETED: 'interview.completed',
  FAILED: 'interview.failed',
  CANCELLED: 'interview.cancelled',
};

/** An end without a reason of its own: a cancellation says CANCELLED, a completion COMPLETED. */
const DEFAULT_REASON: Partial<Record<InterviewStatus, StatusReason>> = { CANCELLED: 'CANCELLED', COMPLETED: 'COMPLETED' };

/**
 * The one way an interview's status changes: checked against the transition table, saved, its
 * waiting call attempts cancelled when it ends, and announced (§11) in the same transaction.
 * Every end carries its `statusReason` (a FAILED one must be given its reason).
 */
export async function moveInterview(
  scope: TxScope,
  time: TransactionClock,
  record: InterviewRecord,
  to: InterviewStatus,
  changes: Partial<InterviewRecord> = {},
): Promise<InterviewRecord> {
  assertMove(record.status, to);
  const now = time.at;
  const next: InterviewRecord = { ...record, ...changes, status: to, updatedAt: now };
  if (to === 'IN_PROGRESS') next.startedAt ??= now;
  if (to === 'COMPLETED' || to === 'FAILED') next.finishedDate ??= now;
  if (to !== 'IN_PROGRESS') next.statusReason = changes.statusReason ?? DEFAULT_REASON[to] ?? null;
  if (to === 'FAILED' && next.statusReason === null) throw new Error('moveInterview: a FAILED interview needs its statusReason');
  if (!(await saveInterview(scope, next, record.status))) {
    throw errors.conflict('The interview changed while this request ran; read it again and retry.', { interviewId: record.id });
  }
  if (to !== 'IN_PROGRESS') await cancelWaitingAttempts(scope, record.id, now);
  const event = EVENT_OF[to];
  if (event) await interviewEvent(scope, time, event, next);
  return next;
}
