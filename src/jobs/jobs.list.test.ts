import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNotFound, expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

interface Row {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}
type ListBody = { data: Row[]; total: number; page: number; limit: number; totalPages: number };

/** §1 lists on GET /v1/jobs (§8 filters status and search), and tenancy of jobs. */
describe('jobs: list and tenancy', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  const rows: Row[] = [];
  let theirs: Row;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    other = await server.company('Other');
    // Pairs of rows share a createdAt, so only the id can order them.
    const specs = [
      { title: 'Backend Engineer', status: 'OPEN', description: 'Search must not match this: frontend.' },
      { title: 'FRONTEND engineer', status: 'OPEN' },
      { title: 'Sales Manager', status: 'CLOSED' },
      { title: '100% Remote_Role', status: 'DRAFT' },
      { title: 'Office manager (Berlin)', status: 'ARCHIVED' },
      { title: 'Data Engineer', status: 'OPEN' },
    ];
    for (const [i, spec] of specs.entries()) {
      if (i % 2 === 0) clock.advance(1_000);
      const res = await acme.api('POST', '/v1/jobs', { body: { description: 'A role worth having.', ...spec } });
      expect(res.status, res.text).toBe(201);
      rows.push(res.body);
    }
    const res = await other.api('POST', '/v1/jobs', { body: { title: 'Backend Engineer elsewhere', description: 'Another company.' } });
    expect(res.status).toBe(201);
    theirs = res.body;
  });
  afterAll(() => server.close());

  const list = (query: Record<string, string | number | undefined> = {}, company = acme) => company.api<ListBody>('GET', '/v1/jobs', { query });
  const ids = (data: Row[]) => data.map((r) => r.id);
  const titles = async (query: Record<string, string>) => (await list(query)).body.data.map((r) => r.title).sort();
  const byCreatedDesc = () => [...rows].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));

  it('answers the pagination envelope with defaults (page 1, limit 20, createdAt desc)', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'limit', 'page', 'total', 'totalPages']);
    expect(res.body).toMatchObject({ total: 6, page: 1, limit: 20, totalPages: 1 });
    expect(ids(res.body.data)).toEqual(ids(byCreatedDesc()));
    expect((await acme.api('GET', '/jobs')).body).toEqual(res.body);
  });

  it('a page past the end is empty but keeps the totals; a filter that matches nothing totals 0', async () => {
    expect((await list({ limit: 4, page: 3 })).body).toEqual({ data: [], total: 6, page: 3, limit: 4, totalPages: 2 });
    expect((await list({ limit: 4, page: 2, status: 'OPEN' })).body).toEqual({ data: [], total: 3, page: 2, limit: 4, totalPages: 1 });
    expect((await list({ status: 'OPEN', search: 'no such title' })).body).toMatchObject({ data: [], total: 0, totalPages: 0 });
    // The rows carry nothing beyond the job's own fields (the total rides beside them in SQL).
    expect(Object.keys((await list({ limit: 1 })).body.data[0] ?? {})).not.toContain('pageTotal');
  });

  it('pages of 4 in both orders see every row exactly once (ties broken by id)', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const first = await list({ limit: 4, page: 1, order });
      const second = await list({ limit: 4, page: 2, order });
      expect(first.body).toMatchObject({ total: 6, page: 1, limit: 4, totalPages: 2 });
      expect(second.body.data).toHaveLength(2);
      const expected = ids(byCreatedDesc());
      expect([...ids(first.body.data), ...ids(second.body.data)]).toEqual(order === 'desc' ? expected : [...expected].reverse());
    }
    expect((await list({ page: 3, limit: 4 })).body).toEqual({ data: [], total: 6, page: 3, limit: 4, totalPages: 2 });
  });

  it.each([
    ['status', 'open'], ['status', 'Closed'], ['status', 'DELETED'],
    ['limit', '0'], ['limit', '101'], ['page', '0'], ['page', '10001'],
    ['sort', 'title'], ['order', 'DESC'], ['updatedSince', '2025-11-20'], ['search', 'x'.repeat(201)],
  ])('%s=%s is a 400 naming the parameter', async (name, value) => {
    expectValidation(await list({ [name]: value }), name);
  });

  it('filters by status', async () => {
    expect(await titles({ status: 'OPEN' })).toEqual(['Backend Engineer', 'Data Engineer', 'FRONTEND engineer']);
    expect(await titles({ status: 'CLOSED' })).toEqual(['Sales Manager']);
    expect(await titles({ status: 'DRAFT' })).toEqual(['100% Remote_Role']);
    expect(await titles({ status: 'ARCHIVED' })).toEqual(['Office manager (Berlin)']);
    expect((await list({ status: 'OPEN', limit: 2 })).body).toMatchObject({ total: 3, totalPages: 2 });
  });

  it('search is a case-insensitive substring of the title only, with % and _ literal', async () => {
    expect(await titles({ search: 'engineer' })).toEqual(['Backend Engineer', 'Data Engineer', 'FRONTEND engineer']);
    expect(await titles({ search: 'ENGINEER' })).toEqual(['Backend Engineer', 'Data Engineer', 'FRONTEND engineer']);
    expect(await titles({ search: 'frontend' })).toEqual(['FRONTEND engineer']); // not the description of Backend Engineer
    expect(await titles({ search: 'MANAGER' })).toEqual(['Office manager (Berlin)', 'Sales Manager']);
    expect(await titles({ search: '(berlin)' })).toEqual(['Office manager (Berlin)']);
    expect(await titles({ search: '%' })).toEqual(['100% Remote_Role']);
    expect(await titles({ search: 'e_r' })).toEqual(['100% Remote_Role']);
    expect(await titles({ search: 'A role worth' })).toEqual([]);
    expect(await titles({ search: 'elsewhere' })).toEqual([]);
  });

  it('status and search combine', async () => {
    expect(await titles({ status: 'OPEN', search: 'end' })).toEqual(['Backend Engineer', 'FRONTEND engineer']);
    expect(await titles({ status: 'CLOSED', search: 'engineer' })).toEqual([]);
  });

  it('sort=updatedAt orders by last change; updatedSince is inclusive', async () => {
    clock.advance(60_000);
    const touched = rows[1] as Row;
    const res = await acme.api('PATCH', `/v1/jobs/${touched.id}`, { body: { status: 'CLOSED' } });
    expect(res.status).toBe(200);
    expect(res.body.updatedAt).toBe(clock.now().toISOString());
    expect(ids((await list({ sort: 'updatedAt' })).body.data)[0]).toBe(touched.id);
    expect(ids((await list({ sort: 'updatedAt', order: 'asc' })).body.data).at(-1)).toBe(touched.id);
    expect(ids((await list({ sort: 'createdAt' })).body.data)).toEqual(ids(byCreatedDesc()));

    const since = await list({ updatedSince: res.body.updatedAt });
    expect(ids(since.body.data)).toEqual([touched.id]);
    const later = new Date(new Date(res.body.updatedAt).getTime() + 1).toISOString();
    expect((await list({ updatedSince: later })).body).toMatchObject({ data: [], total: 0 });
    const shifted = new Date(new Date(res.body.updatedAt).getTime() - 3600_000).toISOString().replace('Z', '-01:00');
    expect(ids((await list({ updatedSince: shifted })).body.data)).toEqual([touched.id]);
    expect(await titles({ status: 'CLOSED' })).toEqual(['FRONTEND engineer', 'Sales Manager']);
  });

  it('a deleted job leaves the list, its filters and the updatedSince feed', async () => {
    clock.advance(60_000);
    const gone = rows[5] as Row; // Data Engineer, OPEN
    const since = clock.now().toISOString();
    expect((await acme.api('DELETE', `/v1/jobs/${gone.id}`)).body).toBe(true);
    const all = await list({ limit: 100 });
    expect(all.body.total).toBe(5);
    expect(ids(all.body.data)).not.toContain(gone.id);
    expect(await titles({ search: 'data' })).toEqual([]);
    expect(await titles({ status: 'OPEN' })).toEqual(['Backend Engineer']);
    expect((await list({ updatedSince: since })).body).toMatchObject({ data: [], total: 0 });
  });

  it('another company sees none of our jobs and gets 404 on their ids; we see none of theirs', async () => {
    const theirList = await list({ limit: 100 }, other);
    expect(ids(theirList.body.data)).toEqual([theirs.id]);
    expect((await list({ search: 'engineer' }, other)).body.total).toBe(1);
    const ours = rows[0] as Row;
    expectNotFound(await other.api('GET', `/v1/jobs/${ours.id}`), ours.id);
    expectNotFound(await other.api('PATCH', `/v1/jobs/${ours.id}`, { body: { title: 'Hijacked title' } }), ours.id);
    expectNotFound(await other.api('DELETE', `/v1/jobs/${ours.id}`), ours.id);
    expect((await acme.api('GET', `/v1/jobs/${ours.id}`)).body).toMatchObject({ title: 'Backend Engineer', status: 'OPEN' });
    // A companyId query parameter on a company key is ignored (§3.3), never a way into another company.
    expect(ids((await list({ companyId: acme.id, limit: 100 }, other)).body.data)).toEqual([theirs.id]);
    expectNotFound(await other.api('GET', `/v1/jobs/${ours.id}`, { query: { companyId: acme.id } }));
    expect(ids((await list({ limit: 100 })).body.data)).not.toContain(theirs.id);
  });
});
