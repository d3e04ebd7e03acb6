import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { readFeed } from '../db/feed-clock.ts';
import { companyTransaction } from '../db/transaction.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { type Metadata, mergePatch, metadataProblems } from '../metadata/metadata.ts';
import type { CallingWindow } from '../telephony/calling-window.ts';
import { createInterviewRecord } from './create-interview.ts';
import { cancelInterviewTasks } from './runtime/session/session-tasks.ts';
import { callAttemptsOf, findInterview, findInterviewForUpdate, type InterviewRecord, listInterviewRecords, saveInterviewMetadata, softDeleteInterview, transcriptOf } from './repository.ts';
import type { CreateInterviewInput, Interview, InterviewListQuery, TranscriptTurn, UpdateInterviewInput } from './schema.ts';
import { moveInterview } from './transitions.ts';

export interface InterviewDeps {
  clock: Clock;
  /** Base of the candidate's join link. */
  publicUrl: string;
  defaultMonthlyMinutes: number;
  /** The calling window of PHONE interviews (CALL_WINDOW). */
  callingWindow?: CallingWindow;
  /** Tells a live room that its interview was cancelled or deleted, and hangs up its call (after the commit; never throws). */
  ended?: (interviewId: string, status: Pick<InterviewRecord, 'status' | 'statusReason'>, deleted: boolean) => void | Promise<void>;
}

async function present(scope: TenantScope, deps: InterviewDeps, records: InterviewRecord[]): Promise<Interview[]> {
  const attempts = await callAttemptsOf(
    scope,
    records.map((r) => r.id),
  );
  return records.map((r) => ({
    id: r.id,
    companyId: r.companyId,
    candidateId: r.candidateId,
    agentId: r.agentId,
    jobId: r.jobId,
    status: r.status,
    statusReason: r.statusReason,
    scheduledAt: r.scheduledAt,
    startedAt: r.startedAt,
    finishedDate: r.finishedDate,
    durationMinutes: r.durationMinutes,
    isTest: r.isTest,
    metadata: r.metadata,
    callAttempts: attempts.get(r.id) ?? [],
    analysis: r.analysis,
    interviewUrl: r.roomToken ? `${deps.publicUrl}/room/${r.roomToken}` : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

async function presentOne(scope: TenantScope, deps: InterviewDeps, record: InterviewRecord): Promise<Interview> {
  const [interview] = await present(scope, deps, [record]);
  return interview as Interview;
}

export async function requireInterview(scope: TenantScope, id: string): Promise<InterviewRecord> {
  const record = await findInterview(scope, id);
  if (!record) throw errors.notFound('interview', id);
  return record;
}

/** `requireInterview`, locked until the transaction ends. */
async function lockInterview(scope: TxScope, id: string): Promise<InterviewRecord> {
  const record = await findInterviewForUpdate(scope, id);
  if (!record) throw errors.notFound('interview', id);
  return record;
}

export function createInterview(deps: InterviewDeps, ctx: CompanyContext, input: CreateInterviewInput, testKey: boolean): Promise<Interview> {
  return companyTransaction(deps.clock, ctx, async (scope, time) => {
    const record = await createInterviewRecord(scope, { time, defaultMonthlyMinutes: deps.defaultMonthlyMinutes, testKey, ...(deps.callingWindow ? { callingWindow: deps.callingWindow } : {}) }, input);
    return presentOne(scope, deps, record);
  });
}

export async function getInterview(deps: InterviewDeps, ctx: CompanyContext, id: string): Promise<Interview> {
  return presentOne(ctx.scope, deps, await requireInterview(ctx.scope, id));
}

export async function listInterviews(deps: InterviewDeps, ctx: CompanyContext, query: InterviewListQuery): Promise<Page<Interview>> {
  if (query.createdAfter && query.createdBefore && query.createdAfter > query.createdBefore) throw errors.field('createdAfter', 'createdAfter must not be after createdBefore', 'invalid_range');
  return readFeed(ctx.scope.db, ctx.scope.companyId, query, async (db) => {
    const scope = ctx.scope.in(db);
    const { records, total } = await listInterviewRecords(scope, query);
    return toPage(await present(scope, deps, records), total, query);
  });
}

/** Extension: PATCH changes metadata only, merged (RFC 7396). */
export function updateInterview(deps: InterviewDeps, ctx: CompanyContext, id: string, patch: UpdateInterviewInput): Promise<Interview> {
  return companyTransaction(deps.clock, ctx, async (scope, time) => {
    const record = await lockInterview(scope, id);
    if (patch.metadata === undefined) return presentOne(scope, deps, record);
    const metadata = mergePatch(record.metadata, patch.metadata) as Metadata;
    const problems = metadataProblems(metadata);
    if (problems.length > 0) throw errors.validation(problems.map((message) => ({ path: 'metadata', message, code: 'metadata_limit' })));
    if (JSON.stringify(metadata) === JSON.stringify(record.metadata)) return presentOne(scope, deps, record);
    const next = { ...record, metadata, updatedAt: time.at };
    await saveInterviewMetadata(scope, id, metadata, time.at);
    return presentOne(scope, deps, next);
  });
}

export async function cancelInterview(deps: InterviewDeps, ctx: CompanyContext, id: string): Promise<Interview> {
  const cancelled = await companyTransaction(deps.clock, ctx, async (scope, time) => {
    const record = await moveInterview(scope, time, await lockInterview(scope, id), 'CANCELLED');
    await cancelInterviewTasks(scope.db, time, id);
    return presentOne(scope, deps, record);
  });
  await deps.ended?.(id, cancelled, false);
  return cancelled;
}

/** Soft delete in every state; a SCHEDULED one is cancelled first, so no call is made (§10). */
export async function deleteInterview(deps: InterviewDeps, ctx: CompanyContext, id: string): Promise<true> {
  const deleted = await companyTransaction(deps.clock, ctx, async (scope, time) => {
    const record = await lockInterview(scope, id);
    const after = record.status === 'SCHEDULED' ? await moveInterview(scope, time, record, 'CANCELLED') : record;
    await softDeleteInterview(scope, id, time.at);
    await cancelInterviewTasks(scope.db, time, id);
    return after;
  });
  await deps.ended?.(id, deleted, true);
  return true;
}

export async function getTranscript(ctx: CompanyContext, id: string): Promise<TranscriptTurn[]> {
  await requireInterview(ctx.scope, id);
  return transcriptOf(ctx.scope, id);
}
