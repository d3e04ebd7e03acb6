import type { AttemptMove } from '../attempt-callbacks.ts';

/** Twilio's `CallStatus` values (status callbacks and the REST API). */
export const TWILIO_CALL_STATUSES = ['queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'canceled', 'failed'] as const;
export type TwilioCallStatus = (typeof TWILIO_CALL_STATUSES)[number];

/** `AnsweredBy` values of answering-machine detection that mean nobody is there to interview. */
const MACHINE = /^(machine_|fax$)/;

export function answeredByMachine(answeredBy: string | undefined): boolean {
  return answeredBy !== undefined && MACHINE.test(answeredBy);
}

const FAILURES: Partial<Record<TwilioCallStatus, { reasonCode: string; notes: string }>> = {
  busy: { reasonCode: 'BUSY', notes: "The candidate's line was busy." },
  'no-answer': { reasonCode: 'NO_ANSWER', notes: 'Nobody answered the call.' },
  failed: { reasonCode: 'FAILED', notes: 'The call could not be connected (for example an unreachable or invalid number).' },
  canceled: { reasonCode: 'CANCELLED', notes: 'The call was cancelled before it was answered.' },
};

/**
 * What a status callback means for the attempt (issue 14): a call under way is IN_PROGRESS; a
 * finished one COMPLETED, unless a machine took it (FAILED, VOICEMAIL); busy, no answer, failed
 * and cancelled calls are FAILED with that reasonCode. `duration` is Twilio's `CallDuration`.
 */
export function moveForCallStatus(status: TwilioCallStatus, answeredBy: string | undefined, callDuration: string | undefined): AttemptMove | null {
  const seconds = callDuration !== undefined && /^\d{1,9}$/.test(callDuration) ? Number(callDuration) : undefined;
  const withDuration = seconds === undefined ? {} : { duration: seconds };
  if (status === 'completed') {
    if (answeredByMachine(answeredBy)) return { to: 'FAILED', reasonCode: 'VOICEMAIL', notes: 'An answering machine or voicemail took the call.', ...withDuration };
    return { to: 'COMPLETED', reasonCode: null, ...withDuration };
  }
  const failure = FAILURES[status];
  if (failure) return { to: 'FAILED', ...failure, ...withDuration };
  if (status === 'initiated' || status === 'ringing' || status === 'in-progress') return { to: 'IN_PROGRESS', reasonCode: null };
  return null; // queued: nothing has happened yet
}
