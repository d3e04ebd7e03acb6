import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { grantCompany } from '../auth/api-keys.ts';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB } from '../db/schema.ts';
import { COMPANIES_FEED, readFeed } from '../db/feed-clock.ts';
import { lockCompany } from '../db/locks.ts';
import { type CommitHook, transact } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type ListQuery, type Page, toPage } from '../http/pagination.ts';
import { type Metadata, mergePatch, metadataProblems } from '../metadata/metadata.ts';
import { type CompanyRow, type NewCompanyRow, findCompanyById, findVisibleCompany, insertCompany, listVisibleCompanies, updateCompanyRow } from './repository.ts';
import { type Company, type CreateCompanyInput, DEFAULT_LANGUAGE, DEFAULT_TIMEZONE, type UpdateCompanyInput } from './schema.ts';

export interface CompanyDeps {
  db: Kysely<DB>;
  clock: Clock;
  defaultMonthlyMinutes: number;
}

/** A row as read, or as written by `newCompanyRow` (which leaves the locale to the column defaults). */
export function toCompany(row: NewCompanyRow, defaultMonthlyMinutes: number): Company {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerEmail: row.ownerEmail,
    timezone: row.timezone ?? DEFAULT_TIMEZONE,
    defaultLanguage: (row.defaultLanguage ?? DEFAULT_LANGUAGE) as Company['defaultLanguage'],
    metadata: JSON.parse(row.metadata) as Metadata,
    plan: { monthlyMinutes: row.monthlyMinutes ?? defaultMonthlyMinutes },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A new company row (also used by the CLI and the first-start bootstrap). Its writers pass the
 * time of their transaction on the company list's feed (`COMPANIES_FEED`). The locale columns are
 * written only when given, so the row also fits a schema older than them (migration tests).
 */
export function newCompanyRow(clock: Clock, input: CreateCompanyInput): NewCompanyRow {
  const now = clock.now().toISOString();
  return {
    id: newId(),
    name: input.name,
    description: input.description ?? null,
    ownerEmail: input.ownerEmail ?? null,
    ...(input.timezone === undefined ? {} : { timezone: input.timezone }),
    ...(input.defaultLanguage === undefined ? {} : { defaultLanguage: input.defaultLanguage }),
    metadata: JSON.stringify(input.metadata ?? {}),
    monthlyMinutes: input.plan?.monthlyMinutes ?? null,
    rateLimitMinute: null,
    rateLimitHour: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** §7: only ATS keys create companies (a company key gets 403 RESOURCE_ACCESS_DENIED). */
export function assertAtsKey(actor: Actor): void {
  if (actor.apiKey.kind !== 'ATS') throw errors.accessDenied('Only ATS keys may create companies.');
}

/** §7: the new company is managed by the creating key. */
export async function createCompany(deps: CompanyDeps, actor: Actor, input: CreateCompanyInput, hook?: CommitHook): Promise<Company> {
  assertAtsKey(actor);
  const row = await transact(deps.db, deps.clock, COMPANIES_FEED, hook, async (trx, time) => {
    const created = newCompanyRow(time, input);
    await insertCompany(trx, created);
    await grantCompany(trx, time, actor.apiKey.id, created.id);
    return created;
  });
  return toCompany(row, deps.defaultMonthlyMinutes);
}

export async function listCompanies(deps: CompanyDeps, actor: Actor, query: ListQuery): Promise<Page<Company>> {
  return readFeed(deps.db, COMPANIES_FEED, query, async (db) => {
    const { rows, total } = await listVisibleCompanies(db, actor, query);
    return toPage(
      rows.map((r) => toCompany(r, deps.defaultMonthlyMinutes)),
      total,
      query,
    );
  });
}

export async function getCompany(deps: CompanyDeps, actor: Actor, id: string): Promise<Company> {
  const row = await findVisibleCompany(deps.db, actor, id);
  if (!row) throw errors.notFound('company', id);
  return toCompany(row, deps.defaultMonthlyMinutes);
}

export async function updateCompany(deps: CompanyDeps, actor: Actor, id: string, patch: UpdateCompanyInput, hook?: CommitHook): Promise<Company> {
  return transact(deps.db, deps.clock, COMPANIES_FEED, hook, async (trx, time) => {
    await lockCompany(trx, id); // PATCH reads, merges and writes: concurrent ones go one at a time
    const row = await findVisibleCompany(trx, actor, id);
    if (!row) throw errors.notFound('company', id);
    if (patch.plan && actor.apiKey.kind !== 'ATS') throw errors.accessDenied('Only an ATS key managing the company, or the operator CLI, may change its plan.');
    const changes: Partial<CompanyRow> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.ownerEmail !== undefined) changes.ownerEmail = patch.ownerEmail;
    if (patch.timezone !== undefined) changes.timezone = patch.timezone;
    if (patch.defaultLanguage !== undefined) changes.defaultLanguage = patch.defaultLanguage;
    if (patch.plan) changes.monthlyMinutes = patch.plan.monthlyMinutes;
    if (patch.metadata !== undefined) {
      const merged = mergePatch(JSON.parse(row.metadata), patch.metadata) as Metadata;
      const problems = metadataProblems(merged);
      if (problems.length > 0) throw errors.validation(problems.map((message) => ({ path: 'metadata', message, code: 'metadata_limit' })));
      changes.metadata = JSON.stringify(merged);
    }
    if (Object.keys(changes).length === 0) return toCompany(row, deps.defaultMonthlyMinutes);
    changes.updatedAt = time.at;
    await updateCompanyRow(trx, id, changes);
    return toCompany({ ...row, ...changes }, deps.defaultMonthlyMinutes);
  });
}

/** Operator CLI: set a company's monthly minute allowance. */
export async function setCompanyPlan(deps: CompanyDeps, id: string, monthlyMinutes: number): Promise<Company> {
  return transact(deps.db, deps.clock, COMPANIES_FEED, undefined, async (trx, time) => {
    await lockCompany(trx, id); // the answer is the row as written, not as another writer left it
    const row = await findCompanyById(trx, id);
    if (!row) throw errors.notFound('company', id);
    const changes = { monthlyMinutes, updatedAt: time.at };
    await updateCompanyRow(trx, id, changes);
    return toCompany({ ...row, ...changes }, deps.defaultMonthlyMinutes);
  });
}
