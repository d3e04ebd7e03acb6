import type { TenantScope } from '../db/tenant-scope.ts';
import type { CommitHook } from '../db/transaction.ts';
import type { ApiKey } from './api-keys.ts';
import type { Role } from './scopes.ts';

/** Who is calling: the key, the companies it may act for, and the company it acts for now. */
export interface Actor {
  /** For a console session (§15), a company key of the user's company with the role's scopes, whose id is the user's. */
  apiKey: ApiKey;
  /** Set when a console session signed the request in. */
  user?: { id: string; role: Role; sessionIdHash: string } | undefined;
  companyIds: ReadonlySet<string>;
  /** Set on company-scoped routes: the key's company, or the ATS key's `?companyId=`. */
  companyId: string | null;
}

/** What a service needs to act inside one company (for a request, or for the operator's CLI). */
export interface CompanyContext {
  /** The tenant door: every query on company data goes through it. */
  scope: TenantScope;
  /** Commits with the service's own transaction (idempotency record). */
  commitHook?: CommitHook | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    commitHook: CommitHook | undefined;
  }
}
