import type { Selectable } from 'kysely';
import { forUpdate } from '../db/locks.ts';
import { fetchPage } from '../db/paging.ts';
import type { JobsTable } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import { containsInsensitive } from '../db/text-search.ts';
import type { Metadata } from '../metadata/metadata.ts';
import type { Job, JobListQuery } from './schema.ts';

export type JobRow = Selectable<JobsTable>;

const json = <T>(text: string | null): T => (text === null ? null : JSON.parse(text)) as T;

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    companyId: row.companyId,
    title: row.title,
    description: row.description,
    status: row.status as Job['status'],
    jobUrl: row.jobUrl,
    benefits: row.benefits,
    requiredSkills: json(row.requiredSkills),
    niceToHaveSkills: json(row.niceToHaveSkills),
    languageRequirements: json(row.languageRequirements),
    education: json(row.education),
    experience: row.experience as Job['experience'],
    contractType: row.contractType as Job['contractType'],
    location: json(row.location),
    salary: json(row.salary),
    metadata: json<Metadata>(row.metadata),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toJobRow(job: Job): Omit<JobRow, 'companyId'> {
  return {
    id: job.id,
    title: job.title,
    description: job.description,
    status: job.status,
    jobUrl: job.jobUrl,
    benefits: job.benefits,
    requiredSkills: JSON.stringify(job.requiredSkills),
    niceToHaveSkills: JSON.stringify(job.niceToHaveSkills),
    languageRequirements: JSON.stringify(job.languageRequirements),
    education: JSON.stringify(job.education),
    experience: job.experience,
    contractType: job.contractType,
    location: job.location === null ? null : JSON.stringify(job.location),
    salary: job.salary === null ? null : JSON.stringify(job.salary),
    metadata: JSON.stringify(job.metadata),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    deletedAt: null,
  };
}

function live(scope: TenantScope) {
  return scope.selectFrom('jobs').where('deletedAt', 'is', null);
}

export function findJobRow(scope: TenantScope, id: string): Promise<JobRow | undefined> {
  return live(scope).selectAll().where('id', '=', id).executeTakeFirst();
}

/** A live job, locked until the transaction ends: PATCH reads, merges and writes it back. */
export function findJobRowForUpdate(scope: TxScope, id: string): Promise<JobRow | undefined> {
  return forUpdate(scope.db, live(scope).selectAll().where('id', '=', id)).executeTakeFirst();
}

/** The ids among `ids` that are live jobs of the scope's company. */
export async function liveJobIds(scope: TenantScope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await live(scope).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function listJobRows(scope: TenantScope, query: JobListQuery) {
  let base = live(scope);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.search) base = base.where(containsInsensitive(scope.db, 'title', query.search));
  return fetchPage(scope.db, base, query, (qb) => qb.selectAll());
}

export async function insertJobRow(scope: TxScope, job: Job): Promise<void> {
  await scope.insertInto('jobs', toJobRow(job)).execute();
}

export async function replaceJobRow(scope: TxScope, job: Job): Promise<void> {
  const { id: _id, createdAt: _createdAt, deletedAt: _deletedAt, ...changes } = toJobRow(job);
  await scope.updateTable('jobs').set(changes).where('id', '=', job.id).where('deletedAt', 'is', null).execute();
}

export async function softDeleteJobRow(scope: TxScope, id: string, at: string): Promise<boolean> {
  const result = await scope.updateTable('jobs').set({ deletedAt: at, updatedAt: at }).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
