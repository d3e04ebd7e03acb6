import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { readFeed, type TransactionClock } from '../db/feed-clock.ts';
import { newId } from '../core/ids.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';
import { errors, type ValidationIssue } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { type CandidateStats, candidateStats } from '../interviews/candidate-stats.ts';
import { liveJobIds } from '../jobs/repository.ts';
import {
  type CandidateRecord,
  findCandidateRow,
  findCandidateRowForUpdate,
  insertCandidateRow,
  jobIdsOf,
  listCandidateRows,
  replaceCandidateRow,
  replaceJobLinks,
  softDeleteCandidateRow,
  toCandidateRecord,
} from './repository.ts';
import type { Candidate, CandidateListQuery, CreateCandidateInput, UpdateCandidateInput } from './schema.ts';

const DAY_MS = 86_400_000;

function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Rules across fields (§9), on the candidate as it would be stored. On PATCH each rule is checked
 * when the PATCH touches its fields: "in the future" when it sets a different date, "email or
 * phone" when it names either. A stored state that time (or the GDPR sweep, which erases both
 * contacts) has overtaken must not make an unrelated PATCH, or `{}`, fail.
 */
function recordIssues(record: CandidateRecord, clock: Clock, check: { date: boolean; contact: boolean }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (check.contact && !record.email && !record.phoneNumber) issues.push({ path: 'email', message: 'a candidate needs an email or a phoneNumber', code: 'required' });
  const date = record.gdprExpiryDate;
  if (!check.date) return issues;
  if (utcDate(new Date(`${date}T00:00:00Z`)) !== date) issues.push({ path: 'gdprExpiryDate', message: 'must be a calendar date (YYYY-MM-DD)', code: 'invalid_date' });
  else if (date <= utcDate(clock.now())) issues.push({ path: 'gdprExpiryDate', message: `must be in the future (after ${utcDate(clock.now())})`, code: 'not_future' });
  return issues;
}

/**
 * The job list a request asks for: `jobIds`, or the deprecated single `jobId` (not both). Every id
 * must be a live job of the company; one already linked to this candidate may stay even if the
 * job was deleted since (it is kept, not newly assigned).
 */
async function requestedJobIds(
  scope: TenantScope,
  input: { jobIds?: string[] | undefined; jobId?: string | null | undefined },
  alreadyLinked: string[],
): Promise<{ jobIds: string[] | undefined; issues: ValidationIssue[] }> {
  if (input.jobIds !== undefined && input.jobId !== undefined) {
    return { jobIds: undefined, issues: [{ path: 'jobId', message: 'give jobIds or the deprecated jobId, not both', code: 'exclusive' }] };
  }
  const jobIds = input.jobIds ?? (input.jobId === undefined ? undefined : input.jobId === null ? [] : [input.jobId]);
  if (!jobIds) return { jobIds, issues: [] };
  const live = await liveJobIds(scope, jobIds);
  const issues = jobIds.flatMap((id, index) =>
    live.has(id) || alreadyLinked.includes(id)
      ? []
      : [{ path: input.jobIds ? `jobIds.${index}` : 'jobId', message: `no job ${id} exists in this company`, code: 'not_found' }],
  );
  return { jobIds, issues };
}

const NO_INTERVIEWS: CandidateStats = { interviewCount: 0, analysisCount: 0, overallRating: null };

function present(record: CandidateRecord, jobIds: string[], stats: CandidateStats = NO_INTERVIEWS): Candidate {
  const { interviewCount, analysisCount, overallRating } = stats;
  return { ...record, jobIds, jobId: jobIds[0] ?? null, interviewCount, analysisCount, overallRating };
}

/** Creates a candidate inside an open transaction's scope (also the path for an inline candidate). */
export async function insertCandidate(scope: TxScope, time: TransactionClock, input: CreateCandidateInput, pathPrefix = ''): Promise<Candidate> {
  const now = time.now();
  const record: CandidateRecord = {
    id: newId(),
    companyId: scope.companyId,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    phoneNumber: input.phoneNumber ?? null,
    gdprExpiryDate: input.gdprExpiryDate ?? utcDate(new Date(now.getTime() + 365 * DAY_MS)),
    status: input.status,
    metadata: input.metadata,
    createdAt: time.at,
    updatedAt: time.at,
  };
  const links = await requestedJobIds(scope, input, []);
  const issues = [...recordIssues(record, time, { date: true, contact: true }), ...links.issues];
  if (issues.length > 0) throw errors.validation(issues.map((i) => ({ ...i, path: pathPrefix + i.path })));
  await insertCandidateRow(scope, record);
  await replaceJobLinks(scope, record.id, links.jobIds ?? []);
  return present(record, links.jobIds ?? []);
}

export function createCandidate(clock: Clock, ctx: CompanyContext, input: CreateCandidateInput): Promise<Candidate> {
  return companyTransaction(clock, ctx, (scope, time) => insertCandidate(scope, time, input));
}

export async function getCandidate(ctx: CompanyContext, id: string): Promise<Candidate> {
  const row = await findCandidateRow(ctx.scope, id);
  if (!row) throw errors.notFound('candidate', id);
  const links = await jobIdsOf(ctx.scope, [id]);
  const stats = await candidateStats(ctx.scope, [id]);
  return present(toCandidateRecord(row), links.get(id) ?? [], stats.get(id));
}

export async function listCandidates(ctx: CompanyContext, query: CandidateListQuery): Promise<Page<Candidate>> {
  return readFeed(ctx.scope.db, ctx.scope.companyId, query, async (db) => {
    const scope = ctx.scope.in(db);
    const { rows, total } = await listCandidateRows(scope, query);
    const ids = rows.map((r) => r.id);
    const [links, stats] = await Promise.all([jobIdsOf(scope, ids), candidateStats(scope, ids)]);
    return toPage(
      rows.map((r) => present(toCandidateRecord(r), links.get(r.id) ?? [], stats.get(r.id))),
      total,
      query,
    );
  });
}

/** PATCH: omitted fields keep their value, `null` clears, `jobIds` and metadata replace (§9). */
export async function updateCandidate(clock: Clock, ctx: CompanyContext, id: string, patch: UpdateCandidateInput): Promise<Candidate> {
  return companyTransaction(clock, ctx, async (scope, time) => {
    const row = await findCandidateRowForUpdate(scope, id);
    if (!row) throw errors.notFound('candidate', id);
    const current = toCandidateRecord(row);
    const currentJobIds = (await jobIdsOf(scope, [id])).get(id) ?? [];
    const { jobIds: _jobIds, jobId: _jobId, ...fields } = patch;
    const next: CandidateRecord = { ...current, ...fields };
    const links = await requestedJobIds(scope, patch, currentJobIds);
    const issues = [...recordIssues(next, time, {
      date: next.gdprExpiryDate !== current.gdprExpiryDate,
      contact: patch.email !== undefined || patch.phoneNumber !== undefined,
    }), ...links.issues];
    if (issues.length > 0) throw errors.validation(issues);

    const jobIds = links.jobIds ?? currentJobIds;
    const jobsChanged = JSON.stringify(jobIds) !== JSON.stringify(currentJobIds);
    const stats = (await candidateStats(scope, [id])).get(id);
    if (!jobsChanged && JSON.stringify(next) === JSON.stringify(current)) return present(current, currentJobIds, stats);
    next.updatedAt = time.at;
    await replaceCandidateRow(scope, next);
    if (jobsChanged) await replaceJobLinks(scope, id, jobIds);
    return present(next, jobIds, stats);
  });
}

export async function deleteCandidate(clock: Clock, ctx: CompanyContext, id: string): Promise<true> {
  const deleted = await companyTransaction(clock, ctx, (scope, time) => softDeleteCandidateRow(scope, id, time.at));
  if (!deleted) throw errors.notFound('candidate', id);
  return true;
}
