import { z, type ZodType } from 'zod';
import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import type { AppDeps, ZodApp } from './app-deps.ts';
import { CompanyIdQuery, DeletedSchema, IdParamsSchema } from './common-schemas.ts';
import { type Page, pageSchema } from './pagination.ts';
import { companyContext } from './request-context.ts';
import { routeSchema } from './route-docs.ts';

export interface CrudService<Create, Update, Query, Item> {
  create(clock: Clock, ctx: CompanyContext, input: Create): Promise<Item>;
  get(ctx: CompanyContext, id: string): Promise<Item>;
  list(ctx: CompanyContext, query: Query): Promise<Page<Item>>;
  update(clock: Clock, ctx: CompanyContext, id: string, patch: Update): Promise<Item>;
  remove(clock: Clock, ctx: CompanyContext, id: string): Promise<true>;
}

export interface CrudSpec<C extends ZodType, U extends ZodType, Q extends ZodType, I extends ZodType> {
  /** Collection path without the /v1 prefix, e.g. `/agents`. */
  path: string;
  /** Singular and plural names for operation ids and summaries: `Agent`, `Agents`. */
  name: string;
  plural: string;
  scope: 'agents' | 'candidates' | 'jobs' | 'interviews';
  schemas: { create: C; update: U; listQuery: Q; item: I };
  updateDescription: string;
  service: CrudService<z.output<C>, z.output<U>, z.output<Q>, z.output<I>>;
}

/**
 * The five routes every company-scoped resource has (§1): create 201, list, get, PATCH, soft
 * DELETE answering `true`. Each resource states only what differs: schemas and service.
 */
export function crudRoutes<C extends ZodType, U extends ZodType, Q extends ZodType, I extends ZodType>(app: ZodApp, deps: AppDeps, spec: CrudSpec<C, U, Q, I>): void {
  const { path, name, plural, schemas, service } = spec;
  const tags = [plural];
  const access = (action: 'read' | 'write' | 'delete') => ({ scopes: [`${action}:${spec.scope}` as const], companyScoped: true });
  const CompanyQuery = z.object(CompanyIdQuery);
  const article = /^[AEIOU]/.test(name) ? 'an' : 'a';
  const lower = name.toLowerCase();

  app.post(
    path,
    routeSchema({ method: 'POST', operationId: `create${name}`, summary: `Create ${article} ${lower}`, tags, access: access('write'), querystring: CompanyQuery, body: schemas.create, success: { 201: schemas.item } }),
    // `as never`: the reply type is inferred from the generic schema, which TypeScript cannot resolve.
    async (request, reply) => reply.code(201).send((await service.create(deps.clock, companyContext(request, deps), request.body as z.output<C>)) as never),
  );

  app.get(
    path,
    routeSchema({ method: 'GET', operationId: `list${plural}`, summary: `List ${plural.toLowerCase()}`, tags, access: access('read'), querystring: schemas.listQuery, success: { 200: pageSchema(schemas.item, `${name}Page`) } }),
    async (request) => service.list(companyContext(request, deps), request.query as z.output<Q>),
  );

  app.get(
    `${path}/:id`,
    routeSchema({ method: 'GET', operationId: `get${name}`, summary: `Get ${article} ${lower}`, tags, access: access('read'), params: IdParamsSchema, querystring: CompanyQuery, success: { 200: schemas.item } }),
    async (request) => service.get(companyContext(request, deps), request.params.id),
  );

  app.patch(
    `${path}/:id`,
    routeSchema({
      method: 'PATCH',
      operationId: `update${name}`,
      summary: `Update ${article} ${lower}`,
      description: spec.updateDescription,
      tags,
      access: access('write'),
      params: IdParamsSchema,
      querystring: CompanyQuery,
      body: schemas.update,
      success: { 200: schemas.item },
    }),
    async (request) => service.update(deps.clock, companyContext(request, deps), request.params.id, request.body as z.output<U>),
  );

  app.delete(
    `${path}/:id`,
    routeSchema({ method: 'DELETE', operationId: `delete${name}`, summary: `Delete ${article} ${lower} (soft)`, tags, access: access('delete'), params: IdParamsSchema, querystring: CompanyQuery, success: { 200: DeletedSchema } }),
    async (request) => service.remove(deps.clock, companyContext(request, deps), request.params.id),
  );
}
