import { z } from 'zod';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { CompanyIdQuery, IdParamsSchema } from '../http/common-schemas.ts';
import { pageSchema } from '../http/pagination.ts';
import { companyContext, requireActor } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import { CreatedUserSchema, CreateUserBody, UpdateUserBody, UserListQuery, UserSchema } from './schema.ts';
import { createUser, deleteUser, getUser, listUsers, updateUser } from './service.ts';

const tags = ['Users'];
const read = { scopes: ['read:users' as const], companyScoped: true };
const write = { scopes: ['write:users' as const], companyScoped: true };
const CompanyQuery = z.object(CompanyIdQuery);

/** Extension (§15): the company's console users; an admin invites, changes, disables and deletes them. */
export function userRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/users',
    routeSchema({ method: 'GET', operationId: 'listUsers', summary: "List the company's console users (extension)", tags, access: read, querystring: UserListQuery, success: { 200: pageSchema(UserSchema, 'UserPage') } }),
    async (request) => listUsers(companyContext(request, deps), request.query),
  );

  app.get(
    '/users/:id',
    routeSchema({ method: 'GET', operationId: 'getUser', summary: 'Get a console user (extension)', tags, access: read, params: IdParamsSchema, querystring: CompanyQuery, success: { 200: UserSchema } }),
    async (request) => getUser(companyContext(request, deps), request.params.id),
  );

  app.post(
    '/users',
    routeSchema({
      method: 'POST',
      operationId: 'inviteUser',
      summary: 'Invite a console user (extension)',
      description: 'Answers the user with `invitationUrl`, a one-time link (24 h) where they set a password and sign in; it is shown only here. An email already used by a console user is a 409.',
      tags,
      access: write,
      querystring: CompanyQuery,
      body: CreateUserBody,
      success: { 201: CreatedUserSchema },
    }),
    async (request, reply) => {
      const created = await createUser(deps.clock, companyContext(request, deps), request.body, { publicUrl: deps.config.publicUrl });
      return reply.code(201).send({ ...created.user, invitationUrl: created.invitationUrl as string });
    },
  );

  app.patch(
    '/users/:id',
    routeSchema({
      method: 'PATCH',
      operationId: 'updateUser',
      summary: "Change a console user's role, disable or enable them, or end their sessions (extension)",
      description: 'Disabling ends their sessions. A signed-in admin cannot disable or demote themselves (409).',
      tags,
      access: write,
      params: IdParamsSchema,
      querystring: CompanyQuery,
      body: UpdateUserBody,
      success: { 200: UserSchema },
      errors: [409],
    }),
    async (request) => updateUser(deps.clock, companyContext(request, deps), request.params.id, request.body, requireActor(request).user?.id ?? null),
  );

  app.delete(
    '/users/:id',
    routeSchema({
      method: 'DELETE',
      operationId: 'deleteUser',
      summary: 'Delete a console user and end their sessions (extension)',
      description: 'A signed-in admin cannot delete themselves (409).',
      tags,
      access: write,
      params: IdParamsSchema,
      querystring: CompanyQuery,
      success: { 204: z.undefined() },
      errors: [409],
    }),
    async (request, reply) => {
      await deleteUser(deps.clock, companyContext(request, deps), request.params.id, requireActor(request).user?.id ?? null);
      return reply.code(204).send();
    },
  );
}
