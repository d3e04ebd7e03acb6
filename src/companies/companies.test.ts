import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectValidation, flatKeys } from '../../test/domain-assertions.ts';
import { type ApiClient, type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

const FIELDS = ['createdAt', 'defaultLanguage', 'description', 'id', 'metadata', 'name', 'ownerEmail', 'plan', 'timezone', 'updatedAt'];

/** §7 (and §3.3 for who may do what). */
describe('companies', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let stranger: SeededCompany;
  let ats: { api: ApiClient; keyId: string };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    stranger = await server.company('Stranger');
    ats = await server.atsKey([]);
  });
  afterAll(() => server.close());
  beforeEach(() => clock.advance(1_000));

  const createByAts = async (body: Record<string, unknown> = {}) => {
    const res = await ats.api('POST', '/v1/company', { body: { name: 'Managed Co', ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  it('a company key may not create companies: 403 RESOURCE_ACCESS_DENIED (even with a bad body)', async () => {
    expectError(await acme.api('POST', '/v1/company', { body: { name: 'Sneaky' } }), 403, 'RESOURCE_ACCESS_DENIED');
    expectError(await acme.api('POST', '/v1/companies', { body: { name: 'Sneaky' } }), 403, 'RESOURCE_ACCESS_DENIED');
    expectError(await acme.api('POST', '/v1/company', { body: { name: 'x', bogus: true } }), 403, 'RESOURCE_ACCESS_DENIED');
    expect((await acme.api('GET', '/v1/company')).body.total).toBe(1);
  });

  it('an ATS key creates a company with every field present and the default plan', async () => {
    const created = await createByAts({ name: '  Globex  ' });
    expect(Object.keys(created).sort()).toEqual(FIELDS);
    expect(created).toEqual({
      id: created.id,
      name: 'Globex',
      description: null,
      ownerEmail: null,
      timezone: 'UTC',
      defaultLanguage: 'EN',
      metadata: {},
      plan: { monthlyMinutes: 1000 },
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
    });
    expect((await ats.api('GET', `/v1/company/${created.id}`)).body).toEqual(created);
    expect((await ats.api('GET', `/company/${created.id}`)).body).toEqual(created);
  });

  it('the new company is usable at once with ?companyId=', async () => {
    const created = await createByAts();
    const agent = await ats.api('POST', '/v1/agents', { query: { companyId: created.id }, body: { name: 'First agent' } });
    expect(agent.status, agent.text).toBe(201);
    expect(agent.body.companyId).toBe(created.id);
    const list = await ats.api('GET', '/v1/agents', { query: { companyId: created.id } });
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([agent.body.id]);
  });

  it('stores every field given on create, including a plan', async () => {
    const created = await createByAts({ name: 'Initech', description: 'Software', ownerEmail: 'boss@initech.example', metadata: { tier: 'gold' }, plan: { monthlyMinutes: 5000 } });
    expect(created).toMatchObject({ name: 'Initech', description: 'Software', ownerEmail: 'boss@initech.example', metadata: { tier: 'gold' }, plan: { monthlyMinutes: 5000 } });
    expect((await ats.api('GET', `/v1/company/${created.id}`)).body).toEqual(created);
  });

  it('refuses broken fields on create, naming them', async () => {
    const post = (body: unknown) => ats.api('POST', '/v1/company', { body });
    expectValidation(await post({}), 'name');
    expectValidation(await post({ name: ' a ' }), 'name');
    expectValidation(await post({ name: 'x'.repeat(101) }), 'name');
    expectValidation(await post({ name: 'Okay', description: '' }), 'description');
    expectValidation(await post({ name: 'Okay', description: 'x'.repeat(1001) }), 'description');
    expectValidation(await post({ name: 'Okay', ownerEmail: 'not-an-email' }), 'ownerEmail');
    expectValidation(await post({ name: 'Okay', ownerEmail: `${'a'.repeat(250)}@b.co` }), 'ownerEmail');
    expectValidation(await post({ name: 'Okay', metadata: flatKeys(51) }), 'metadata');
    expectValidation(await post({ name: 'Okay', plan: { monthlyMinutes: -1 } }), 'plan.monthlyMinutes');
    expectValidation(await post({ name: 'Okay', plan: { monthlyMinutes: '100' } }), 'plan.monthlyMinutes');
    expectValidation(await post({ name: 'Okay', website: 'x' }), 'website');
  });

  it('GET list: one for a company key; the managed ones for an ATS key', async () => {
    const own = await acme.api('GET', '/v1/company');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ total: 1, page: 1, limit: 20, totalPages: 1 });
    expect(own.body.data.map((c: { id: string }) => c.id)).toEqual([acme.id]);
    expect(Object.keys(own.body.data[0]).sort()).toEqual(FIELDS);
    expect(own.body.data[0]).toMatchObject({ name: 'Acme', description: null, ownerEmail: null, metadata: {}, plan: { monthlyMinutes: 1000 } });

    const fresh = await server.atsKey([stranger.id]);
    const a = (await fresh.api('POST', '/v1/companies', { body: { name: 'Fresh A' } })).body;
    clock.advance(1_000);
    const b = (await fresh.api('POST', '/v1/companies', { body: { name: 'Fresh B' } })).body;
    const managed = await fresh.api('GET', '/v1/company');
    expect(managed.body.total).toBe(3);
    expect(managed.body.data.map((c: { id: string }) => c.id)).toEqual([b.id, a.id, stranger.id]);
    const paged = await fresh.api('GET', '/v1/company', { query: { limit: 1, page: 2 } });
    expect(paged.body).toMatchObject({ total: 3, totalPages: 3, data: [{ id: a.id }] });
    expectValidation(await fresh.api('GET', '/v1/company', { query: { limit: 0 } }), 'limit');
  });

  it('another company\'s id is a 404, for company keys and for ATS keys that do not manage it', async () => {
    const managed = await createByAts();
    for (const id of [stranger.id, managed.id, randomUUID()]) {
      expectError(await acme.api('GET', `/v1/company/${id}`), 404, 'RESOURCE_NOT_FOUND');
      expectError(await acme.api('PATCH', `/v1/company/${id}`, { body: { name: 'Taken over' } }), 404, 'RESOURCE_NOT_FOUND');
    }
    expectError(await ats.api('GET', `/v1/company/${acme.id}`), 404, 'RESOURCE_NOT_FOUND');
    expectError(await ats.api('PATCH', `/v1/company/${acme.id}`, { body: { plan: { monthlyMinutes: 1 } } }), 404, 'RESOURCE_NOT_FOUND');
    expect((await stranger.api('GET', `/v1/company/${stranger.id}`)).body.name).toBe('Stranger');
    expectValidation(await acme.api('GET', '/v1/company/acme'), 'id');
  });

  it('a company key PATCHes its own company; null clears; {} changes nothing', async () => {
    const before = (await acme.api('GET', `/v1/company/${acme.id}`)).body;
    const res = await acme.api('PATCH', `/v1/company/${acme.id}`, { body: { name: 'Acme Corp', description: 'Anvils', ownerEmail: 'wile@acme.example' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before, name: 'Acme Corp', description: 'Anvils', ownerEmail: 'wile@acme.example', updatedAt: clock.now().toISOString() });
    clock.advance(1_000);
    const cleared = await acme.api('PATCH', `/v1/companies/${acme.id}`, { body: { description: null, ownerEmail: null } });
    expect(cleared.body).toMatchObject({ description: null, ownerEmail: null, name: 'Acme Corp' });
    clock.advance(1_000);
    const empty = await acme.api('PATCH', `/v1/company/${acme.id}`, { body: {} });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(cleared.body);
    expect((await acme.api('GET', `/v1/company/${acme.id}`)).body).toEqual(cleared.body);
  });

  it('PATCH refuses broken fields and null on name, changing nothing', async () => {
    const before = (await acme.api('GET', `/v1/company/${acme.id}`)).body;
    const patch = (body: unknown) => acme.api('PATCH', `/v1/company/${acme.id}`, { body });
    expectValidation(await patch({ name: null }), 'name');
    expectValidation(await patch({ name: 'x' }), 'name');
    expectValidation(await patch({ ownerEmail: 'nope' }), 'ownerEmail');
    expectValidation(await patch({ metadata: null }), 'metadata');
    expectValidation(await patch({ id: randomUUID() }), 'id');
    expectValidation(await patch({ name: 'Valid name', metadata: flatKeys(51) }), 'metadata');
    expect((await acme.api('GET', `/v1/company/${acme.id}`)).body).toEqual(before);
  });

  it('plan: a company key gets 403 and nothing changes; a managing ATS key may change it', async () => {
    const before = (await acme.api('GET', `/v1/company/${acme.id}`)).body;
    expectError(await acme.api('PATCH', `/v1/company/${acme.id}`, { body: { plan: { monthlyMinutes: 99_999 } } }), 403, 'RESOURCE_ACCESS_DENIED');
    expectError(await acme.api('PATCH', `/v1/company/${acme.id}`, { body: { name: 'Also renamed', plan: { monthlyMinutes: 1000 } } }), 403, 'RESOURCE_ACCESS_DENIED');
    expect((await acme.api('GET', `/v1/company/${acme.id}`)).body).toEqual(before);

    const managed = await createByAts();
    const res = await ats.api('PATCH', `/v1/company/${managed.id}`, { body: { plan: { monthlyMinutes: 250 } } });
    expect(res.status).toBe(200);
    expect(res.body.plan).toEqual({ monthlyMinutes: 250 });
    expect((await ats.api('GET', `/v1/company/${managed.id}`)).body.plan).toEqual({ monthlyMinutes: 250 });
    expectValidation(await ats.api('PATCH', `/v1/company/${managed.id}`, { body: { plan: {} } }), 'plan.monthlyMinutes');
    expectValidation(await ats.api('PATCH', `/v1/company/${managed.id}`, { body: { plan: { monthlyMinutes: 1.5 } } }), 'plan.monthlyMinutes');
  });

  it('metadata is merged (RFC 7396) and the result must satisfy §4', async () => {
    const company = await createByAts({ metadata: { crm: { id: 'c-1', owner: 'ana' }, tier: 'gold' } });
    const res = await ats.api('PATCH', `/v1/company/${company.id}`, { body: { metadata: { crm: { owner: null, region: 'EU' }, tier: null } } });
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual({ crm: { id: 'c-1', region: 'EU' } });
    const full = await ats.api('PATCH', `/v1/company/${company.id}`, { body: { metadata: flatKeys(47) } }); // 2 + 1 + 47 = 50
    expect(full.status, full.text).toBe(200);
    expectValidation(await ats.api('PATCH', `/v1/company/${company.id}`, { body: { metadata: { oneMore: true } } }), 'metadata');
    expect((await ats.api('GET', `/v1/company/${company.id}`)).body.metadata).toEqual(full.body.metadata);
  });

  it('lists sort by updatedAt and filter by updatedSince like every list', async () => {
    const fresh = await server.atsKey([]);
    const a = (await fresh.api('POST', '/v1/company', { body: { name: 'Sorted A' } })).body;
    clock.advance(1_000);
    const b = (await fresh.api('POST', '/v1/company', { body: { name: 'Sorted B' } })).body;
    clock.advance(1_000);
    const touched = (await fresh.api('PATCH', `/v1/company/${a.id}`, { body: { description: 'Touched' } })).body;
    const ids = async (query: Record<string, string>) => (await fresh.api('GET', '/v1/company', { query })).body.data.map((c: { id: string }) => c.id);
    expect(await ids({})).toEqual([b.id, a.id]);
    expect(await ids({ sort: 'updatedAt' })).toEqual([a.id, b.id]);
    expect(await ids({ sort: 'updatedAt', order: 'asc' })).toEqual([b.id, a.id]);
    expect(await ids({ updatedSince: touched.updatedAt })).toEqual([a.id]);
    expectValidation(await fresh.api('GET', '/v1/company', { query: { sort: 'name' } }), 'sort');
  });

  it('plan.monthlyMinutes follows DEFAULT_MONTHLY_MINUTES until a plan is set', async () => {
    const custom = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '300' } });
    try {
      const key = await custom.atsKey([]);
      const created = (await key.api('POST', '/v1/company', { body: { name: 'Configured' } })).body;
      expect(created.plan).toEqual({ monthlyMinutes: 300 });
      expect((await key.api('PATCH', `/v1/company/${created.id}`, { body: { plan: { monthlyMinutes: 0 } } })).body.plan).toEqual({ monthlyMinutes: 0 });
    } finally {
      await custom.close();
    }
  });

  it('concurrent metadata merges all land (no lost update)', async () => {
    const company = await createByAts({ metadata: { base: true } });
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const answers = await Promise.all(keys.map((k) => ats.api('PATCH', `/v1/company/${company.id}`, { body: { metadata: { [k]: k } } })));
    expect(answers.map((a) => a.status)).toEqual(keys.map(() => 200));
    expect((await ats.api('GET', `/v1/company/${company.id}`)).body.metadata).toEqual({ base: true, ...Object.fromEntries(keys.map((k) => [k, k])) });
  });

  it('timezone and defaultLanguage (§7 extensions): defaults, set on create and by PATCH, stored canonically', async () => {
    expect((await acme.api('GET', `/v1/company/${acme.id}`)).body).toMatchObject({ timezone: 'UTC', defaultLanguage: 'EN' });
    const created = await createByAts({ timezone: 'Asia/Tokyo', defaultLanguage: 'JA' });
    expect(created).toMatchObject({ timezone: 'Asia/Tokyo', defaultLanguage: 'JA' });
    expect((await ats.api('GET', `/v1/company/${created.id}`)).body).toMatchObject({ timezone: 'Asia/Tokyo', defaultLanguage: 'JA' });

    const patched = await acme.api('PATCH', `/v1/company/${acme.id}`, { body: { timezone: 'europe/berlin', defaultLanguage: 'DE' } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ timezone: 'Europe/Berlin', defaultLanguage: 'DE', updatedAt: clock.now().toISOString() });
    clock.advance(1_000);
    // A name Intl knows by an alias is stored as the zone it is.
    expect((await acme.api('PATCH', `/v1/company/${acme.id}`, { body: { timezone: 'US/Pacific' } })).body.timezone).toBe('America/Los_Angeles');
    expect((await acme.api('GET', `/v1/company/${acme.id}`)).body).toMatchObject({ timezone: 'America/Los_Angeles', defaultLanguage: 'DE' });
  });

  it('refuses a timezone that is not an IANA name and a language that is not one, changing nothing', async () => {
    const before = (await acme.api('GET', `/v1/company/${acme.id}`)).body;
    const patch = (body: unknown) => acme.api('PATCH', `/v1/company/${acme.id}`, { body });
    for (const timezone of ['Mars/Olympus_Mons', '+01:00', 'Z', '', null, 1, 'x'.repeat(65)]) expectValidation(await patch({ timezone }), 'timezone');
    for (const defaultLanguage of ['UNDEFINED', 'en', 'XX', null]) expectValidation(await patch({ defaultLanguage }), 'defaultLanguage');
    expectValidation(await patch({ name: 'Renamed', timezone: 'Nowhere/Land' }), 'timezone');
    expect((await acme.api('GET', `/v1/company/${acme.id}`)).body).toEqual(before);
    expectValidation(await ats.api('POST', '/v1/company', { body: { name: 'Bad zone', timezone: 'GMT+1' } }), 'timezone');
  });

  it('needs the companies scopes', async () => {
    const reader = await server.companyKey(acme.id, { scopes: ['read:companies'] });
    expect((await reader.api('GET', '/v1/company')).status).toBe(200);
    expectError(await reader.api('PATCH', `/v1/company/${acme.id}`, { body: { name: 'Nope' } }), 403, 'INSUFFICIENT_PERMISSIONS');
  });
});
