import type { Selectable } from 'kysely';
import { forUpdate } from '../db/locks.ts';
import { fetchPage } from '../db/paging.ts';
import type { AgentsTable } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import { containsInsensitive } from '../db/text-search.ts';
import type { Metadata } from '../metadata/metadata.ts';
import type { Agent, AgentListQuery } from './schema.ts';

export type AgentRow = Selectable<AgentsTable>;

export function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    type: row.type as Agent['type'],
    focus: row.focus as Agent['focus'],
    language: row.language as Agent['language'],
    duration: row.duration,
    questions: JSON.parse(row.questions) as string[],
    instructions: row.instructions,
    voiceId: row.voiceId as Agent['voiceId'],
    companyPhoneNumberId: row.companyPhoneNumberId,
    cefrLevel: row.cefrLevel as Agent['cefrLevel'],
    backgroundSound: row.backgroundSound as Agent['backgroundSound'],
    metadata: JSON.parse(row.metadata) as Metadata,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toAgentRow(agent: Agent): Omit<AgentRow, 'companyId'> {
  return {
    id: agent.id,
    name: agent.name,
    type: agent.type,
    focus: agent.focus,
    language: agent.language,
    duration: agent.duration,
    questions: JSON.stringify(agent.questions),
    instructions: agent.instructions,
    voiceId: agent.voiceId,
    companyPhoneNumberId: agent.companyPhoneNumberId,
    cefrLevel: agent.cefrLevel,
    backgroundSound: agent.backgroundSound,
    metadata: JSON.stringify(agent.metadata),
    createdAt: agent.createdAt,
    updatedAt: agent.updatedAt,
    deletedAt: null,
  };
}

function live(scope: TenantScope) {
  return scope.selectFrom('agents').where('deletedAt', 'is', null);
}

/** A live agent; `includeDeleted` for interviews, which keep pointing at a deleted agent (§5). */
export function findAgentRow(scope: TenantScope, id: string, options: { includeDeleted?: boolean } = {}): Promise<AgentRow | undefined> {
  const agents = options.includeDeleted ? scope.selectFrom('agents') : live(scope);
  return agents.selectAll().where('id', '=', id).executeTakeFirst();
}

/** A live agent, locked until the transaction ends: PATCH reads, merges and writes it back. */
export function findAgentRowForUpdate(scope: TxScope, id: string): Promise<AgentRow | undefined> {
  return forUpdate(scope.db, live(scope).selectAll().where('id', '=', id)).executeTakeFirst();
}

export function listAgentRows(scope: TenantScope, query: AgentListQuery) {
  let base = live(scope);
  if (query.type !== undefined) base = base.where('type', '=', query.type);
  if (query.focus !== undefined) base = base.where('focus', '=', query.focus);
  if (query.language !== undefined) base = base.where('language', '=', query.language);
  if (query.search) base = base.where(containsInsensitive(scope.db, 'name', query.search));
  return fetchPage(scope.db, base, query, (qb) => qb.selectAll());
}

export async function insertAgentRow(scope: TxScope, agent: Agent): Promise<void> {
  await scope.insertInto('agents', toAgentRow(agent)).execute();
}

export async function replaceAgentRow(scope: TxScope, agent: Agent): Promise<void> {
  const { id: _id, createdAt: _createdAt, deletedAt: _deletedAt, ...changes } = toAgentRow(agent);
  await scope.updateTable('agents').set(changes).where('id', '=', agent.id).where('deletedAt', 'is', null).execute();
}

export async function softDeleteAgentRow(scope: TxScope, id: string, at: string): Promise<boolean> {
  const result = await scope.updateTable('agents').set({ deletedAt: at, updatedAt: at }).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
