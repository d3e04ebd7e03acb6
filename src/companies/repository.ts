import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { fetchPage } from '../db/paging.ts';
import type { CompaniesTable, DB } from '../db/schema.ts';
import type { ListQuery } from '../http/pagination.ts';

export type CompanyRow = Selectable<CompaniesTable>;
/** A row to insert: the locale columns may be left to their defaults. */
export type NewCompanyRow = Omit<CompanyRow, 'timezone' | 'defaultLanguage'> & Partial<Pick<CompanyRow, 'timezone' | 'defaultLanguage'>>;

/**
 * Companies are the tenants themselves, so their door is the caller's key: a company key sees
 * its own company, an ATS key the companies granted to it.
 */
function visibleCompanies(db: Kysely<DB>, actor: Actor) {
  const query = db.selectFrom('companies');
  if (actor.apiKey.kind === 'COMPANY') return query.where('companies.id', '=', actor.apiKey.companyId ?? '');
  return query.where('companies.id', 'in', db.selectFrom('apiKeyCompanies').select('companyId').where('apiKeyId', '=', actor.apiKey.id));
}

export function findVisibleCompany(db: Kysely<DB>, actor: Actor, id: string): Promise<CompanyRow | undefined> {
  return visibleCompanies(db, actor).selectAll().where('companies.id', '=', id).executeTakeFirst();
}

export function listVisibleCompanies(db: Kysely<DB>, actor: Actor, query: ListQuery) {
  return fetchPage(db, visibleCompanies(db, actor), query, (qb) => qb.selectAll());
}

export async function insertCompany(db: Kysely<DB>, row: NewCompanyRow): Promise<void> {
  await db.insertInto('companies').values(row).execute();
}

export async function updateCompanyRow(trx: Transaction<DB>, id: string, changes: Partial<CompanyRow>): Promise<void> {
  await trx.updateTable('companies').set(changes).where('id', '=', id).execute();
}

export function findCompanyById(db: Kysely<DB>, id: string): Promise<CompanyRow | undefined> {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAllCompanies(db: Kysely<DB>): Promise<CompanyRow[]> {
  return db.selectFrom('companies').selectAll().orderBy('createdAt').orderBy('id').execute();
}
