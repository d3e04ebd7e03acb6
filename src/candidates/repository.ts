import type { Selectable } from 'kysely';
import { literalLimit } from '../db/literal-limit.ts';
import { forUpdate } from '../db/locks.ts';
import { fetchPage } from '../db/paging.ts';
import type { CandidatesTable } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import { containsInsensitive } from '../db/text-search.ts';
import type { Metadata } from '../metadata/metadata.ts';
import type { Candidate, CandidateListQuery } from './schema.ts';

export type CandidateRow = Selectable<CandidatesTable>;

/** The stored part of a candidate (links and counts live elsewhere). */
export type CandidateRecord = Omit<Candidate, 'jobIds' | 'jobId' | 'interviewCount' | 'analysisCount' | 'overallRating'>;

export function toCandidateRecord(row: CandidateRow): CandidateRecord {
  return {
    id: row.id,
    companyId: row.companyId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phoneNumber: row.phoneNumber,
    gdprExpiryDate: row.gdprExpiryDate,
    status: row.status as Candidate['status'],
    metadata: JSON.parse(row.metadata) as Metadata,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toRow(record: CandidateRecord): Omit<CandidateRow, 'companyId' | 'erasedAt' | 'deletedAt'> {
  const { companyId: _companyId, metadata, ...rest } = record;
  return { ...rest, metadata: JSON.stringify(metadata) };
}

function live(scope: TenantScope) {
  return scope.selectFrom('candidates').where('deletedAt', 'is', null);
}

/** A live candidate; `includeDeleted` for interviews, which keep pointing at a deleted candidate. */
export function findCandidateRow(scope: TenantScope, id: string, options: { includeDeleted?: boolean } = {}): Promise<CandidateRow | undefined> {
  const query = options.includeDeleted ? scope.selectFrom('candidates') : live(scope);
  return query.selectAll().where('id', '=', id).executeTakeFirst();
}

/** A live candidate, locked until the transaction ends: PATCH reads, merges and writes it back. */
export function findCandidateRowForUpdate(scope: TxScope, id: string): Promise<CandidateRow | undefined> {
  return forUpdate(scope.db, live(scope).selectAll().where('id', '=', id)).executeTakeFirst();
}

export function listCandidateRows(scope: TenantScope, query: CandidateListQuery) {
  let base = live(scope);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.jobId) {
    const linked = scope.selectFrom('candidateJobs').select('candidateJobs.candidateId').where('candidateJobs.jobId', '=', query.jobId);
    base = base.where('id', 'in', linked);
  }
  if (query.search) {
    const text = query.search;
    base = base.where((eb) => eb.or([containsInsensitive(scope.db, 'firstName', text), containsInsensitive(scope.db, 'lastName', text), containsInsensitive(scope.db, 'email', text)]));
  }
  return fetchPage(scope.db, base, query, (qb) => qb.selectAll());
}

export async function insertCandidateRow(scope: TxScope, record: CandidateRecord): Promise<void> {
  await scope.insertInto('candidates', { ...toRow(record), erasedAt: null, deletedAt: null }).execute();
}

export async function replaceCandidateRow(scope: TxScope, record: CandidateRecord): Promise<void> {
  const { id: _id, createdAt: _createdAt, ...changes } = toRow(record);
  await scope.updateTable('candidates').set(changes).where('id', '=', record.id).where('deletedAt', 'is', null).execute();
}

export async function softDeleteCandidateRow(scope: TxScope, id: string, at: string): Promise<boolean> {
  const result = await scope.updateTable('candidates').set({ deletedAt: at, updatedAt: at }).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Job links of several candidates, in their order. */
export async function jobIdsOf(scope: TenantScope, candidateIds: string[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>(candidateIds.map((id) => [id, []]));
  if (candidateIds.length === 0) return links;
  const rows = await scope.selectFrom('candidateJobs').select(['candidateId', 'jobId']).where('candidateId', 'in', candidateIds).orderBy('position').execute();
  for (const row of rows) links.get(row.candidateId)?.push(row.jobId);
  return links;
}

export async function replaceJobLinks(scope: TxScope, candidateId: string, jobIds: string[]): Promise<void> {
  await scope.deleteFrom('candidateJobs').where('candidateId', '=', candidateId).execute();
  if (jobIds.length === 0) return;
  await scope.insertInto('candidateJobs', jobIds.map((jobId, position) => ({ candidateId, jobId, position }))).execute();
}

/**
 * Adds one job at the end of a candidate's list (an inline job created with an interview). The
 * candidate's `updatedAt` is written first: on PostgreSQL that update holds the row until commit,
 * so a concurrent PATCH replacing the list finishes before the last position is read, or waits.
 */
export async function appendJobLink(scope: TxScope, candidateId: string, jobId: string, at: string): Promise<void> {
  await scope.updateTable('candidates').set({ updatedAt: at }).where('id', '=', candidateId).execute();
  const last = await scope.selectFrom('candidateJobs').select('position').where('candidateId', '=', candidateId).orderBy('position', 'desc').limit(literalLimit(1)).executeTakeFirst();
  await scope.insertInto('candidateJobs', { candidateId, jobId, position: (last?.position ?? -1) + 1 }).execute();
}
