import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import { taskKind, type TaskKind } from '../queue/task-kind.ts';
import type { CallAttemptRow, InterviewRecord } from '../interviews/repository.ts';
import { ACTIVE_STATUSES } from '../interviews/status-machine.ts';
import { type AttemptCallbackDeps, applyAttemptMove, withLockedAttempt } from './attempt-callbacks.ts';
import { type DialPayload, dialSpec, scheduleDial } from './dial-tasks.ts';
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
    if (Date.parse(attempt.scheduledAt) > time.now().getTime()) {
      // Run early (another process's clock, a move that raced the task): wait for the attempt's time.
      await scheduleDial(scope.db, time, attempt.id, new Date(attempt.scheduledAt));
      return { ok: false, skipped: 'the attempt is not due yet' };
    }
    const busy = await scope.selectFrom('callAttempts').select('id').where('interviewId', '=', interview.id).where('status', '=', 'IN_PROGRESS').executeTakeFirst();
    if (busy) {
      // The candidate is on the phone already (they called in): this call is not made.
      await applyAttemptMove(scope, time, attempt, interview, { to: 'CANCELLED', reasonCode: 'CANCELLED', notes: `Not dialled: call attempt ${busy.id} was in progress.` });
      return { ok: false, skipped: 'another call of the interview is in progress' };
    }
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
  } else {
    // Kept so a cancelled interview's call can be hung up; a callback may already have moved the attempt.
    await withLockedAttempt(deps, attemptId, (scope, time, attempt) =>
      scope.updateTable('callAttempts').set({ callSid: outcome.callSid, updatedAt: time.at }).where('id', '=', attempt.id).execute(),
    );
  }
  return outcome;
}

/** The dialling task's kind (registered in src/server/tasks.ts; keys and scheduling in dial-tasks.ts). */
export function dialTaskKind(deps: PlaceCallDeps): TaskKind<DialPayload> {
  return taskKind({ ...dialSpec, run: async ({ attemptId }) => void (await placeCall(deps, attemptId)) });
}

/**
 * Hangs up the calls in progress of an interview that was cancelled or deleted (after its
 * transaction: the network stays out of transactions). Twilio then reports the call completed,
 * which closes the attempt. Looked up by the interview's id alone: the caller has just acted on
 * it inside its company.
 */
export async function hangUpInterviewCalls(db: Kysely<DB>, telephony: Telephony, interviewId: string): Promise<void> {
  if (!telephony.configured) return;
  const calls = await db.selectFrom('callAttempts').select('callSid').where('interviewId', '=', interviewId).where('status', '=', 'IN_PROGRESS').where('callSid', 'is not', null).execute();
  for (const { callSid } of calls) if (callSid) await telephony.hangUp(callSid);
}
