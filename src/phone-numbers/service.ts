import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { isUniqueViolation } from '../db/constraint-errors.ts';
import { readFeed } from '../db/feed-clock.ts';
import { companyTransaction } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { findPhoneNumber, findPhoneNumberForUpdate, insertPhoneNumber, listPhoneNumberRows, type PhoneNumberRow, toPhoneNumber, updatePhoneNumberRow } from './repository.ts';
import type { PhoneNumber, PhoneNumberListQuery, RegisterPhoneNumberInput, UpdatePhoneNumberInput } from './schema.ts';

export async function listPhoneNumbers(ctx: CompanyContext, query: PhoneNumberListQuery): Promise<Page<PhoneNumber>> {
  return readFeed(ctx.scope.db, ctx.scope.companyId, query, async (db) => {
    const { rows, total } = await listPhoneNumberRows(ctx.scope.in(db), query);
    return toPage(rows.map(toPhoneNumber), total, query);
  });
}

export async function getPhoneNumber(ctx: CompanyContext, id: string): Promise<PhoneNumber> {
  const row = await findPhoneNumber(ctx.scope, id);
  if (!row) throw errors.notFound('phone number', id);
  return toPhoneNumber(row);
}

/** Extension (§6): register a number the operator owns at the provider. */
export async function registerPhoneNumber(clock: Clock, ctx: CompanyContext, input: RegisterPhoneNumberInput): Promise<PhoneNumber> {
  try {
    return await companyTransaction(clock, ctx, async (scope, time) => {
      const row: Omit<PhoneNumberRow, 'companyId'> = {
        id: newId(),
        number: input.number,
        capabilities: JSON.stringify(input.capabilities),
        provider: input.provider,
        status: 'AVAILABLE',
        numberType: input.numberType,
        location: input.location ?? null,
        custom: 1,
        createdAt: time.at,
        updatedAt: time.at,
        deletedAt: null,
      };
      await insertPhoneNumber(scope, row);
      return toPhoneNumber({ ...row, companyId: scope.companyId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict(`The number ${input.number} is already registered.`, { field: 'number' });
    throw error;
  }
}

export async function updatePhoneNumber(clock: Clock, ctx: CompanyContext, id: string, patch: UpdatePhoneNumberInput): Promise<PhoneNumber> {
  return companyTransaction(clock, ctx, async (scope, time) => {
    const row = await findPhoneNumberForUpdate(scope, id);
    if (!row) throw errors.notFound('phone number', id);
    const changes: Partial<PhoneNumberRow> = {};
    if (patch.capabilities) changes.capabilities = JSON.stringify(patch.capabilities);
    if (patch.status) changes.status = patch.status;
    if (patch.location !== undefined) changes.location = patch.location;
    if (Object.keys(changes).length === 0) return toPhoneNumber(row);
    changes.updatedAt = time.at;
    await updatePhoneNumberRow(scope, id, changes);
    return toPhoneNumber({ ...row, ...changes });
  });
}

/** Retires a number: it disappears, agents can no longer use it, and the number may be registered again. */
export async function retirePhoneNumber(clock: Clock, ctx: CompanyContext, id: string): Promise<void> {
  await companyTransaction(clock, ctx, async (scope, time) => {
    const row = await findPhoneNumberForUpdate(scope, id);
    if (!row) throw errors.notFound('phone number', id);
    await updatePhoneNumberRow(scope, id, { deletedAt: time.at, updatedAt: time.at });
  });
}
