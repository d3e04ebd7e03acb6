import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { IdParamsSchema } from '../http/common-schemas.ts';
import { ListQuerySchema, pageSchema } from '../http/pagination.ts';
import { requireActor } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import { CompanySchema, CreateCompanyBody, UpdateCompanyBody } from './schema.ts';
import { assertAtsKey, type CompanyDeps, createCompany, getCompany, listCompanies, updateCompany } from './service.ts';

const tags = ['Companies'];
const CompanyPage = pageSchema(CompanySchema, 'CompanyPage');

/** §7, served at /company and at its alias /companies (the alias stays out of the document). */
export function companyRoutes(app: ZodApp, deps: AppDeps): void {
  const service: CompanyDeps = { db: deps.database.db, clock: deps.clock, defaultMonthlyMinutes: deps.config.defaultMonthlyMinutes };
  const read = { scopes: ['read:companies' as const], companyScoped: false };
  const write = { scopes: ['write:companies' as const], companyScoped: false };

  for (const base of ['/company', '/companies']) {
    app.post(
      base,
      {
        ...routeSchema({ method: 'POST', operationId: 'createCompany', summary: 'Create a company (ATS keys only)', tags, access: write, body: CreateCompanyBody, success: { 201: CompanySchema } }),
        // §3.1 order: key → scope → company → the action. A company key is refused before its body is read.
        onRequest: async (request) => assertAtsKey(requireActor(request)),
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const company = await createCompany(service, actor, request.body, request.commitHook);
        deps.keys.forget(actor.apiKey.id);
        return reply.code(201).send(company);
      },
    );

    app.get(
      base,
      routeSchema({ method: 'GET', operationId: 'listCompanies', summary: "List the caller's companies", tags, access: read, querystring: ListQuerySchema, success: { 200: CompanyPage } }),
      async (request) => listCompanies(service, requireActor(request), request.query),
    );

    app.get(
      `${base}/:id`,
      routeSchema({ method: 'GET', operationId: 'getCompany', summary: 'Get a company', tags, access: read, params: IdParamsSchema, success: { 200: CompanySchema } }),
      async (request) => getCompany(service, requireActor(request), request.params.id),
    );

    app.patch(
      `${base}/:id`,
      routeSchema({
        method: 'PATCH',
        operationId: 'updateCompany',
        summary: 'Update a company',
        description: 'Metadata is merged (RFC 7396). Only an ATS key managing the company may change `plan`.',
        tags,
        access: write,
        params: IdParamsSchema,
        body: UpdateCompanyBody,
        success: { 200: CompanySchema },
      }),
      async (request) => updateCompany(service, requireActor(request), request.params.id, request.body, request.commitHook),
    );
  }
}
