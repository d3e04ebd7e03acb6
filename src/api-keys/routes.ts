import { z } from 'zod';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { CompanyIdQuery, IdParamsSchema } from '../http/common-schemas.ts';
import { pageSchema } from '../http/pagination.ts';
import { companyContext, requireActor } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import { ApiKeyListQuery, ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema } from './schema.ts';
import { createCompanyKey, getCompanyKey, listCompanyKeys, revokeCompanyKey } from './service.ts';

const tags = ['API keys'];
const read = { scopes: ['read:api-keys' as const], companyScoped: true };
const write = { scopes: ['write:api-keys' as const], companyScoped: true };
const CompanyQuery = z.object(CompanyIdQuery);

/** Extension (§15): the company's own API keys. */
export function apiKeyRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api-keys',
    routeSchema({ method: 'GET', operationId: 'listApiKeys', summary: "List the company's API keys (extension)", description: 'Revoked keys are listed with their revokedAt.', tags, access: read, querystring: ApiKeyListQuery, success: { 200: pageSchema(ApiKeySchema, 'ApiKeyPage') } }),
    async (request) => listCompanyKeys(companyContext(request, deps), request.query),
  );

  app.get(
    '/api-keys/:id',
    routeSchema({ method: 'GET', operationId: 'getApiKey', summary: 'Get an API key (extension)', tags, access: read, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: ApiKeySchema } }),
    async (request) => getCompanyKey(companyContext(request, deps), request.params.id),
  );

  app.post(
    '/api-keys',
    routeSchema({
      method: 'POST',
      operationId: 'createApiKey',
      summary: 'Create a company API key (extension)',
      description: 'The plaintext `key` is in this answer only. Scopes default to, and may not exceed, those of the caller.',
      tags,
      access: write,
      querystring: CompanyQuery,
      body: CreateApiKeyBody,
      success: { 201: CreatedApiKeySchema },
    }),
    async (request, reply) => {
      const { apiKey, plaintext } = await createCompanyKey(deps.clock, companyContext(request, deps), requireActor(request), request.body);
      return reply.code(201).send({ ...apiKey, key: plaintext });
    },
  );

  app.delete(
    '/api-keys/:id',
    routeSchema({ method: 'DELETE', operationId: 'revokeApiKey', summary: 'Revoke an API key (extension)', description: 'Every server process refuses it within 1 second.', tags, access: write, params: IdParamsSchema, querystring: CompanyQuery, success: { 204: z.undefined() } }),
    async (request, reply) => {
      await revokeCompanyKey(deps.clock, companyContext(request, deps), request.params.id);
      deps.keys.forget(request.params.id);
      return reply.code(204).send();
    },
  );
}
