import type { Actor, CompanyContext } from '../auth/actor.ts';
import { type ApiKey, createApiKey, toApiKey } from '../auth/api-keys.ts';
import type { Scope } from '../auth/scopes.ts';
import type { Clock } from '../core/clock.ts';
import { forUpdate } from '../db/locks.ts';
import { literalLimit } from '../db/literal-limit.ts';
import { fetchPage } from '../db/paging.ts';
import { companyTransaction } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import type { ApiKeyListQuery, CreateApiKeyInput } from './schema.ts';

/*
 * Extension (§15): a company's own keys through the API, for the console's admins. COMPANY keys of
 * the acting company only; ATS keys stay the operator's (CLI). `api_keys` is not a tenant table
 * (an ATS key has no company), so every query here names the company itself.
 */

const ofCompany = (ctx: CompanyContext) => ctx.scope.db.selectFrom('apiKeys').where('companyId', '=', ctx.scope.companyId).where('kind', '=', 'COMPANY');

export async function listCompanyKeys(ctx: CompanyContext, query: ApiKeyListQuery): Promise<Page<ApiKey>> {
  const { rows, total } = await fetchPage(ctx.scope.db, ofCompany(ctx), { ...query, sort: 'createdAt' }, (qb) => qb.selectAll());
  return toPage(rows.map(toApiKey), total, query);
}

export async function getCompanyKey(ctx: CompanyContext, id: string): Promise<ApiKey> {
  const row = await ofCompany(ctx).selectAll().where('id', '=', id).limit(literalLimit(1)).executeTakeFirst();
  if (!row) throw errors.notFound('API key', id);
  return toApiKey(row);
}

/** A new COMPANY key of the acting company, with at most the caller's own scopes (no escalation). */
export async function createCompanyKey(clock: Clock, ctx: CompanyContext, actor: Actor, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; plaintext: string }> {
  const held = new Set<Scope>(actor.apiKey.scopes);
  const scopes = input.scopes ?? actor.apiKey.scopes;
  const missing = input.scopes?.findIndex((scope) => !held.has(scope)) ?? -1;
  if (missing >= 0) throw errors.field(`scopes.${missing}`, `you cannot grant ${input.scopes?.[missing]}: the caller does not hold it`, 'not_held');
  if (input.expiresAt && input.expiresAt <= clock.now().toISOString()) throw errors.field('expiresAt', 'must be in the future', 'in_past');
  return companyTransaction(clock, ctx, (scope, time) =>
    createApiKey(scope.db, time, { name: input.name, kind: 'COMPANY', companyId: scope.companyId, scopes: [...scopes], expiresAt: input.expiresAt ?? null, test: actor.apiKey.isTest }),
  );
}

/** Revokes the key (a revoked key stays listed, with revokedAt; revoking it again changes nothing). */
export async function revokeCompanyKey(clock: Clock, ctx: CompanyContext, id: string): Promise<void> {
  await companyTransaction(clock, ctx, async (scope, time) => {
    const row = await forUpdate(scope.db, scope.db.selectFrom('apiKeys').selectAll().where('companyId', '=', scope.companyId).where('kind', '=', 'COMPANY').where('id', '=', id)).executeTakeFirst();
    if (!row) throw errors.notFound('API key', id);
    if (!row.revokedAt) await scope.db.updateTable('apiKeys').set({ revokedAt: time.at }).where('id', '=', id).execute();
  });
}
