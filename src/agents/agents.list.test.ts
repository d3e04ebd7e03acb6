import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

interface Row {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** §1 lists on GET /v1/agents: envelope, bounds, total order, updatedSince, filters. */
describe('agents: list', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  const rows: Row[] = [];

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    other = await server.company('Other');
    // Three rows share each createdAt, so only the id can order them.
    const specs = [
      { name: 'Alpha Screener', type: 'ONLINE', focus: 'SCREENING', language: 'EN' },
      { name: 'beta OUTREACH caller', type: 'ONLINE', focus: 'OUTREACH', language: 'DE' },
      { name: '100% Sales_Rep', type: 'UNDEFINED', focus: 'GENERIC', language: 'FR' },
      { name: '100X SalesXRep', type: 'ONLINE', focus: 'GENERIC', language: 'FR' },
      { name: 'Gamma generic', type: 'ONLINE', focus: 'GENERIC', language: 'EN' },
      { name: 'Delta Test', type: 'ONLINE', focus: 'LANGUAGE_TEST', language: 'ES', cefrLevel: 'C1' },
      { name: 'Epsilon back\\slash', type: 'UNDEFINED', focus: 'SCREENING', language: 'EN' },
    ];
    for (const [i, spec] of specs.entries()) {
      if (i % 3 === 0) clock.advance(1_000);
      const res = await acme.api('POST', '/v1/agents', { body: spec });
      expect(res.status, res.text).toBe(201);
      rows.push(res.body);
    }
    expect((await other.api('POST', '/v1/agents', { body: { name: 'Alpha of another company' } })).status).toBe(201);
  });
  afterAll(() => server.close());

  const list = (query: Record<string, string | number | undefined> = {}) => acme.api<{ data: Row[]; total: number; page: number; limit: number; totalPages: number }>('GET', '/v1/agents', { query });
  const ids = (data: Row[]) => data.map((r) => r.id);
  const byCreatedDesc = () => [...rows].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));

  it('answers the pagination envelope with defaults (page 1, limit 20, createdAt desc)', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'limit', 'page', 'total', 'totalPages']);
    expect(res.body).toMatchObject({ total: 7, page: 1, limit: 20, totalPages: 1 });
    expect(ids(res.body.data)).toEqual(ids(byCreatedDesc()));
    const unprefixed = await acme.api('GET', '/agents');
    expect(unprefixed.body).toEqual(res.body);
  });

  it('breaks createdAt ties by id, so paging with limit 2 sees every row exactly once', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const res = await list({ limit: 2, page, order });
        expect(res.body).toMatchObject({ total: 7, page, limit: 2, totalPages: 4 });
        expect(res.body.data.length).toBe(page === 4 ? 1 : 2);
        seen.push(...ids(res.body.data));
      }
      const expected = ids(byCreatedDesc());
      expect(seen).toEqual(order === 'desc' ? expected : [...expected].reverse());
    }
  });

  it('a page past the end is empty but keeps the totals', async () => {
    const res = await list({ page: 5, limit: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], total: 7, page: 5, limit: 2, totalPages: 4 });
  });

  it('accepts limit 1 and 100, page 1 and 10000', async () => {
    expect((await list({ limit: 1 })).body).toMatchObject({ limit: 1, totalPages: 7 });
    expect((await list({ limit: 100 })).body.data).toHaveLength(7);
    expect((await list({ page: 10_000 })).body).toMatchObject({ page: 10_000, data: [] });
  });

  it.each([
    ['limit', '0'], ['limit', '101'], ['limit', '-1'], ['limit', '1.5'], ['limit', 'ten'], ['limit', ''],
    ['page', '0'], ['page', '10001'], ['page', 'x'],
    ['sort', 'name'], ['sort', 'createdat'], ['order', 'DESC'], ['order', 'up'],
    ['updatedSince', 'yesterday'], ['updatedSince', '2025-11-20'], ['updatedSince', '2025-11-20T10:00:00'],
    ['type', 'online'], ['focus', 'NONE'], ['language', 'en'], ['search', 'x'.repeat(201)],
  ])('%s=%s is a 400 naming the parameter (never clamped)', async (name, value) => {
    expectValidation(await list({ [name]: value }), name);
  });

  it('unknown query parameters are ignored', async () => {
    expect((await list({ colour: 'blue' })).body.total).toBe(7);
  });

  it('sort=updatedAt orders by last change, ties by id', async () => {
    clock.advance(60_000);
    const touched = rows[0] as Row;
    const res = await acme.api('PATCH', `/v1/agents/${touched.id}`, { body: { duration: 31 } });
    expect(res.status).toBe(200);
    const desc = await list({ sort: 'updatedAt' });
    expect(ids(desc.body.data)[0]).toBe(touched.id);
    const asc = await list({ sort: 'updatedAt', order: 'asc' });
    expect(ids(asc.body.data).at(-1)).toBe(touched.id);
    expect(ids(asc.body.data).slice(0, -1)).toEqual(ids(byCreatedDesc().filter((r) => r.id !== touched.id)).reverse());
  });

  it('updatedSince is inclusive and accepts any offset', async () => {
    const touched = (await acme.api('GET', `/v1/agents/${(rows[0] as Row).id}`)).body as Row;
    const exact = await list({ updatedSince: touched.updatedAt });
    expect(ids(exact.body.data)).toEqual([touched.id]);
    expect(exact.body.total).toBe(1);
    const later = new Date(new Date(touched.updatedAt).getTime() + 1).toISOString();
    expect((await list({ updatedSince: later })).body).toMatchObject({ data: [], total: 0 });
    // The same instant written with a +02:00 offset.
    const shifted = new Date(new Date(touched.updatedAt).getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    expect(ids((await list({ updatedSince: shifted })).body.data)).toEqual([touched.id]);
    expect((await list({ updatedSince: '2000-01-01T00:00:00Z' })).body.total).toBe(7);
  });

  it('filters by type, focus and language, and combines them', async () => {
    const names = async (q: Record<string, string>) => (await list(q)).body.data.map((r) => r.name).sort();
    expect(await names({ type: 'UNDEFINED' })).toEqual(['100% Sales_Rep', 'Epsilon back\\slash']);
    expect(await names({ focus: 'GENERIC' })).toEqual(['100% Sales_Rep', '100X SalesXRep', 'Gamma generic']);
    expect(await names({ language: 'FR' })).toEqual(['100% Sales_Rep', '100X SalesXRep']);
    expect(await names({ focus: 'GENERIC', language: 'EN' })).toEqual(['Gamma generic']);
    expect(await names({ type: 'PHONE' })).toEqual([]);
    expect((await list({ focus: 'GENERIC', limit: 1 })).body).toMatchObject({ total: 3, totalPages: 3 });
  });

  it('search is a case-insensitive substring of the name, with % _ and \\ literal', async () => {
    const names = async (search: string) => (await list({ search })).body.data.map((r) => r.name).sort();
    expect(await names('alpha')).toEqual(['Alpha Screener']);
    expect(await names('OUTREACH CALLER')).toEqual(['beta OUTREACH caller']);
    expect(await names('tA')).toEqual(['Delta Test', 'beta OUTREACH caller']);
    expect(await names('100%')).toEqual(['100% Sales_Rep']);
    expect(await names('%')).toEqual(['100% Sales_Rep']);
    expect(await names('s_r')).toEqual(['100% Sales_Rep']);
    expect(await names('_')).toEqual(['100% Sales_Rep']);
    expect(await names('\\')).toEqual(['Epsilon back\\slash']);
    expect(await names('zzz')).toEqual([]);
    expect(await names('another')).toEqual([]); // never another company's rows
  });
});
