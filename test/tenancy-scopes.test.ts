/**
 * §3.1/§3.2: every route refuses a key lacking its scope with 403 INSUFFICIENT_PERMISSIONS naming
 * it, and the checks run in the order key → scope → company → the action itself.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../src/auth/scopes.ts';
import { type ApiClient, startTestServer } from './harness.ts';
import { isCreate, isItem, opLabel, type Operation } from './openapi-routes.ts';
import { buildWorld, type Caller, COMPANIES, expectError, expectSuccess, scopesWithout } from './tenancy-world.ts';

const server = await startTestServer();
const world = await buildWorld(server);
const { a, b } = world;
const ops = world.ops.filter((op) => op.authenticated);
afterAll(() => server.close());

type Scope = (typeof SCOPES)[number];
/** A key of company A (or an ATS key managing A) holding exactly `scopes`. */
async function keyOfA(scopes: Scope[], kind: 'COMPANY' | 'ATS' = 'COMPANY', query: Record<string, string> = {}): Promise<Caller> {
  const key = kind === 'COMPANY' ? await server.companyKey(a.id, { scopes }) : await server.atsKey([a.id], { scopes });
  return { label: `${kind} key with ${scopes.length} scopes`, api: key.api, query, companyId: a.id };
}

/**
 * The scope §3.2 implies for a route: read for GET, write for POST/PATCH, and for DELETE of the
 * resource itself its delete scope where it has one (removing a part of it, such as a call
 * attempt, changes the resource: write).
 */
function conventionalScope(op: Operation): string {
  const segment = op.path.split('/')[2] as string;
  const resource = segment === 'company' ? 'companies' : segment;
  const deletesItself = op.method === 'DELETE' && op.path.split('/').length === 4 && (SCOPES as readonly string[]).includes(`delete:${resource}`);
  const verb = op.method === 'GET' ? 'read' : deletesItself ? 'delete' : 'write';
  return `${verb}:${resource}`;
}

/** Company A's resource for `op` (a fresh one when the call would change it). */
async function subject(op: Operation): Promise<string | null> {
  if (!isItem(op)) return null;
  return op.method === 'GET' ? (world.ids.get(op.collection)?.a as string) : world.fresh(op.collection, a);
}

describe('scopes: what the document claims', () => {
  it('every authenticated route needs at least the scope §3.2 implies, and only known scopes', () => {
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      expect(op.scopes, opLabel(op)).toContain(conventionalScope(op));
      for (const scope of op.scopes) expect(SCOPES, opLabel(op)).toContain(scope);
    }
  });

  it('matches §5-§7 for the routes that exist today', () => {
    const expected: Record<string, string> = {
      createAgent: 'write:agents', listAgents: 'read:agents', getAgent: 'read:agents', updateAgent: 'write:agents', deleteAgent: 'delete:agents',
      listPhoneNumbers: 'read:phone-numbers', getPhoneNumber: 'read:phone-numbers', registerPhoneNumber: 'write:phone-numbers',
      updatePhoneNumber: 'write:phone-numbers', retirePhoneNumber: 'write:phone-numbers',
      createCompany: 'write:companies', listCompanies: 'read:companies', getCompany: 'read:companies', updateCompany: 'write:companies',
    };
    for (const [operationId, scope] of Object.entries(expected)) expect(ops.find((op) => op.operationId === operationId)?.scopes, operationId).toEqual([scope]);
  });
});

describe.each(ops.map((op) => [opLabel(op), op] as const))('scopes: %s', (_label, op) => {
  it('refuses a key lacking each required scope with 403 naming it, and does nothing', async () => {
    for (const scope of op.scopes) {
      const key = await keyOfA(scopesWithout(scope));
      const id = await subject(op);
      const before = id ? await world.read(op.collection, a, id) : null;
      const error = expectError(await world.send(key, op, id), 403, 'INSUFFICIENT_PERMISSIONS');
      expect(error.message).toContain(scope);
      if (id) expect((await world.read(op.collection, a, id)).body, 'the refused call changed the resource').toEqual(before?.body);
    }
  });

  it('accepts a key holding exactly the required scopes (control)', async () => {
    // Companies are created by ATS keys only, so the control for every route is an ATS key of A.
    // An ATS key reaches company A's rows of company-scoped collections and A itself; other rows
    // (webhooks) belong to the key that made them, which this narrow key cannot do.
    if (op.companyScoped || op.collection === COMPANIES || !isItem(op)) {
      const ats = await keyOfA(op.scopes as Scope[], 'ATS', op.companyScoped ? { companyId: a.id } : {});
      const id = await subject(op);
      expectSuccess(await world.send(ats, op, id), op, id);
    }
    if (!(isCreate(op) && op.collection === COMPANIES)) {
      const own = await keyOfA(op.scopes as Scope[]);
      const ownId = await subject(op);
      expectSuccess(await world.send(own, op, ownId), op, ownId);
    }
  });

  it('checks the scope before the company: an ATS key without the scope gets 403, whatever companyId says', async () => {
    const [scope] = op.scopes;
    if (!scope) return;
    const ats = await keyOfA(scopesWithout(scope), 'ATS');
    const id = await subject(op);
    for (const query of [{}, { companyId: 'not-a-uuid' }, { companyId: b.id }, { companyId: a.id }] as Record<string, string>[]) {
      const error = expectError(await world.send(ats, op, id, query), 403, 'INSUFFICIENT_PERMISSIONS');
      expect(error.message, JSON.stringify(query)).toContain(scope);
    }
  });

  it('checks the scope before the action: no 400 for a bad body or id, no 404 for a foreign id', async () => {
    const [scope] = op.scopes;
    if (!scope) return;
    const key = await keyOfA(scopesWithout(scope));
    const attempts: [string | null, unknown][] = [];
    if (isItem(op)) attempts.push([world.ids.get(op.collection)?.b as string, undefined], ['not-a-uuid', undefined], [crypto.randomUUID(), undefined]);
    if (op.body) attempts.push([await subject(op), { noSuchField: 1 }], [await subject(op), []]);
    for (const [id, body] of attempts) expectError(await world.send(key, op, id, {}, body), 403, 'INSUFFICIENT_PERMISSIONS');
  });

  it('checks the key before everything: no key and an unknown key get 401 INVALID_API_KEY', async () => {
    const unknown: ApiClient = (method, path, options = {}) => server.anonymous(method, path, { ...options, headers: { authorization: `Bearer sk_live_${'Z'.repeat(40)}` } });
    for (const api of [server.anonymous, unknown]) {
      const caller: Caller = { label: 'no valid key', api, query: {}, companyId: a.id };
      for (const [id, query] of [[isItem(op) ? 'not-a-uuid' : null, {}], [isItem(op) ? (world.ids.get(op.collection)?.a as string) : null, { companyId: 'x' }]] as const) {
        expectError(await world.send(caller, op, id, query, op.body ? { noSuchField: 1 } : undefined), 401, 'INVALID_API_KEY');
      }
    }
  });
});
