import type { Selectable } from 'kysely';
import { forUpdate } from '../db/locks.ts';
import { fetchPage } from '../db/paging.ts';
import type { PhoneNumbersTable } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import type { PhoneNumber, PhoneNumberListQuery } from './schema.ts';

export type PhoneNumberRow = Selectable<PhoneNumbersTable>;

export function toPhoneNumber(row: PhoneNumberRow): PhoneNumber {
  return {
    id: row.id,
    number: row.number,
    companyId: row.companyId,
    capabilities: JSON.parse(row.capabilities) as PhoneNumber['capabilities'],
    provider: row.provider as PhoneNumber['provider'],
    status: row.status as PhoneNumber['status'],
    numberType: row.numberType as PhoneNumber['numberType'],
    location: row.location,
    custom: row.custom === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function live(scope: TenantScope) {
  return scope.selectFrom('phoneNumbers').where('deletedAt', 'is', null);
}

export function findPhoneNumber(scope: TenantScope, id: string): Promise<PhoneNumberRow | undefined> {
  return live(scope).selectAll().where('id', '=', id).executeTakeFirst();
}

/** A live number, locked until the transaction ends (PATCH and retire read, then write it). */
export function findPhoneNumberForUpdate(scope: TxScope, id: string): Promise<PhoneNumberRow | undefined> {
  return forUpdate(scope.db, live(scope).selectAll().where('id', '=', id)).executeTakeFirst();
}

export function listPhoneNumberRows(scope: TenantScope, query: PhoneNumberListQuery) {
  let base = live(scope);
  if (query.status) base = base.where('status', '=', query.status);
  return fetchPage(scope.db, base, query, (qb) => qb.selectAll());
}

export async function insertPhoneNumber(scope: TxScope, row: Omit<PhoneNumberRow, 'companyId'>): Promise<void> {
  await scope.insertInto('phoneNumbers', row).execute();
}

export async function updatePhoneNumberRow(scope: TxScope, id: string, changes: Partial<PhoneNumberRow>): Promise<void> {
  await scope.updateTable('phoneNumbers').set(changes).where('id', '=', id).execute();
}
