import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { readFeed, type TransactionClock } from '../db/feed-clock.ts';
import { newId } from '../core/ids.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { findJobRow, findJobRowForUpdate, insertJobRow, listJobRows, replaceJobRow, softDeleteJobRow, toJob } from './repository.ts';
import type { CreateJobInput, Job, JobListQuery, UpdateJobInput } from './schema.ts';

/** Creates a job inside an open transaction's scope (also the path for an inline job of an interview). */
export async function insertJob(scope: TxScope, time: TransactionClock, input: CreateJobInput): Promise<Job> {
  const job: Job = { id: newId(), companyId: scope.companyId, ...input, createdAt: time.at, updatedAt: time.at };
  await insertJobRow(scope, job);
  return job;
}

export function createJob(clock: Clock, ctx: CompanyContext, input: CreateJobInput): Promise<Job> {
  return companyTransaction(clock, ctx, (scope, time) => insertJob(scope, time, input));
}

export async function getJob(ctx: CompanyContext, id: string): Promise<Job> {
  const row = await findJobRow(ctx.scope, id);
  if (!row) throw errors.notFound('job', id);
  return toJob(row);
}

export async function listJobs(ctx: CompanyContext, query: JobListQuery): Promise<Page<Job>> {
  return readFeed(ctx.scope.db, ctx.scope.companyId, query, async (db) => {
    const { rows, total } = await listJobRows(ctx.scope.in(db), query);
    return toPage(rows.map(toJob), total, query);
  });
}

/** PATCH: omitted fields keep their value, `null` clears, metadata is replaced (§4). */
export async function updateJob(clock: Clock, ctx: CompanyContext, id: string, patch: UpdateJobInput): Promise<Job> {
  return companyTransaction(clock, ctx, async (scope, time) => {
    const row = await findJobRowForUpdate(scope, id);
    if (!row) throw errors.notFound('job', id);
    const current = toJob(row);
    const next: Job = { ...current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(current)) return current;
    next.updatedAt = time.at;
    await replaceJobRow(scope, next);
    return next;
  });
}

/** Soft delete: hidden and no longer assignable; existing candidate links and interviews keep it. */
export async function deleteJob(clock: Clock, ctx: CompanyContext, id: string): Promise<true> {
  const deleted = await companyTransaction(clock, ctx, (scope, time) => softDeleteJobRow(scope, id, time.at));
  if (!deleted) throw errors.notFound('job', id);
  return true;
}
