import type { TxScope } from '../db/tenant-scope.ts';
import type { CallAttemptRow, InterviewRecord } from '../interviews/repository.ts';
import { ACTIVE_STATUSES } from '../interviews/status-machine.ts';
import { type AttemptCallbackDeps, applyAttemptMove, withLockedAttempt } from './attempt-callbacks.ts';
import { type DialOutcome, type DialRequest, NOT_CONFIGURED_MESSAGE, type Telephony } from './telephony.ts';

export interface PlaceCallDeps extends AttemptCallbackDeps {
  telephony: Telephony;
  /** Whether calls are recorded (the recording's URL then fills the attempt's `recordingUrl`). */
  recordCalls: boolean;
}

/** Why an attempt was not dialled, or what the dial gave. */
export type PlaceCallResult = DialOutcome | { ok: false; skipped: string };

/** The numbers a call needs: the agent's active outbound company number and the candidate's. */
async function numbersFor(scope: TxScope, interview: InterviewRecord): Promise<{ from: string; to: string } | string> {
  const agent = await scope.selectFrom('agents').select('companyPhoneNumberId').where('id', '=', interview.agentId).executeTakeFirst();
  const phone = agent?.companyPhoneNumberId
    ? await scope.selectFrom('phoneNumbers').select(['number', 'status', 'capabilities']).where('id', '=', agent.companyPhoneNumberId).executeTakeFirst()
    : undefined;
  if (!phone || phone.status !== 'AVAILABLE' || !(JSON.parse(phone.capabilities) as string[]).includes('OUTBOUND')) {
    return "The agent has no active company phone number with outbound capability to call from.";
  }
  const candidate = await scope.selectFrom('candidates').select('phoneNumber').where('id', '=', interview.candidateId).executeTakeFirst();
  if (!candidate?.phoneNumber) return 'The candidate has no phone number to call.';
  return { from: phone.number, to: candidate.phoneNumber };
}

/**
 * Dials one SCHEDULED attempt (what the dialling task runs when the attempt is due). The attempt
 * is claimed first (IN_PROGRESS, `calledAt`) in a transaction of its own, so it is dialled at most
 * once however often this runs; the provider is asked outside any transaction; a refusal then
 * ends the attempt FAILED with the reason in `notes` (`call_attempt.failed`). Without telephony
 * configured the attempt fails with TELEPHONY_NOT_CONFIGURED and nothing is dialled.
 */
export async function placeCall(deps: PlaceCallDeps, attemptId: string): Promise<PlaceCallResult> {
  const claimed = await withLockedAttempt(deps, attemptId, async (scope, time, attempt: CallAttemptRow, interview): Promise<DialRequest | PlaceCallResult> => {
    if (attempt.status !== 'SCHEDULED') return { ok: false, skipped: `the attempt is ${attempt.status}` };
    if (!ACTIVE_STATUSES.includes(interview.status)) return { ok: false, skipped: `the interview is ${interview.status}` };
    if (!deps.telephony.configured) {
      await applyAttemptMove(scope, time, attempt, interview, { to: 'FAILED', reasonCode: 'TELEPHONY_NOT_CONFIGURED', notes: NOT_CONFIGURED_MESSAGE }, deps.calls);
      return { ok: false, reasonCode: 'TELEPHONY_NOT_CONFIGURED', message: NOT_CONFIGURED_MESSAGE };
    }
    const numbers = await numbersFor(scope, interview);
    if (typeof numbers === 'string') {
      await applyAttemptMove(scope, time, attempt, interview, { to: 'FAILED', reasonCode: 'FAILED', notes: numbers }, deps.calls);
      return { ok: false, reasonCode: 'FAILED', message: numbers };
    }
    await applyAttemptMove(scope, time, attempt, interview, { to: 'IN_PROGRESS', reasonCode: null });
    return { attemptId, ...numbers, record: deps.recordCalls };
  });
  if (claimed === 'unknown-attempt') return { ok: false, skipped: 'no such attempt' };
  if (!('attemptId' in claimed)) return claimed;

  const outcome = await deps.telephony.dial(claimed);
  if (!outcome.ok) {
    await withLockedAttempt(deps, attemptId, (scope, time, attempt, interview) =>
      applyAttemptMove(scope, time, attempt, interview, { to: 'FAILED', reasonCode: outcome.reasonCode, notes: outcome.message }, deps.calls),
    );
  }
  return outcome;
}
