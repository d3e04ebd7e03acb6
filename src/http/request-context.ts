import type { FastifyRequest } from 'fastify';
import type { Actor, CompanyContext } from '../auth/actor.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { errors } from '../errors/catalogue.ts';
import type { AppDeps } from './app-deps.ts';

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.invalidApiKey();
  return request.actor;
}

/** The acting company's context for a company-scoped route (set up by the auth hook). */
export function companyContext(request: FastifyRequest, deps: AppDeps): CompanyContext {
  const actor = requireActor(request);
  if (!actor.companyId) throw errors.companyIdRequired();
  return { scope: new TenantScope(deps.database.db, actor.companyId), commitHook: request.commitHook };
}
