import { z } from 'zod';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { CompanyIdQuery, DeletedSchema, IdParamsSchema } from '../http/common-schemas.ts';
import { pageSchema } from '../http/pagination.ts';
import { companyContext } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import { AgentListQuery, AgentSchema, CreateAgentBody, UpdateAgentBody } from './schema.ts';
import { createAgent, deleteAgent, getAgent, listAgents, updateAgent } from './service.ts';

const tags = ['Agents'];
const CompanyQuery = z.object(CompanyIdQuery);

/** §5. */
export function agentRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/agents',
    routeSchema({ method: 'POST', operationId: 'createAgent', summary: 'Create an agent', tags, access: { scopes: ['write:agents'], companyScoped: true }, querystring: CompanyQuery, body: CreateAgentBody, success: { 201: AgentSchema } }),
    async (request, reply) => reply.code(201).send(await createAgent(deps.clock, companyContext(request, deps), request.body)),
  );

  app.get(
    '/agents',
    routeSchema({ method: 'GET', operationId: 'listAgents', summary: 'List agents', tags, access: { scopes: ['read:agents'], companyScoped: true }, querystring: AgentListQuery, success: { 200: pageSchema(AgentSchema, 'AgentPage') } }),
    async (request) => listAgents(companyContext(request, deps), request.query),
  );

  app.get(
    '/agents/:id',
    routeSchema({ method: 'GET', operationId: 'getAgent', summary: 'Get an agent', tags, access: { scopes: ['read:agents'], companyScoped: true }, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: AgentSchema } }),
    async (request) => getAgent(companyContext(request, deps), request.params.id),
  );

  app.patch(
    '/agents/:id',
    routeSchema({
      method: 'PATCH',
      operationId: 'updateAgent',
      summary: 'Update an agent',
      description: 'Omitted fields keep their value; null clears a nullable field; metadata is merged (RFC 7396). Rules are checked on the resulting agent.',
      tags,
      access: { scopes: ['write:agents'], companyScoped: true },
      params: IdParamsSchema,
      querystring: CompanyQuery,
      body: UpdateAgentBody,
      success: { 200: AgentSchema },
    }),
    async (request) => updateAgent(deps.clock, companyContext(request, deps), request.params.id, request.body),
  );

  app.delete(
    '/agents/:id',
    routeSchema({ method: 'DELETE', operationId: 'deleteAgent', summary: 'Delete an agent (soft)', tags, access: { scopes: ['delete:agents'], companyScoped: true }, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: DeletedSchema } }),
    async (request) => deleteAgent(deps.clock, companyContext(request, deps), request.params.id),
  );
}
