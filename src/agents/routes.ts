import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { crudRoutes } from '../http/crud-routes.ts';
import { AgentListQuery, AgentSchema, CreateAgentBody, UpdateAgentBody } from './schema.ts';
import { createAgent, deleteAgent, getAgent, listAgents, updateAgent } from './service.ts';

/** §5. */
export function agentRoutes(app: ZodApp, deps: AppDeps): void {
  crudRoutes(app, deps, {
    path: '/agents',
    name: 'Agent',
    plural: 'Agents',
    scope: 'agents',
    schemas: { create: CreateAgentBody, update: UpdateAgentBody, listQuery: AgentListQuery, item: AgentSchema },
    updateDescription:
      'Omitted fields keep their value; null clears a nullable field; metadata is merged (RFC 7396). Rules are checked on the resulting agent.',
    service: { create: createAgent, get: getAgent, list: listAgents, update: updateAgent, remove: deleteAgent },
  });
}
