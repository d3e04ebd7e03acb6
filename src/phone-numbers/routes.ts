import { z } from 'zod';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { CompanyIdQuery, IdParamsSchema } from '../http/common-schemas.ts';
import { pageSchema } from '../http/pagination.ts';
import { companyContext } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import { PhoneNumberListQuery, PhoneNumberSchema, RegisterPhoneNumberBody, UpdatePhoneNumberBody } from './schema.ts';
import { getPhoneNumber, listPhoneNumbers, registerPhoneNumber, retirePhoneNumber, updatePhoneNumber } from './service.ts';

const tags = ['Phone numbers'];
const read = { scopes: ['read:phone-numbers' as const], companyScoped: true };
const write = { scopes: ['write:phone-numbers' as const], companyScoped: true };
const CompanyQuery = z.object(CompanyIdQuery);

/** §6. */
export function phoneNumberRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/phone-numbers',
    routeSchema({ method: 'GET', operationId: 'listPhoneNumbers', summary: "List the company's phone numbers", tags, access: read, querystring: PhoneNumberListQuery, success: { 200: pageSchema(PhoneNumberSchema, 'PhoneNumberPage') } }),
    async (request) => listPhoneNumbers(companyContext(request, deps), request.query),
  );

  app.get(
    '/phone-numbers/:id',
    routeSchema({ method: 'GET', operationId: 'getPhoneNumber', summary: 'Get a phone number', tags, access: read, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: PhoneNumberSchema } }),
    async (request) => getPhoneNumber(companyContext(request, deps), request.params.id),
  );

  app.post(
    '/phone-numbers',
    routeSchema({
      method: 'POST',
      operationId: 'registerPhoneNumber',
      summary: 'Register a number the operator owns at the provider (extension)',
      tags,
      access: write,
      querystring: CompanyQuery,
      body: RegisterPhoneNumberBody,
      success: { 201: PhoneNumberSchema },
    }),
    async (request, reply) => reply.code(201).send(await registerPhoneNumber(deps.clock, companyContext(request, deps), request.body)),
  );

  app.patch(
    '/phone-numbers/:id',
    routeSchema({ method: 'PATCH', operationId: 'updatePhoneNumber', summary: 'Change capabilities, status or location', tags, access: write, params: IdParamsSchema, querystring: CompanyQuery, body: UpdatePhoneNumberBody, success: { 200: PhoneNumberSchema } }),
    async (request) => updatePhoneNumber(deps.clock, companyContext(request, deps), request.params.id, request.body),
  );

  app.delete(
    '/phone-numbers/:id',
    routeSchema({ method: 'DELETE', operationId: 'retirePhoneNumber', summary: 'Retire a phone number', tags, access: write, params: IdParamsSchema, querystring: CompanyQuery, success: { 204: z.undefined() } }),
    async (request, reply) => {
      await retirePhoneNumber(deps.clock, companyContext(request, deps), request.params.id);
      return reply.code(204).send();
    },
  );
}
