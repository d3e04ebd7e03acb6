import { errors } from '../../errors/catalogue.ts';
import type { CallAttempt } from '../call-attempt-schema.ts';

export type CallAttemptStatus = CallAttempt['status'];

/**
 * §10 "Call attempts": the only moves an attempt's status can make. Every change goes through
 * `assertAttemptMove`. A SCHEDULED attempt is dialled (IN_PROGRESS), fails before anyone answers
 * (FAILED, e.g. TELEPHONY_NOT_CONFIGURED) or is cancelled (by DELETE, by a newer attempt that
 * replaces it, or with its interview); a call in progress ends COMPLETED or FAILED. Dropping a
 * finished attempt (DELETE) hides it and is not a status change.
 */
export const CALL_ATTEMPT_TRANSITIONS: Readonly<Record<CallAttemptStatus, readonly CallAttemptStatus[]>> = {
  SCHEDULED: ['IN_PROGRESS', 'FAILED', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'FAILED'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};

export function canMoveAttempt(from: CallAttemptStatus, to: CallAttemptStatus): boolean {
  return CALL_ATTEMPT_TRANSITIONS[from].includes(to);
}

export function assertAttemptMove(from: CallAttemptStatus, to: CallAttemptStatus): void {
  if (!canMoveAttempt(from, to)) throw errors.invalidTransition('call attempt', from, to);
}
