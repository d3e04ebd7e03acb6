/**
 * A call to a company number (issue 14, part 3): the caller ID is matched to a candidate of that
 * company with a pending PHONE interview (SCHEDULED, or IN_PROGRESS and waiting for a call after a
 * hang-up), who is interviewed on the spot on an INBOUND attempt; the outbound calls still waiting
 * are cancelled (their tasks with them). Anyone else hears a short message in the company's
 * `defaultLanguage`, and the call ends.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { forUpdate } from '../db/locks.ts';
import type { DB } from '../db/schema.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';
import { moveAttempt } from '../interviews/call-attempts/transitions.ts';
import { insertCallAttempt, toInterviewRecord } from '../interviews/repository.ts';
import { linesFor, render } from '../interviews/runtime/lines/lines.ts';
import type { PhoneConversation } from './phone-conversation.ts';
import { hangUpNow, sayAndHangUp } from './twilio/twiml.ts';
import { speechSettings } from './twilio/voices.ts';

export interface InboundCall {
  callSid: string;
  /** The caller (E.164, as Twilio gives it). */
  from: string;
  /** Our number that was called. */
  to: string;
}

export interface InboundDeps {
  db: Kysely<DB>;
  clock: Clock;
  conversation: PhoneConversation;
}

/**
 * The live registration of the called number that takes calls, found by the number alone (one
 * live registration per number in the deployment): the signature is the request's credential.
 */
async function calledNumber(db: Kysely<DB>, number: string) {
  const row = await db.selectFrom('phoneNumbers').select(['companyId', 'capabilities', 'status']).where('number', '=', number).where('deletedAt', 'is', null).executeTakeFirst();
  return row && row.status === 'AVAILABLE' && (JSON.parse(row.capabilities) as string[]).includes('INBOUND') ? row.companyId : null;
}

/** Takes the call onto the caller's pending interview: returns its new INBOUND attempt, or null when there is none. */
async function takeInbound(deps: InboundDeps, companyId: string, call: InboundCall): Promise<string | null> {
  return companyTransaction(deps.clock, { scope: new TenantScope(deps.db, companyId) }, async (scope, time) => {
    // The same call asking again (Twilio retries a Voice URL that failed): its attempt.
    const known = await scope.selectFrom('callAttempts').select('id').where('callSid', '=', call.callSid).executeTakeFirst();
    if (known) return known.id;
    const pending = await scope
      .selectFrom('interviews')
      .innerJoin('candidates', 'candidates.id', 'interviews.candidateId')
      .select('interviews.id')
      .where('candidates.phoneNumber', '=', call.from)
      .where('candidates.deletedAt', 'is', null)
      .where('interviews.channel', '=', 'PHONE')
      .where('interviews.isTest', '=', 0)
      .where('interviews.deletedAt', 'is', null)
      .where('interviews.status', 'in', ['SCHEDULED', 'IN_PROGRESS'])
      .orderBy('interviews.scheduledAt')
      .execute();
    for (const { id } of pending) {
      const row = await forUpdate(scope.db, scope.selectFrom('interviews').selectAll().where('id', '=', id)).executeTakeFirst();
      if (!row || (row.status !== 'SCHEDULED' && row.status !== 'IN_PROGRESS')) continue;
      const interview = toInterviewRecord(row);
      const attempts = await scope.selectFrom('callAttempts').selectAll().where('interviewId', '=', id).execute();
      if (attempts.some((a) => a.status === 'IN_PROGRESS' && a.deletedAt === null)) continue; // on another call right now
      const attemptId = newId();
      const now = time.at;
      for (const waiting of attempts.filter((a) => a.status === 'SCHEDULED' && a.deletedAt === null)) {
        await moveAttempt(scope, waiting, 'CANCELLED', now, { reasonCode: 'CANCELLED', notes: `The candidate called in (call attempt ${attemptId}).` });
      }
      await insertCallAttempt(scope, {
        id: attemptId, interviewId: interview.id, direction: 'INBOUND', status: 'IN_PROGRESS', reasonCode: null, notes: null,
        retryNumber: attempts.length === 0 ? 0 : Math.max(...attempts.map((a) => a.retryNumber)) + 1,
        recordingUrl: null, duration: null, scheduledAt: now, calledAt: now, createdAt: now, updatedAt: now, deletedAt: null, callSid: call.callSid, zoneOffsetMinutes: null,
      });
      await scope.updateTable('interviews').set({ updatedAt: now }).where('id', '=', interview.id).execute();
      return attemptId;
    }
    return null;
  });
}

/** What an incoming call hears: the interview, or the unknown-caller message and the end of the call. */
export async function answerInboundCall(deps: InboundDeps, call: InboundCall): Promise<string> {
  const companyId = await calledNumber(deps.db, call.to);
  if (!companyId) return hangUpNow();
  const attemptId = await takeInbound(deps, companyId, call);
  if (attemptId) return deps.conversation.onAnswered(attemptId);
  const company = await deps.db.selectFrom('companies').select(['name', 'defaultLanguage']).where('id', '=', companyId).executeTakeFirst();
  if (!company) return hangUpNow();
  return sayAndHangUp(render(linesFor(company.defaultLanguage).unknownCaller, { companyName: company.name }), speechSettings(company.defaultLanguage, null));
}

/** The attempt a call belongs to, by its CallSid (an inbound call's status callbacks name no attempt). */
export async function attemptOfCall(db: Kysely<DB>, callSid: string): Promise<string | null> {
  const row = await db.selectFrom('callAttempts').select('id').where('callSid', '=', callSid).where('deletedAt', 'is', null).executeTakeFirst();
  return row?.id ?? null;
}
