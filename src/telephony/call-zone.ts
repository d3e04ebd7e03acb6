import { type CallingWindow, nextOpening, nextOpeningInAll } from './calling-window.ts';
import { zonesOfNumber } from './country-zones.ts';
import type { Zone } from './zone-offsets.ts';

/** Where the candidate's local time comes from (issue 14), and the zones it gives. */
export interface CallZone {
  source: 'scheduledAt' | 'phoneNumber' | 'company';
  /** One zone, or several when the country has several (the window must be open in all). */
  zones: readonly Zone[];
}

/**
 * The offset written in an ISO 8601 instant (`2025-11-20T09:00:00+01:00` → 60 minutes), or null.
 * `Z` is not taken for the candidate's zone: it is how instants travel on this API, and says
 * nothing about where anyone is; `+00:00` written out is.
 */
export function explicitOffsetMinutes(scheduledAt: string): number | null {
  const match = /T[\d:.,]+([+-])(\d{2}):?(\d{2})$/.exec(scheduledAt.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (minutes > 18 * 60) return null;
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The candidate's zone: an explicit offset in `scheduledAt` (as written by the integrator), else
 * the country of the phone number, else the company's `timezone`.
 */
export function resolveCallZone(input: { scheduledAtText?: string | null; offsetMinutes?: number | null; phoneNumber: string | null; companyTimeZone: string }): CallZone {
  const offset = input.offsetMinutes ?? (input.scheduledAtText ? explicitOffsetMinutes(input.scheduledAtText) : null);
  if (offset !== null) return { source: 'scheduledAt', zones: [{ offsetMinutes: offset }] };
  const country = input.phoneNumber ? zonesOfNumber(input.phoneNumber) : null;
  if (country) return { source: 'phoneNumber', zones: country };
  return { source: 'company', zones: [input.companyTimeZone] };
}

/**
 * When a call planned for `at` may be made: `at` when the window is open there, else its next
 * opening. In a country of several zones, the next time it is open in all of them; if they never
 * share an opening (a window narrower than the country is wide), the first zone's.
 */
export function nextCallTime(at: Date, window: CallingWindow, zone: CallZone): Date {
  const [first = 'UTC'] = zone.zones;
  if (zone.zones.length > 1) {
    const shared = nextOpeningInAll(at, window, zone.zones);
    if (shared) return shared;
  }
  return nextOpening(at, window, first);
}

/** `CALL_RETRY_ATTEMPTS` and `CALL_RETRY_MINUTES` (contract §13). */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  minutesApart: number;
}

/** Outcomes worth calling again for (issue 14; a dropped call like an unanswered one, §10); a failure of the line or the setup is not. */
export const RETRIED_REASONS: readonly string[] = ['NO_ANSWER', 'BUSY', 'VOICEMAIL', 'CANDIDATE_HUNG_UP'];

/**
 * When to call again after an attempt that ended at `endedAt` with `reasonCode`, given how many
 * attempts the interview has had (this one included); null when no retry is due.
 */
export function retryTime(
  outcome: { reasonCode: string | null; attemptsMade: number; endedAt: Date },
  policy: RetryPolicy,
  window: CallingWindow,
  zone: CallZone,
): Date | null {
  if (outcome.reasonCode === null || !RETRIED_REASONS.includes(outcome.reasonCode)) return null;
  if (outcome.attemptsMade >= policy.attempts) return null;
  return nextCallTime(new Date(outcome.endedAt.getTime() + policy.minutesApart * 60_000), window, zone);
}
