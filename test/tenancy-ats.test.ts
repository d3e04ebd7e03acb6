/**
 * §3.3: ATS keys name the company they act for; company keys ignore `companyId`. Every documented
 * route takes part, classified by the document's `x-company-scoped` extension.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';
import { exampleBody, fillPath, isCreate, isItem, isList, opLabel, type Operation } from './openapi-routes.ts';
import { buildWorld, type Caller, COMPANIES, companyOf, expectError, expectSuccess, listIds } from './tenancy-world.ts';

const server = await startTestServer();
const world = await buildWorld(server);
const { a, b, doc } = world;
const ops = world.ops.filter((op) => op.authenticated);
const scoped = ops.filter((op) => op.companyScoped);
const unscoped = ops.filter((op) => !op.companyScoped);
const atsKeyA = await server.atsKey([a.id]);
const atsA = (query: Record<string, string>): Caller => ({ label: `ATS key managing A ${JSON.stringify(query)}`, api: atsKeyA.api, query, companyId: a.id });
afterAll(() => server.close());

/** Sends `op` as `caller` on company A's own resource (a fresh one: the call may change it). */
async function onOwnResource(caller: Caller, op: Operation) {
  const id = isItem(op) ? await world.fresh(op.collection, a) : null;
  return { id, res: await world.send(caller, op, id) };
}

describe('ATS keys: the classification', () => {
  it('marks every route company-scoped except companies, webhooks and billing (§3.3)', () => {
    expect(scoped.map((op) => op.operationId)).toEqual(expect.arrayContaining(['createAgent', 'listAgents', 'getAgent', 'updateAgent', 'deleteAgent', 'listPhoneNumbers', 'registerPhoneNumber']));
    expect(unscoped.map((op) => op.operationId)).toEqual(expect.arrayContaining(['createCompany', 'listCompanies', 'getCompany', 'updateCompany']));
    for (const op of ops) {
      const exempt = /^\/v1\/(company|companies|webhooks|billing)(\/|$)/.test(op.path);
      expect(op.companyScoped, opLabel(op)).toBe(!exempt);
    }
  });
});

describe.each(scoped.map((op) => [opLabel(op), op] as const))('ATS keys on %s', (_label, op) => {
  it('without companyId: 400 COMPANY_ID_REQUIRED', async () => {
    expectError((await onOwnResource(atsA({}), op)).res, 400, 'COMPANY_ID_REQUIRED');
  });

  it('with a malformed companyId: 400 VALIDATION_ERROR naming companyId', async () => {
    for (const companyId of ['not-a-uuid', `${a.id}x`, '1234']) {
      const error = expectError((await onOwnResource(atsA({ companyId }), op)).res, 400, 'VALIDATION_ERROR');
      expect(error.details.issues.map((i: { path: string }) => i.path)).toContain('companyId');
    }
  });

  it('with a company it does not manage: 403 RESOURCE_ACCESS_DENIED', async () => {
    for (const companyId of [b.id, crypto.randomUUID()]) expectError((await onOwnResource(atsA({ companyId }), op)).res, 403, 'RESOURCE_ACCESS_DENIED');
  });

  it('with a managed companyId: works, inside that company', async () => {
    for (const companyId of [a.id, a.id.toUpperCase()]) {
      const { id, res } = await onOwnResource(atsA({ companyId }), op);
      expectSuccess(res, op, id);
      const owner = companyOf(res);
      if (owner !== undefined && op.pathParams.length <= 1) expect(owner).toBe(a.id);
      if (isCreate(op)) expect((await world.read(op.collection, a, (res.body as { id: string }).id)).status).toBe(200);
    }
  });

  if (isItem(op)) {
    it("with a managed companyId but another company's resource: 404", async () => {
      const atsAB = await server.atsKey([a.id, b.id]);
      const caller: Caller = { label: 'ATS A+B acting for A', api: atsAB.api, query: { companyId: a.id }, companyId: a.id };
      expectError(await world.send(caller, op, world.ids.get(op.collection)?.b as string), 404, 'RESOURCE_NOT_FOUND');
    });
  }

  if (isList(doc, op)) {
    it('lists only the named company', async () => {
      const atsAB = await server.atsKey([a.id, b.id]);
      const ours = world.ids.get(op.collection) as { a: string; b: string };
      const { ids, rows } = await listIds(atsAB.api, op, { companyId: a.id });
      expect(ids).toContain(ours.a);
      expect(ids).not.toContain(ours.b);
      for (const row of rows) if (row.companyId !== undefined) expect(row.companyId).toBe(a.id);
    });
  }

  it("company keys ignore companyId, even another company's or a malformed one", async () => {
    for (const companyId of [b.id, 'not-a-uuid', crypto.randomUUID()]) {
      const caller: Caller = { label: `A company key naming ${companyId}`, api: a.api, query: { companyId }, companyId: a.id };
      const { id, res } = await onOwnResource(caller, op);
      expectSuccess(res, op, id);
      const owner = companyOf(res);
      if (owner !== undefined && op.pathParams.length <= 1) expect(owner).toBe(a.id);
      if (isList(doc, op)) {
        const { ids } = await listIds(a.api, op, { companyId });
        expect(ids).toContain(world.ids.get(op.collection)?.a);
        expect(ids).not.toContain(world.ids.get(op.collection)?.b);
      }
    }
  });
});

describe('company keys and a repeated companyId', () => {
  it.each(scoped.map((op) => [opLabel(op), op] as const))('%s ignores ?companyId=…&companyId=…', async (_label, op) => {
    const id = isItem(op) ? await world.fresh(op.collection, a) : null;
    const path = `${id === null ? op.path : fillPath(op, id, crypto.randomUUID())}?companyId=${b.id}&companyId=not-a-uuid`;
    const res = await a.api(op.method, path, { body: exampleBody(doc, op, (c) => world.ids.get(c)?.a) ?? undefined });
    expectSuccess(res, op, id);
  });
});

describe.each(unscoped.map((op) => [opLabel(op), op] as const))('ATS keys on the not company-scoped %s', (_label, op) => {
  it('work without companyId, on what the key may reach', async () => {
    const caller = atsA({});
    const id = isItem(op) ? await world.fresh(op.collection, caller) : null;
    expectSuccess(await world.send(caller, op, id), op, id);
  });

  if (isList(doc, op) && op.collection === COMPANIES) {
    it('list the managed companies only', async () => {
      const { ids } = await listIds(atsKeyA.api, op);
      expect(ids).toContain(a.id);
      expect(ids).not.toContain(b.id);
    });
  }

  if (isItem(op) && op.collection === COMPANIES) {
    it('answer 404 for a company the key does not manage', async () => {
      const error = expectError(await world.send(atsA({}), op, b.id), 404, 'RESOURCE_NOT_FOUND');
      expect(error.details.resourceId).toBe(b.id);
    });
  }

  it('company keys ignore companyId here too', async () => {
    const caller: Caller = { label: 'A company key naming B', api: a.api, query: { companyId: b.id }, companyId: a.id };
    const { id, res } = await onOwnResource(caller, op);
    if (isCreate(op) && op.collection === COMPANIES) expectError(res, 403, 'RESOURCE_ACCESS_DENIED');
    else expectSuccess(res, op, id);
    if (isList(doc, op)) {
      const { ids, rows } = await listIds(a.api, op, { companyId: b.id });
      expect(ids).not.toContain(b.id);
      expect(ids).not.toContain(world.ids.get(op.collection)?.b);
      for (const row of rows) if (row.companyId !== undefined && row.companyId !== null) expect(row.companyId).toBe(a.id);
    }
  });
});
