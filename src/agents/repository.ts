import type { Selectable } from 'kysely';
import { forUpdate } from '../db/locks.ts';
import { RenderedJson } from '../core/rendered-json.ts';
import { PreparedPage } from '../db/paging.ts';
import { PreparedQuery } from '../db/prepared-query.ts';
import type { AgentsTable } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import { containsPattern, matchesPattern } from '../db/text-search.ts';
import type { Metadata } from '../metadata/metadata.ts';
import { compileResponseSerializer } from '../http/response-serializer.ts';
import { type Agent, type AgentListQuery, AgentSchema } from './schema.ts';

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

/**
 * The agent as GET and the list answer it, stored with the row (src/db/json-rows.ts): written by
 * the same compiled shaper as every response, so it is exactly what POST and PATCH answer.
 */
const renderAgentJson = compileResponseSerializer(AgentSchema);

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
    apiJson: renderAgentJson(agent),
  };
}

function live(scope: TenantScope) {
  return scope.selectFrom('agents').where('deletedAt', 'is', null);
}

const findLive = new PreparedQuery((scope, args: { id: string }) => live(scope).selectAll().where('id', '=', args.id));
const findLiveJson = new PreparedQuery((scope, args: { id: string }) => live(scope).select('apiJson as json').where('id', '=', args.id));
const findAny = new PreparedQuery((scope, args: { id: string }) => scope.selectFrom('agents').selectAll().where('id', '=', args.id));

/** A live agent; `includeDeleted` for interviews, which keep pointing at a deleted agent (§5). */
export function findAgentRow(scope: TenantScope, id: string, options: { includeDeleted?: boolean } = {}): Promise<AgentRow | undefined> {
  return (options.includeDeleted ? findAny : findLive).takeFirst(scope, { id });
}

/** A live agent as the API shows it, as the database keeps it rendered (src/db/json-rows.ts). */
export async function findAgentForResponse(scope: TenantScope, id: string): Promise<RenderedJson<Agent> | undefined> {
  const row = await findLiveJson.takeFirst(scope, { id });
  return row && new RenderedJson<Agent>(row.json);
}

/** A live agent, locked until the transaction ends: PATCH reads, merges and writes it back. */
export function findAgentRowForUpdate(scope: TxScope, id: string): Promise<AgentRow | undefined> {
  return forUpdate(scope.db, live(scope).selectAll().where('id', '=', id)).executeTakeFirst();
}

interface AgentFilters {
  type: string | undefined;
  focus: string | undefined;
  language: string | undefined;
  searchPattern: string | undefined;
}

const agentPage = new PreparedPage<AgentFilters, Agent>(
  (scope, f: AgentFilters) => {
    let base = live(scope);
    if (f.type !== undefined) base = base.where('type', '=', f.type);
    if (f.focus !== undefined) base = base.where('focus', '=', f.focus);
    if (f.language !== undefined) base = base.where('language', '=', f.language);
    if (f.searchPattern !== undefined) base = base.where(matchesPattern(scope.db, 'name', f.searchPattern));
    return base;
  },
  'apiJson',
);

/** A page of live agents as the API shows them, as the database keeps them rendered. */
export function listAgentPage(scope: TenantScope, query: AgentListQuery): Promise<{ items: RenderedJson<Agent[]>; total: number }> {
  const filters = { type: query.type, focus: query.focus, language: query.language, searchPattern: query.search ? containsPattern(query.search) : undefined };
  return agentPage.fetch(scope, filters, query);
}

const insertRow = new PreparedQuery((scope: TxScope, row: Omit<AgentRow, 'companyId'>) => scope.insertInto('agents', row));

export async function insertAgentRow(scope: TxScope, agent: Agent): Promise<void> {
  await insertRow.run(scope, toAgentRow(agent));
}

export async function replaceAgentRow(scope: TxScope, agent: Agent): Promise<void> {
  const { id: _id, createdAt: _createdAt, deletedAt: _deletedAt, ...changes } = toAgentRow(agent);
  await scope.updateTable('agents').set(changes).where('id', '=', agent.id).where('deletedAt', 'is', null).execute();
}

export async function softDeleteAgentRow(scope: TxScope, id: string, at: string): Promise<boolean> {
  const result = await scope.updateTable('agents').set({ deletedAt: at, updatedAt: at }).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
