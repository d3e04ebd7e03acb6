import { z, type ZodType } from 'zod';
import type { Scope } from '../auth/scopes.ts';
import { ErrorEnvelopeSchema } from '../errors/envelope.ts';

type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 501 | 503;

export interface RouteAccess {
  /** Scopes the key must hold; empty for key-less routes. */
  scopes: Scope[];
  /** Needs an acting company (ATS keys name it with ?companyId=). */
  companyScoped: boolean;
  public?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

interface RouteDoc {
  operationId: string;
  summary: string;
  tags: string[];
  description?: string;
  access: RouteAccess;
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  /** Success status → body schema. */
  success: Record<number, ZodType>;
  /** Statuses beyond the ones every route of its kind can answer. */
  errors?: ErrorStatus[];
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
}

/** Extension (§1): any POST may carry an Idempotency-Key. */
const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().min(1).max(255).optional().describe('Replays the first answer for the same key, path and body within 24 h.'),
});

/**
 * Builds a route's schema so that every status the route can answer is documented with the error
 * envelope: the property test holds the server to exactly this list.
 */
export function routeSchema<const D extends RouteDoc>(doc: D) {
  const statuses = new Set<ErrorStatus>([400, 500, ...(doc.errors ?? [])]);
  if (!doc.access.public) [401, 403, 429].forEach((s) => statuses.add(s as ErrorStatus));
  // Any method but GET may carry a body, and the server parses one even where the route takes none.
  if (doc.body || doc.method !== 'GET') [413, 415].forEach((s) => statuses.add(s as ErrorStatus));
  if (doc.method === 'POST') [409, 422].forEach((s) => statuses.add(s as ErrorStatus));
  if (doc.params) statuses.add(404);
  const response: Record<number, ZodType> = { ...doc.success };
  for (const status of [...statuses].sort()) response[status] = ErrorEnvelopeSchema;
  // Only the parts a route has: Fastify warns about keys that are present but empty.
  const parts = Object.fromEntries(
    Object.entries({ params: doc.params, querystring: doc.querystring, body: doc.body, headers: doc.method === 'POST' ? IdempotencyHeaders : undefined }).filter(([, v]) => v !== undefined),
  ) as { params: D['params']; querystring: D['querystring']; body: D['body'] };
  return {
    schema: {
      operationId: doc.operationId,
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      tags: doc.tags,
      // OpenAPI 3.1 lets a non-OAuth requirement list role names: here, the scopes the key needs.
      security: doc.access.public ? [] : [{ bearerAuth: [...doc.access.scopes] }],
      // Extension: an ATS key must name the company it acts for with ?companyId= (§3.3).
      ...(doc.access.companyScoped ? { 'x-company-scoped': true } : {}),
      ...parts,
      response: response as D['success'] & Record<number, ZodType>,
    },
    config: { access: doc.access },
  };
}
