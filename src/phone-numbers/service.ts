import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { isUniqueViolation } from '../db/constraint-errors.ts';
import { transact } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { findPhoneNumber, findPhoneNumberForUpdate, insertPhoneNumber, listPhoneNumberRows, type PhoneNumberRow, toPhoneNumber, updatePhoneNumberRow } from './repository.ts';
import type { PhoneNumber, PhoneNumberListQuery, RegisterPhoneNumberInput, UpdatePhoneNumberInput } from './schema.ts';

export async function listPhoneNumbers(ctx: CompanyContext, query: PhoneNumberListQuery): Promise<Page<PhoneNumber>> {
  const { rows, total } = await listPhoneNumberRows(ctx.scope, query);
  return toPage(rows.map(toPhoneNumber), total, query);
}

export async function getPhoneNumber(ctx: CompanyContext, id: string): Promise<PhoneNumber> {
  const row = await findPhoneNumber(ctx.scope, id);
  if (!row) throw errors.notFound('phone number', id);
  return toPhoneNumber(row);
}

/** Extension (§6): register a number the operator owns at the provider. */
export async function registerPhoneNumber(clock: Clock, ctx: CompanyContext, input: RegisterPhoneNumberInput): Promise<PhoneNumber> {
  const now = clock.now().toISOString();
  const row: Omit<PhoneNumberRow, 'companyId'> = {
    id: newId(),
    number: input.number,
    capabilities: JSON.stringify(input.capabilities),
    provider: input.provider,
    status: 'AVAILABLE',
    numberType: input.numberType,
    location: input.location ?? null,
    custom: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  try {
    await transact(ctx.scope.db, ctx.commitHook, (trx) => insertPhoneNumber(ctx.scope.in(trx), row));
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict(`The number ${input.number} is already registered.`, { field: 'number' });
    throw error;
  }
  return toPhoneNumber({ ...row, companyId: ctx.scope.companyId });
}

export async function updatePhoneNumber(clock: Clock, ctx: CompanyContext, id: string, patch: UpdatePhoneNumberInput): Promise<PhoneNumber> {
  return transact(ctx.scope.db, ctx.commitHook, async (trx) => {
    const scope = ctx.scope.in(trx);
    const row = await findPhoneNumberForUpdate(scope, id);
    if (!row) throw errors.notFound('phone number', id);
    const changes: Partial<PhoneNumberRow> = {};
    if (patch.capabilities) changes.capabilities = JSON.stringify(patch.capabilities);
    if (patch.status) changes.status = patch.status;
    if (patch.location !== undefined) changes.location = patch.location;
    if (Object.keys(changes).length === 0) return toPhoneNumber(row);
    changes.updatedAt = clock.now().toISOString();
    await updatePhoneNumberRow(scope, id, changes);
    return toPhoneNumber({ ...row, ...changes });
  });
}

/** Retires a number: it disappears, agents can no longer use it, and the number may be registered again. */
export async function retirePhoneNumber(clock: Clock, ctx: CompanyContext, id: string): Promise<void> {
  await transact(ctx.scope.db, ctx.commitHook, async (trx) => {
    const scope = ctx.scope.in(trx);
    const row = await findPhoneNumberForUpdate(scope, id);
    if (!row) throw errors.notFound('phone number', id);
    const now = clock.now().toISOString();
    await updatePhoneNumberRow(scope, id, { deletedAt: now, updatedAt: now });
  });
}
