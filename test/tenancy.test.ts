/**
 * Tenancy across companies (§2, §3.3): another company never sees, changes or links to our rows.
 * Every documented route takes part; the route list comes from GET /v1/openapi.json.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.ts';
import { exampleBody, isCreate, isItem, isList, opLabel, REFERENCE_FIELDS, referenceValue } from './openapi-routes.ts';
import { buildWorld, type Caller, COMPANIES, companyOf, expectError, expectSuccess, listIds } from './tenancy-world.ts';

const server = await startTestServer();
const world = await buildWorld(server);
const { a, b, doc } = world;
const ops = world.ops.filter((op) => op.authenticated);
const atsB = await server.atsKey([b.id]);
const atsAB = await server.atsKey([a.id, b.id]);
afterAll(() => server.close());

/** Callers that act for company B, whatever they say about A. */
function callersAsB(companyScoped: boolean): Caller[] {
  const callers: Caller[] = [
    { label: 'B company key', api: b.api, query: {}, companyId: b.id },
    { label: "B company key naming A's companyId", api: b.api, query: { companyId: a.id }, companyId: b.id },
  ];
  if (companyScoped) {
    callers.push({ label: 'ATS key managing B', api: atsB.api, query: { companyId: b.id }, companyId: b.id });
    callers.push({ label: 'ATS key managing A and B, acting for B', api: atsAB.api, query: { companyId: b.id }, companyId: b.id });
  } else callers.push({ label: 'ATS key managing only B', api: atsB.api, query: {}, companyId: b.id });
  return callers;
}

describe('tenancy: the route list', () => {
  it('comes from the document and covers agents, phone numbers and companies', () => {
    const paths = new Set(ops.map((op) => op.path));
    for (const path of ['/v1/agents', '/v1/agents/{id}', '/v1/phone-numbers', '/v1/phone-numbers/{id}', '/v1/company', '/v1/company/{id}']) expect(paths).toContain(path);
    expect(ops.filter(isItem).length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(ops.filter(isItem).map((op) => [opLabel(op), op] as const))("tenancy: %s on the first company's resource", (_label, op) => {
  it('answers 404 RESOURCE_NOT_FOUND to every caller acting for another company, and changes nothing', async () => {
    const id = await world.fresh(op.collection, a);
    const before = await world.read(op.collection, a, id);
    expect(before.status).toBe(200);
    for (const caller of callersAsB(op.companyScoped)) {
      const res = await world.send(caller, op, id);
      const error = expectError(res, 404, 'RESOURCE_NOT_FOUND');
      expect(error.details.resourceId, caller.label).toBe(id);
      expect(typeof error.details.resourceType, caller.label).toBe('string');
      if (op.collection !== COMPANIES) expect(res.text, `${caller.label}: the answer must not reveal the owner`).not.toContain(a.id);
    }
    const after = await world.read(op.collection, a, id);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
  });

  it('works for the owner (control)', async () => {
    const id = await world.fresh(op.collection, a);
    const res = await world.send(a, op, id);
    expectSuccess(res, op, id);
    const owner = companyOf(res);
    if (owner !== undefined && op.pathParams.length === 1) expect(owner).toBe(a.id);
  });
});

describe.each(ops.filter((op) => isList(doc, op)).map((op) => [opLabel(op), op] as const))('tenancy: list %s', (_label, op) => {
  it('shows another company none of our rows, even when it names our companyId', async () => {
    const ours = world.ids.get(op.collection)?.a ?? a.id;
    for (const caller of callersAsB(op.companyScoped)) {
      const theirs = await world.fresh(op.collection, caller);
      const { ids, rows } = await listIds(caller.api, op, caller.query);
      expect(ids, caller.label).not.toContain(ours);
      expect(ids, `${caller.label} (control: its own rows are listed)`).toContain(theirs);
      for (const row of rows) {
        const owner = op.collection === COMPANIES ? row.id : row.companyId;
        if (owner !== undefined && owner !== null) expect(owner, caller.label).toBe(b.id);
      }
      expect(JSON.stringify(rows), caller.label).not.toContain(a.id);
    }
  });

  it('shows the owner its rows (control)', async () => {
    const { ids } = await listIds(a.api, op);
    expect(ids).toContain(world.ids.get(op.collection)?.a ?? a.id);
    expect(ids).not.toContain(world.ids.get(op.collection)?.b ?? b.id);
  });
});

describe.each(ops.filter((op) => isCreate(op) && op.companyScoped).map((op) => [opLabel(op), op] as const))('tenancy: create %s', (_label, op) => {
  it("creates in the caller's own company even when the query names another", async () => {
    for (const caller of callersAsB(true)) {
      const res = await world.send(caller, op, null);
      expectSuccess(res, op);
      expect(companyOf(res), caller.label).toBe(b.id);
      const id = (res.body as { id: string }).id;
      expect((await world.read(op.collection, a, id)).status, caller.label).toBe(404);
      expect((await world.read(op.collection, b, id)).status, caller.label).toBe(200);
    }
  });
});

describe('tenancy: companies', () => {
  it('only ATS keys create companies, and a new company is visible to its creator only', async () => {
    const create = ops.find((op) => isCreate(op) && op.collection === COMPANIES);
    expect(create).toBeDefined();
    if (!create) return;
    expectError(await world.send(a, create, null), 403, 'RESOURCE_ACCESS_DENIED');
    const res = await world.send({ label: 'ATS B', api: atsB.api, query: {}, companyId: b.id }, create, null);
    expectSuccess(res, create);
    const id = (res.body as { id: string }).id;
    expect((await atsB.api('GET', `/v1/company/${id}`)).status).toBe(200);
    for (const client of [a.api, b.api, atsAB.api]) expectError(await client('GET', `/v1/company/${id}`), 404, 'RESOURCE_NOT_FOUND');
  });
});

/** Body fields naming another resource: every documented body that has one (§1). */
const referenceCases = ops
  .filter((op) => op.body?.properties)
  .flatMap((op) => Object.keys(op.body?.properties ?? {}).filter((field) => REFERENCE_FIELDS[field] && world.ids.has(REFERENCE_FIELDS[field] as string)).map((field) => [`${opLabel(op)} ${field}`, op, field] as const));

describe('tenancy: ids inside a body', () => {
  it('are found in the document (companyPhoneNumberId on agents at least)', () => {
    expect(referenceCases.map(([, op, field]) => `${op.operationId}.${field}`)).toEqual(expect.arrayContaining(['createAgent.companyPhoneNumberId', 'updateAgent.companyPhoneNumberId']));
  });
});

/** The fields the issues name, without list indexes (`jobIds.0` names `jobIds`). */
const issuePaths = (error: { details: Record<string, unknown> }) => (error.details.issues as { path: string }[]).map((i) => i.path.replace(/\.\d+$/, ''));

describe.each(referenceCases)('tenancy: body reference %s', (_label, op, field) => {
  const target = REFERENCE_FIELDS[field] as string;
  const ownRef = (collection: string) => world.ids.get(collection)?.a;

  /** Sends the operation as company A with `field` set to `value`. */
  async function attempt(value: string) {
    const subject = isItem(op) ? await world.fresh(op.collection, a) : null;
    const before = subject ? await world.read(op.collection, a, subject) : null;
    // Drop sibling references to the same collection (jobIds next to its alias jobId).
    const base = Object.fromEntries(Object.entries(exampleBody(doc, op, ownRef) ?? {}).filter(([key]) => key === field || REFERENCE_FIELDS[key] !== target));
    const res = await world.send(a, op, subject, {}, { ...base, [field]: referenceValue(field, value) });
    return { res, subject, before };
  }

  it("refuses another company's id with 400 naming the field, and links nothing", async () => {
    const listOp = ops.find((o) => isList(doc, o) && o.collection === op.collection);
    const countBefore = listOp ? (await listIds(a.api, listOp)).ids.length : 0;
    const { res, subject, before } = await attempt(world.ids.get(target)?.b as string);
    const error = expectError(res, 400, 'VALIDATION_ERROR');
    expect(issuePaths(error)).toContain(field);
    expect(error.message).toContain(field);
    if (subject) expect((await world.read(op.collection, a, subject)).body).toEqual(before?.body);
    else if (listOp) expect((await listIds(a.api, listOp)).ids.length).toBe(countBefore);
  });

  it('refuses an unknown id and a deleted one the same way', async () => {
    const deleted = await world.fresh(target, a);
    const values: string[] = [crypto.randomUUID()];
    if (await world.remove(target, a, deleted)) values.push(deleted);
    for (const value of values) {
      const { res } = await attempt(value);
      expect(issuePaths(expectError(res, 400, 'VALIDATION_ERROR'))).toContain(field);
    }
  });

  it("accepts the company's own id (control)", async () => {
    const own = ownRef(target) as string;
    const { res } = await attempt(own);
    expectSuccess(res, op);
    const echoed = (res.body as Record<string, unknown>)[field];
    if (echoed !== undefined) expect(echoed).toEqual(referenceValue(field, own));
  });
});
