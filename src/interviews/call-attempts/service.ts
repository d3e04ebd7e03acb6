import type { CompanyContext } from '../../auth/actor.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { forUpdate } from '../../db/locks.ts';
import { fetchPage } from '../../db/paging.ts';
import { companyTransaction } from '../../db/transaction.ts';
import type { TenantScope, TxScope } from '../../db/tenant-scope.ts';
import { errors } from '../../errors/catalogue.ts';
import { type Page, toPage } from '../../http/pagination.ts';
import type { CallAttempt } from '../call-attempt-schema.ts';
import { MAX_AHEAD_MS, PAST_GRACE_MS } from '../create-interview.ts';
import { type CallAttemptRow, type InterviewRecord, insertCallAttempt, toCallAttempt, toInterviewRecord } from '../repository.ts';
import { requireInterview } from '../service.ts';
import { ACTIVE_STATUSES } from '../status-machine.ts';
import type { CallAttemptListQuery, CreateCallAttemptInput, UpdateCallAttemptInput } from './schema.ts';
import { moveAttempt } from './transitions.ts';
import { planCall } from '../../telephony/call-planning.ts';
import type { CallingWindow } from '../../telephony/calling-window.ts';
import { scheduleDial } from '../../telephony/dial-tasks.ts';

export interface CallAttemptDeps {
  clock: Clock;
  /** CALL_WINDOW: a call asked for outside it is placed at its next opening (issue 14). */
  callingWindow?: CallingWindow;
}

/**
 * Attempts one interview may ever have, the first and dropped ones included (retryNumber counts
 * them too). The interview embeds its attempts, so this keeps it small; the retry ladder
 * (`CALL_RETRY_ATTEMPTS`, 3 by default) stays well inside it. Beyond it: a new interview.
 */
export const MAX_CALL_ATTEMPTS = 20;

/** §10: call attempts belong to PHONE interviews only; on an ONLINE one every route is a 400. */
function requirePhone(interview: InterviewRecord): InterviewRecord {
  if (interview.channel !== 'PHONE') {
    throw errors.field('id', `interview ${interview.id} is an ONLINE interview: call attempts exist only for PHONE interviews`, 'not_phone_interview');
  }
  return interview;
}

/**
 * The interview, locked until the transaction ends (PostgreSQL; SQLite runs one transaction at a
 * time): every change to an interview's attempts takes this lock first, so two concurrent POSTs
 * cannot both leave a SCHEDULED attempt behind, nor reuse a retryNumber.
 */
async function lockPhoneInterview(scope: TxScope, id: string): Promise<InterviewRecord> {
  const query = scope.selectFrom('interviews').selectAll().where('id', '=', id).where('deletedAt', 'is', null);
  const row = await forUpdate(scope.db, query).executeTakeFirst();
  if (!row) throw errors.notFound('interview', id);
  return requirePhone(toInterviewRecord(row));
}

/** Calls can be scheduled, moved or made only while the interview can still happen. */
function requireCallable(interview: InterviewRecord, action: string): void {
  if (!ACTIVE_STATUSES.includes(interview.status)) {
    throw errors.stateForbids(`Interview ${interview.id} is ${interview.status}: ${action}.`, { interviewStatus: interview.status });
  }
}

async function requireAttempt(scope: TenantScope, interviewId: string, attemptId: string): Promise<CallAttemptRow> {
  const row = await scope
    .selectFrom('callAttempts')
    .selectAll()
    .where('id', '=', attemptId)
    .where('interviewId', '=', interviewId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw errors.notFound('call attempt', attemptId);
  return row;
}

/** `scheduledAt` inside the window of §10: from now (a minute of lateness means now) to 30 days ahead. */
function callTime(clock: Clock, requested: string | undefined): Date {
  const now = clock.now();
  if (requested === undefined) return now;
  const at = new Date(requested);
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) throw errors.field('scheduledAt', 'scheduledAt must not be in the past', 'too_small');
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) throw errors.field('scheduledAt', 'scheduledAt must be at most 30 days ahead', 'too_big');
  return at.getTime() < now.getTime() ? now : at;
}

/** The interview embeds its attempts: a change to them is a change to the interview (`updatedSince` feeds). */
async function touchInterview(scope: TxScope, interviewId: string, now: string): Promise<void> {
  await scope.updateTable('interviews').set({ updatedAt: now }).where('id', '=', interviewId).execute();
}

/**
 * POST: a new OUTBOUND attempt, now or later. A still-SCHEDULED attempt is replaced: it becomes
 * CANCELLED (reasonCode CANCELLED, notes naming its successor) and stays in the history.
 * retryNumber is one more than the highest ever given for the interview (dropped attempts count).
 */
export function createCallAttempt(deps: CallAttemptDeps, ctx: CompanyContext, interviewId: string, input: CreateCallAttemptInput): Promise<CallAttempt> {
  return companyTransaction(deps.clock, ctx, async (scope, time) => {
    const interview = await lockPhoneInterview(scope, interviewId);
    const requested = callTime(time, input.scheduledAt);
    requireCallable(interview, 'no call can be scheduled for it');
    const all = await scope.selectFrom('callAttempts').selectAll().where('interviewId', '=', interviewId).execute();
    const live = all.filter((a) => a.deletedAt === null);
    const running = live.find((a) => a.status === 'IN_PROGRESS');
    if (running) {
      throw errors.conflict(`A call of interview ${interviewId} is in progress (attempt ${running.id}); schedule another when it has ended.`, { attemptId: running.id });
    }
    if (all.length >= MAX_CALL_ATTEMPTS) {
      throw errors.conflict(
        `Interview ${interviewId} has had ${all.length} call attempts, the most one interview may have (${MAX_CALL_ATTEMPTS}); create a new interview to call the candidate again.`,
        { interviewId, limit: MAX_CALL_ATTEMPTS, attempts: all.length },
      );
    }
    const now = time.at;
    const id = newId();
    const call = await planCall(scope, { at: requested, scheduledAtText: input.scheduledAt, candidateId: interview.candidateId }, deps.callingWindow);
    const scheduledAt = call.at.toISOString();
    for (const pending of live.filter((a) => a.status === 'SCHEDULED')) {
      await moveAttempt(scope, pending, 'CANCELLED', now, { reasonCode: 'CANCELLED', notes: `Replaced by call attempt ${id}.` });
    }
    const row: Omit<CallAttemptRow, 'companyId'> = {
      id,
      interviewId,
      direction: 'OUTBOUND',
      status: 'SCHEDULED',
      reasonCode: null,
      notes: null,
      retryNumber: all.length === 0 ? 0 : Math.max(...all.map((a) => a.retryNumber)) + 1,
      recordingUrl: null,
      duration: null,
      scheduledAt,
      calledAt: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      callSid: null,
      zoneOffsetMinutes: call.zoneOffsetMinutes,
    };
    await insertCallAttempt(scope, row);
    await scheduleDial(scope.db, time, id, call.at);
    await touchInterview(scope, interviewId, now);
    return toCallAttempt({ ...row, companyId: scope.companyId });
  });
}

/** PATCH: moves a SCHEDULED attempt to another time; any other status is a 409. */
export async function rescheduleCallAttempt(deps: CallAttemptDeps, ctx: CompanyContext, interviewId: string, attemptId: string, input: UpdateCallAttemptInput): Promise<void> {
  await companyTransaction(deps.clock, ctx, async (scope, time) => {
    const interview = await lockPhoneInterview(scope, interviewId);
    const attempt = await requireAttempt(scope, interviewId, attemptId);
    const requested = callTime(time, input.scheduledAt);
    if (attempt.status !== 'SCHEDULED') {
      throw errors.stateForbids(`Call attempt ${attemptId} is ${attempt.status}: only a SCHEDULED attempt can be rescheduled.`, { status: attempt.status });
    }
    requireCallable(interview, 'its calls cannot be rescheduled');
    const now = time.at;
    const call = await planCall(scope, { at: requested, scheduledAtText: input.scheduledAt, candidateId: interview.candidateId }, deps.callingWindow);
    const zoneOffsetMinutes = call.zoneOffsetMinutes ?? attempt.zoneOffsetMinutes;
    await scope.updateTable('callAttempts').set({ scheduledAt: call.at.toISOString(), zoneOffsetMinutes, updatedAt: now }).where('id', '=', attemptId).execute();
    await scheduleDial(scope.db, time, attemptId, call.at);
    await touchInterview(scope, interviewId, now);
  });
}

/**
 * DELETE: a pending (SCHEDULED) attempt is cancelled and stays in the history; a finished one
 * (COMPLETED, FAILED, CANCELLED) is dropped from it; a call in progress is a 409.
 */
export async function deleteCallAttempt(deps: CallAttemptDeps, ctx: CompanyContext, interviewId: string, attemptId: string): Promise<void> {
  await companyTransaction(deps.clock, ctx, async (scope, time) => {
    await lockPhoneInterview(scope, interviewId);
    const attempt = await requireAttempt(scope, interviewId, attemptId);
    const now = time.at;
    if (attempt.status === 'IN_PROGRESS') {
      throw errors.stateForbids(`Call attempt ${attemptId} is IN_PROGRESS: it can be deleted once the call has ended.`, { status: attempt.status });
    }
    if (attempt.status === 'SCHEDULED') {
      await moveAttempt(scope, attempt, 'CANCELLED', now, { reasonCode: 'CANCELLED' });
    } else {
      await scope.updateTable('callAttempts').set({ deletedAt: now, updatedAt: now }).where('id', '=', attemptId).execute();
    }
    await touchInterview(scope, interviewId, now);
  });
}

export async function listCallAttempts(ctx: CompanyContext, interviewId: string, query: CallAttemptListQuery): Promise<Page<CallAttempt>> {
  requirePhone(await requireInterview(ctx.scope, interviewId));
  const base = ctx.scope.selectFrom('callAttempts').where('interviewId', '=', interviewId).where('deletedAt', 'is', null);
  const { rows, total } = await fetchPage(ctx.scope.db, base, query, (qb) => qb.selectAll());
  return toPage(rows.map(toCallAttempt), total, query);
}

export async function getCallAttempt(ctx: CompanyContext, interviewId: string, attemptId: string): Promise<CallAttempt> {
  requirePhone(await requireInterview(ctx.scope, interviewId));
  return toCallAttempt(await requireAttempt(ctx.scope, interviewId, attemptId));
}
