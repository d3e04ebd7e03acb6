import type { Selectable } from 'kysely';
import { literalLimit } from '../db/literal-limit.ts';
import { forUpdate } from '../db/locks.ts';
import { fetchPage } from '../db/paging.ts';
import type { CallAttemptsTable, InterviewsTable } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import type { Metadata } from '../metadata/metadata.ts';
import { type Analysis, storedAnalysis } from './analysis-schema.ts';
import type { CallAttempt } from './call-attempt-schema.ts';
import type { InterviewListQuery, InterviewStatus, StatusReason, TranscriptTurn } from './schema.ts';

export type InterviewRow = Selectable<InterviewsTable>;

/** An interview as stored (the API object adds call attempts and the join link). */
export interface InterviewRecord {
  id: string;
  companyId: string;
  candidateId: string;
  agentId: string;
  jobId: string | null;
  channel: 'ONLINE' | 'PHONE';
  status: InterviewStatus;
  statusReason: StatusReason | null;
  scheduledAt: string;
  startedAt: string | null;
  finishedDate: string | null;
  durationMinutes: number | null;
  reservedMinutes: number;
  isTest: boolean;
  metadata: Metadata;
  roomToken: string | null;
  analysis: Analysis | null;
  createdAt: string;
  updatedAt: string;
}

export function toInterviewRecord(row: InterviewRow): InterviewRecord {
  return {
    ...row,
    channel: row.channel as InterviewRecord['channel'],
    status: row.status as InterviewStatus,
    statusReason: row.statusReason as StatusReason | null,
    isTest: row.isTest === 1,
    metadata: JSON.parse(row.metadata) as Metadata,
    analysis: row.analysis ? storedAnalysis(JSON.parse(row.analysis)) : null,
  };
}

function toRow(record: InterviewRecord): Omit<InterviewRow, 'companyId' | 'deletedAt'> {
  const { companyId: _companyId, ...rest } = record;
  return { ...rest, isTest: record.isTest ? 1 : 0, metadata: JSON.stringify(record.metadata), analysis: record.analysis ? JSON.stringify(record.analysis) : null };
}

function live(scope: TenantScope) {
  return scope.selectFrom('interviews').where('deletedAt', 'is', null);
}

export async function findInterview(scope: TenantScope, id: string): Promise<InterviewRecord | undefined> {
  const row = await live(scope).selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toInterviewRecord(row) : undefined;
}

/**
 * The interview, locked until the transaction ends (PostgreSQL; SQLite runs one transaction at a
 * time), for read-modify-write changes (status moves, metadata merges) that must not lose a
 * concurrent one.
 */
export async function findInterviewForUpdate(scope: TxScope, id: string): Promise<InterviewRecord | undefined> {
  const row = await forUpdate(scope.db, live(scope).selectAll().where('id', '=', id)).executeTakeFirst();
  return row ? toInterviewRecord(row) : undefined;
}

export async function listInterviewRecords(scope: TenantScope, query: InterviewListQuery) {
  let base = live(scope);
  if (query.candidateId) base = base.where('candidateId', '=', query.candidateId);
  if (query.agentId) base = base.where('agentId', '=', query.agentId);
  if (query.jobId) base = base.where('jobId', '=', query.jobId);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.createdAfter) base = base.where('createdAt', '>=', query.createdAfter);
  if (query.createdBefore) base = base.where('createdAt', '<', query.createdBefore);
  const { rows, total } = await fetchPage(scope.db, base, query, (qb) => qb.selectAll());
  return { records: rows.map(toInterviewRecord), total };
}

export async function insertInterview(scope: TxScope, record: InterviewRecord): Promise<void> {
  await scope.insertInto('interviews', { ...toRow(record), deletedAt: null }).execute();
}

/**
 * Writes an interview back (its status moves: `transitions.ts`), only if the stored status is
 * still `expectedStatus` (returns false otherwise): on PostgreSQL the row lock makes a concurrent
 * transition wait and then see the new status, so transitions and their events never interleave.
 */
export async function saveInterview(scope: TxScope, record: InterviewRecord, expectedStatus: InterviewStatus): Promise<boolean> {
  const { id: _id, createdAt: _createdAt, ...changes } = toRow(record);
  const result = await scope
    .updateTable('interviews')
    .set(changes)
    .where('id', '=', record.id)
    .where('deletedAt', 'is', null)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** PATCH writes the metadata only: the status and the rest change through their own paths. */
export async function saveInterviewMetadata(scope: TxScope, id: string, metadata: Metadata, at: string): Promise<void> {
  await scope.updateTable('interviews').set({ metadata: JSON.stringify(metadata), updatedAt: at }).where('id', '=', id).where('deletedAt', 'is', null).execute();
}

export async function softDeleteInterview(scope: TxScope, id: string, at: string): Promise<void> {
  await scope.updateTable('interviews').set({ deletedAt: at, updatedAt: at }).where('id', '=', id).execute();
}

export type CallAttemptRow = Selectable<CallAttemptsTable>;

export function toCallAttempt(row: CallAttemptRow): CallAttempt {
  return {
    id: row.id,
    direction: row.direction as CallAttempt['direction'],
    status: row.status as CallAttempt['status'],
    reasonCode: row.reasonCode as CallAttempt['reasonCode'],
    notes: row.notes,
    retryNumber: row.retryNumber,
    recordingUrl: row.recordingUrl,
    duration: row.duration,
    scheduledAt: row.scheduledAt,
    calledAt: row.calledAt,
  };
}

/** Live call attempts of several interviews, oldest first. */
export async function callAttemptsOf(scope: TenantScope, interviewIds: string[]): Promise<Map<string, CallAttempt[]>> {
  const byInterview = new Map<string, CallAttempt[]>(interviewIds.map((id) => [id, []]));
  if (interviewIds.length === 0) return byInterview;
  const rows = await scope
    .selectFrom('callAttempts')
    .selectAll()
    .where('interviewId', 'in', interviewIds)
    .where('deletedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  for (const row of rows) byInterview.get(row.interviewId)?.push(toCallAttempt(row));
  return byInterview;
}

export async function insertCallAttempt(scope: TxScope, row: Omit<CallAttemptRow, 'companyId'>): Promise<void> {
  await scope.insertInto('callAttempts', row).execute();
}

export async function transcriptOf(scope: TenantScope, interviewId: string): Promise<TranscriptTurn[]> {
  const rows = await scope.selectFrom('transcriptTurns').selectAll().where('interviewId', '=', interviewId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, role: r.role as TranscriptTurn['role'], text: r.text, startedAt: r.startedAt, endedAt: r.endedAt }));
}

/** A turn as stored: `questionIndex` marks the interviewer turn that asked plan question i (else null or absent). */
export type StoredTranscriptTurn = TranscriptTurn & { questionIndex?: number | null };

export async function appendTranscriptTurns(scope: TxScope, interviewId: string, turns: StoredTranscriptTurn[]): Promise<void> {
  if (turns.length === 0) return;
  const last = await scope.selectFrom('transcriptTurns').select('position').where('interviewId', '=', interviewId).orderBy('position', 'desc').limit(literalLimit(1)).executeTakeFirst();
  const start = (last?.position ?? -1) + 1;
  await scope.insertInto('transcriptTurns', turns.map((turn, i) => ({ ...turn, interviewId, position: start + i }))).execute();
}
