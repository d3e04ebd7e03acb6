/**
 * Two companies with one resource of every documented collection each, and the helpers the
 * tenancy suites act with. Built from the OpenAPI document, so new collections join by themselves
 * (the example body generator in openapi-routes.ts, or a fixture there, must be able to create them).
 */
import { expect } from 'vitest';
import { SCOPES } from '../src/auth/scopes.ts';
import { type ApiClient, type ApiResponse, envelopeError, type SeededCompany, type TestServer } from './harness.ts';
import { CREATION_ORDER, exampleBody, PRECONDITIONED, fetchDocument, fillPath, isCreate, type OpenApiDocument, type Operation, operations } from './openapi-routes.ts';

export const COMPANIES = '/v1/company';

/** Who sends a request: a client, the query it adds, and the company it acts for. */
export interface Caller {
  label: string;
  api: ApiClient;
  query: Record<string, string>;
  companyId: string;
}

export interface World {
  server: TestServer;
  doc: OpenApiDocument;
  ops: Operation[];
  a: SeededCompany;
  b: SeededCompany;
  /** One long-lived resource per collection in each company (never deleted by the suites). */
  ids: Map<string, { a: string; b: string }>;
  /** Creates a new resource of `collection` as `owner` (a company key by default). */
  fresh(collection: string, owner: SeededCompany | Caller): Promise<string>;
  /** The resource as its own company's key reads it. */
  read(collection: string, company: SeededCompany, id: string): Promise<ApiResponse>;
  /** Deletes it through its DELETE route, if the collection has one. */
  remove(collection: string, company: SeededCompany, id: string): Promise<boolean>;
  /** Sends `op` as `caller` on resource `id` with a valid body unless one is given. */
  send(caller: SeededCompany | Caller, op: Operation, id: string | null, query?: Record<string, string>, body?: unknown): Promise<ApiResponse>;
}

const asCaller = (owner: SeededCompany | Caller): Caller => ('companyId' in owner ? owner : { label: 'company key', api: owner.api, query: {}, companyId: owner.id });

export async function buildWorld(server: TestServer): Promise<World> {
  const doc = await fetchDocument(server.anonymous);
  const ops = operations(doc);
  const a = await server.company('Tenant A');
  const b = await server.company('Tenant B');
  // Interviews reserve minutes (§10): give both companies room for every suite's interviews.
  await server.deps.database.db.updateTable('companies').set({ monthlyMinutes: 10_000_000 }).where('id', 'in', [a.id, b.id]).execute();
  const ids = new Map<string, { a: string; b: string }>();
  const refFor = (companyId: string) => (collection: string) => {
    const pair = ids.get(collection);
    return pair ? (companyId === a.id ? pair.a : companyId === b.id ? pair.b : undefined) : undefined;
  };
  const itemOp = (collection: string, method: string) => ops.find((op) => op.collection === collection && op.method === method && op.pathParams.length === 1);

  const send: World['send'] = (owner, op, id, query = {}, body) => {
    const caller = asCaller(owner);
    const path = id === null ? op.path : fillPath(op, id, crypto.randomUUID());
    const payload = body !== undefined ? body : (exampleBody(doc, op, refFor(caller.companyId)) ?? undefined);
    return caller.api(op.method, path, { body: payload, query: { ...caller.query, ...query } });
  };

  const fresh: World['fresh'] = async (collection, owner) => {
    const caller = asCaller(owner);
    if (collection === COMPANIES) return caller.companyId;
    const create = ops.find((op) => isCreate(op) && op.collection === collection);
    if (!create) throw new Error(`no create operation documented for ${collection}: teach tenancy-world.ts how to make one`);
    const res = await send(caller, create, null);
    if (res.status !== create.successStatus) throw new Error(`cannot create a ${collection} resource as ${caller.label} (${res.status}): ${res.text.slice(0, 300)}; add a fixture in openapi-routes.ts`);
    return (res.body as { id: string }).id;
  };

  const collections = [...new Set(ops.filter((op) => op.pathParams.length > 0).map((op) => op.collection))];
  const rank = (c: string) => (CREATION_ORDER.includes(c) ? CREATION_ORDER.indexOf(c) : CREATION_ORDER.length);
  collections.sort((x, y) => rank(x) - rank(y));
  for (const collection of collections) {
    const pair = { a: await fresh(collection, a), b: '' };
    pair.b = await fresh(collection, b);
    ids.set(collection, pair);
  }

  return {
    server,
    doc,
    ops,
    a,
    b,
    ids,
    fresh,
    send,
    async read(collection, company, id) {
      const get = itemOp(collection, 'GET');
      if (!get) throw new Error(`no GET item operation for ${collection}`);
      return company.api('GET', fillPath(get, id));
    },
    async remove(collection, company, id) {
      const del = itemOp(collection, 'DELETE');
      if (!del) return false;
      const res = await company.api('DELETE', fillPath(del, id));
      expect(res.status, res.text).toBe(del.successStatus);
      return true;
    },
  };
}

/** Every scope but the ones given. */
export function scopesWithout(...missing: string[]): (typeof SCOPES)[number][] {
  return SCOPES.filter((s) => !missing.includes(s));
}

/** Asserts an error answer: status, §2 envelope and code. Returns the error. */
export function expectError(res: ApiResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  const error = envelopeError(res);
  expect(error.code, res.text).toBe(code);
  return error;
}

/**
 * Asserts the operation went through. Operations that need state the world lacks answer their
 * documented precondition error (openapi-routes.ts PRECONDITIONED). Operations with a second path
 * id (a delivery of a webhook) cannot be given a real one generically: for them it is enough that
 * the parent was found and only the child's lookup failed (404 naming another id).
 */
export function expectSuccess(res: ApiResponse, op: Operation, parentId?: string | null): void {
  const precondition = PRECONDITIONED[op.operationId];
  if (precondition) {
    const error = expectError(res, precondition.status, precondition.code);
    if (precondition.resourceType) expect(error.details.resourceType, precondition.why).toBe(precondition.resourceType);
    return;
  }
  if (op.pathParams.length > 1) {
    const error = expectError(res, 404, 'RESOURCE_NOT_FOUND');
    if (parentId) expect(error.details.resourceId, `${op.path}: the parent must be found`).not.toBe(parentId);
    return;
  }
  expect(res.status, `${op.method} ${op.path}: ${res.text.slice(0, 400)}`).toBe(op.successStatus);
}

/** The resource's companyId when the answer carries one. */
export function companyOf(res: ApiResponse): string | null | undefined {
  const body = res.body as { companyId?: string | null } | undefined;
  return body && typeof body === 'object' ? body.companyId : undefined;
}

/** Ids on one page of a list, asking for the largest page. */
export async function listIds(client: ApiClient, op: Operation, query: Record<string, string> = {}): Promise<{ ids: string[]; rows: Record<string, unknown>[] }> {
  const res = await client('GET', op.path, { query: { limit: '100', ...query } });
  expect(res.status, res.text).toBe(200);
  const rows = (res.body as { data: Record<string, unknown>[] }).data;
  return { ids: rows.map((r) => r.id as string), rows };
}
