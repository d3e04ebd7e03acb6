import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { readFeed, type TransactionClock } from '../db/feed-clock.ts';
import { newId } from '../core/ids.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { type Metadata, mergePatch, metadataProblems } from '../metadata/metadata.ts';
import { findAgentRow, findAgentRowForUpdate, insertAgentRow, listAgentRows, replaceAgentRow, softDeleteAgentRow, toAgent } from './repository.ts';
import { agentRuleIssues, phoneNumberIssues } from './rules.ts';
import type { Agent, AgentListQuery, CreateAgentInput, UpdateAgentInput } from './schema.ts';

/**
 * Creates an agent inside an open transaction's scope: also the path for an agent created inline
 * with an interview. `pathPrefix` names fields in errors ("agent.cefrLevel").
 */
export async function insertAgent(scope: TxScope, time: TransactionClock, input: CreateAgentInput, pathPrefix = ''): Promise<Agent> {
  const issues = agentRuleIssues(input);
  if (input.companyPhoneNumberId) issues.push(...(await phoneNumberIssues(scope, input.companyPhoneNumberId)));
  if (issues.length > 0) throw errors.validation(issues.map((i) => ({ ...i, path: pathPrefix + i.path })));
  const agent: Agent = { id: newId(), companyId: scope.companyId, ...input, createdAt: time.at, updatedAt: time.at };
  await insertAgentRow(scope, agent);
  return agent;
}

export function createAgent(clock: Clock, ctx: CompanyContext, input: CreateAgentInput): Promise<Agent> {
  return companyTransaction(clock, ctx, (scope, time) => insertAgent(scope, time, input));
}

export async function getAgent(ctx: CompanyContext, id: string): Promise<Agent> {
  const row = await findAgentRow(ctx.scope, id);
  if (!row) throw errors.notFound('agent', id);
  return toAgent(row);
}

export async function listAgents(ctx: CompanyContext, query: AgentListQuery): Promise<Page<Agent>> {
  return readFeed(ctx.scope.db, ctx.scope.companyId, query, async (db) => {
    const { rows, total } = await listAgentRows(ctx.scope.in(db), query);
    return toPage(rows.map(toAgent), total, query);
  });
}

/**
 * PATCH: omitted fields keep their value, `null` clears, metadata merges (RFC 7396), and §5's rules
 * are checked on the resulting agent. A referenced phone number is checked again only when the
 * PATCH names it or switches the agent to PHONE, so an unrelated edit never fails on it.
 */
export async function updateAgent(clock: Clock, ctx: CompanyContext, id: string, patch: UpdateAgentInput): Promise<Agent> {
  return companyTransaction(clock, ctx, async (scope, time) => {
    const row = await findAgentRowForUpdate(scope, id);
    if (!row) throw errors.notFound('agent', id);
    const current = toAgent(row);
    const { metadata: metadataPatch, ...fields } = patch;
    const next: Agent = { ...current, ...fields };
    if (metadataPatch !== undefined) next.metadata = mergePatch(current.metadata, metadataPatch) as Metadata;

    const issues = agentRuleIssues(next);
    issues.push(...metadataProblems(next.metadata).map((message) => ({ path: 'metadata', message, code: 'metadata_limit' })));
    const phoneChanged = patch.companyPhoneNumberId !== undefined || (patch.type === 'PHONE' && current.type !== 'PHONE');
    if (next.companyPhoneNumberId && phoneChanged) issues.push(...(await phoneNumberIssues(scope, next.companyPhoneNumberId)));
    if (issues.length > 0) throw errors.validation(issues);

    if (JSON.stringify(next) === JSON.stringify(current)) return current;
    next.updatedAt = time.at;
    await replaceAgentRow(scope, next);
    return next;
  });
}

/** Soft delete: hidden everywhere; interviews that use it keep pointing at it. */
export async function deleteAgent(clock: Clock, ctx: CompanyContext, id: string): Promise<true> {
  const deleted = await companyTransaction(clock, ctx, (scope, time) => softDeleteAgentRow(scope, id, time.at));
  if (!deleted) throw errors.notFound('agent', id);
  return true;
}
