import { errors } from '../errors/catalogue.ts';
import type { InterviewStatus } from './schema.ts';

/**
 * §10: the only moves an interview's status can make. Every change goes through `assertMove`.
 * A SCHEDULED interview fails without starting when it never can (its link expired, every call
 * attempt failed).
 */
export const INTERVIEW_TRANSITIONS: Readonly<Record<InterviewStatus, readonly InterviewStatus[]>> = {
  SCHEDULED: ['IN_PROGRESS', 'FAILED', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'FAILED', 'CANCELLED'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};

export function canMove(from: InterviewStatus, to: InterviewStatus): boolean {
  return INTERVIEW_TRANSITIONS[from].includes(to);
}

export function assertMove(from: InterviewStatus, to: InterviewStatus): void {
  if (!canMove(from, to)) throw errors.invalidTransition('interview', from, to);
}

/** Statuses that hold a billing reservation (§10 "Committed"). */
export const ACTIVE_STATUSES: readonly InterviewStatus[] = ['SCHEDULED', 'IN_PROGRESS'];
