import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNotFound, expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

interface Row {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  status: string;
  jobIds: string[];
  createdAt: string;
  updatedAt: string;
}
type ListBody = { data: Row[]; total: number; page: number; limit: number; totalPages: number };

/** §1 lists on GET /v1/candidates (§9 filters jobId, status, search), and tenancy of candidates. */
describe('candidates: list and tenancy', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  const job = { backend: '', sales: '', empty: '', theirs: '' };
  const rows: Row[] = [];
  let theirCandidate: Row;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    other = await server.company('Other');
    const newJob = async (company: SeededCompany, title: string) => {
      const res = await company.api('POST', '/v1/jobs', { body: { title, description: 'A role worth having.' } });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    job.backend = await newJob(acme, 'Backend Engineer');
    job.sales = await newJob(acme, 'Sales Manager');
    job.empty = await newJob(acme, 'Nobody applied');
    job.theirs = await newJob(other, 'Backend Engineer');
    // Pairs of rows share a createdAt, so only the id can order them.
    const specs = [
      { firstName: 'Ana', lastName: 'Silva', email: 'ana.silva@example.com', jobIds: [job.backend] },
      { firstName: 'Bruno', lastName: 'ANDERSEN', email: 'bruno@mail.test', status: 'IN_PROCESS', jobIds: [job.sales, job.backend] },
      { firstName: 'Chloé', lastName: 'Martin', phoneNumber: '+33612345678', status: 'REJECTED', jobIds: [job.sales] },
      { firstName: 'Dev_ika', lastName: 'Rao', email: 'DEVIKA@Example.COM', status: 'ACCEPTED' },
      { firstName: 'Erik', lastName: 'Sandberg', email: 'erik@firma.se', status: 'IN_PROCESS', jobIds: [job.backend] },
      { firstName: 'Fatima', lastName: 'Zahra 100%', email: 'fz@example.org', phoneNumber: '+212600000000', status: 'UNDEFINED' },
    ];
    for (const [i, spec] of specs.entries()) {
      if (i % 2 === 0) clock.advance(1_000);
      const res = await acme.api('POST', '/v1/candidates', { body: spec });
      expect(res.status, res.text).toBe(201);
      rows.push(res.body);
    }
    const res = await other.api('POST', '/v1/candidates', { body: { firstName: 'Ana', lastName: 'Elsewhere', email: 'ana@other.test', jobIds: [job.theirs] } });
    expect(res.status).toBe(201);
    theirCandidate = res.body;
  });
  afterAll(() => server.close());

  const list = (query: Record<string, string | number | undefined> = {}, company = acme) => company.api<ListBody>('GET', '/v1/candidates', { query });
  const ids = (data: Row[]) => data.map((r) => r.id);
  const names = async (query: Record<string, string>) => (await list(query)).body.data.map((r) => r.firstName).sort();
  const byCreatedDesc = () => [...rows].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));

  it('answers the pagination envelope with full candidates (defaults page 1, limit 20, createdAt desc)', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'limit', 'page', 'total', 'totalPages']);
    expect(res.body).toMatchObject({ total: 6, page: 1, limit: 20, totalPages: 1 });
    expect(ids(res.body.data)).toEqual(ids(byCreatedDesc()));
    // List items are the same objects as GET answers (jobIds, jobId, counts included).
    for (const row of res.body.data) expect(row).toEqual((await acme.api('GET', `/v1/candidates/${row.id}`)).body);
    expect((await acme.api('GET', '/candidates')).body).toEqual(res.body);
  });

  it('pages of 4 in both orders see every row exactly once (ties broken by id)', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const first = await list({ limit: 4, page: 1, order });
      const second = await list({ limit: 4, page: 2, order });
      expect(first.body).toMatchObject({ total: 6, totalPages: 2 });
      const expected = ids(byCreatedDesc());
      expect([...ids(first.body.data), ...ids(second.body.data)]).toEqual(order === 'desc' ? expected : [...expected].reverse());
    }
  });

  it.each([
    ['jobId', 'not-a-uuid'], ['jobId', '123'], ['status', 'applied'], ['status', 'HIRED'],
    ['limit', '0'], ['limit', '101'], ['page', '0'], ['sort', 'lastName'], ['order', 'up'], ['updatedSince', 'today'], ['search', 'x'.repeat(201)],
  ])('%s=%s is a 400 naming the parameter', async (name, value) => {
    expectValidation(await list({ [name]: value }), name);
  });

  it('filters by jobId: any linked position counts, not only the first', async () => {
    expect(await names({ jobId: job.backend })).toEqual(['Ana', 'Bruno', 'Erik']);
    expect(await names({ jobId: job.sales })).toEqual(['Bruno', 'Chloé']);
    expect(await names({ jobId: job.sales.toUpperCase() })).toEqual(['Bruno', 'Chloé']);
    expect(await names({ jobId: job.empty })).toEqual([]);
    expect((await list({ jobId: job.backend, limit: 2 })).body).toMatchObject({ total: 3, totalPages: 2 });
  });

  it('filters by status', async () => {
    expect(await names({ status: 'APPLIED' })).toEqual(['Ana']);
    expect(await names({ status: 'IN_PROCESS' })).toEqual(['Bruno', 'Erik']);
    expect(await names({ status: 'REJECTED' })).toEqual(['Chloé']);
    expect(await names({ status: 'ACCEPTED' })).toEqual(['Dev_ika']);
    expect(await names({ status: 'UNDEFINED' })).toEqual(['Fatima']);
  });

  it('search: case-insensitive substring of first name, last name or email; %, _ literal', async () => {
    expect(await names({ search: 'ana' })).toEqual(['Ana']); // not "Andersen": "ana" is not in "andersen"
    expect(await names({ search: 'AND' })).toEqual(['Bruno', 'Erik']); // ANDERSEN, Sandberg
    expect(await names({ search: 'silva' })).toEqual(['Ana']);
    expect(await names({ search: 'martin' })).toEqual(['Chloé']);
    expect(await names({ search: 'example.com' })).toEqual(['Ana', 'Dev_ika']);
    expect(await names({ search: '@FIRMA' })).toEqual(['Erik']);
    expect(await names({ search: 'v_' })).toEqual(['Dev_ika']); // as a wildcard, _ would also match "Silva"
    expect(await names({ search: '%' })).toEqual(['Fatima']);
    expect(await names({ search: '+336' })).toEqual([]); // phone numbers are not searched
    expect(await names({ search: 'elsewhere' })).toEqual([]);
  });

  it('filters combine', async () => {
    expect(await names({ jobId: job.backend, status: 'IN_PROCESS' })).toEqual(['Bruno', 'Erik']);
    expect(await names({ jobId: job.backend, search: 'erik' })).toEqual(['Erik']);
    expect(await names({ jobId: job.sales, status: 'APPLIED' })).toEqual([]);
  });

  it('sort=updatedAt orders by last change; updatedSince is inclusive; a jobIds change counts', async () => {
    clock.advance(60_000);
    const touched = rows[0] as Row;
    const res = await acme.api('PATCH', `/v1/candidates/${touched.id}`, { body: { jobIds: [job.sales] } });
    expect(res.status).toBe(200);
    expect(res.body.updatedAt).toBe(clock.now().toISOString());
    expect(ids((await list({ sort: 'updatedAt' })).body.data)[0]).toBe(touched.id);
    expect(ids((await list({ sort: 'updatedAt', order: 'asc' })).body.data).at(-1)).toBe(touched.id);
    expect(ids((await list({ updatedSince: res.body.updatedAt })).body.data)).toEqual([touched.id]);
    const later = new Date(new Date(res.body.updatedAt).getTime() + 1).toISOString();
    expect((await list({ updatedSince: later })).body).toMatchObject({ data: [], total: 0 });
    expect(await names({ jobId: job.backend })).toEqual(['Bruno', 'Erik']);
    expect(await names({ jobId: job.sales })).toEqual(['Ana', 'Bruno', 'Chloé']);
  });

  it('a deleted candidate leaves the list, every filter and the updatedSince feed', async () => {
    clock.advance(60_000);
    const gone = rows[4] as Row; // Erik
    const since = clock.now().toISOString();
    expect((await acme.api('DELETE', `/v1/candidates/${gone.id}`)).body).toBe(true);
    expect((await list({ limit: 100 })).body.total).toBe(5);
    expect(await names({ jobId: job.backend })).toEqual(['Bruno']);
    expect(await names({ status: 'IN_PROCESS' })).toEqual(['Bruno']);
    expect(await names({ search: 'erik' })).toEqual([]);
    expect((await list({ updatedSince: since })).body).toMatchObject({ data: [], total: 0 });
  });

  it('another company sees none of our candidates and gets 404 on their ids; and the reverse', async () => {
    expect(ids((await list({ limit: 100 }, other)).body.data)).toEqual([theirCandidate.id]);
    expect((await list({ search: 'a' }, other)).body.total).toBe(1);
    expect((await list({ jobId: job.backend }, other)).body).toMatchObject({ data: [], total: 0 });
    expect((await list({ jobId: job.theirs })).body).toMatchObject({ data: [], total: 0 });
    const ours = rows[1] as Row;
    expectNotFound(await other.api('GET', `/v1/candidates/${ours.id}`), ours.id);
    expectNotFound(await other.api('PATCH', `/v1/candidates/${ours.id}`, { body: { status: 'REJECTED' } }), ours.id);
    expectNotFound(await other.api('DELETE', `/v1/candidates/${ours.id}`), ours.id);
    expectNotFound(await other.api('GET', `/v1/jobs/${job.backend}`), job.backend);
    expect((await acme.api('GET', `/v1/candidates/${ours.id}`)).body).toMatchObject({ status: 'IN_PROCESS', jobIds: [job.sales, job.backend] });
    // A company key's companyId query is ignored (§3.3), never a way into another company.
    expect(ids((await list({ companyId: acme.id, limit: 100 }, other)).body.data)).toEqual([theirCandidate.id]);
    expectNotFound(await other.api('GET', `/v1/candidates/${ours.id}`, { query: { companyId: acme.id } }));
    // Their candidate cannot be pointed at our job, nor ours at theirs.
    expectValidation(await other.api('PATCH', `/v1/candidates/${theirCandidate.id}`, { body: { jobIds: [job.backend] } }), 'jobIds.0');
    expectValidation(await acme.api('PATCH', `/v1/candidates/${ours.id}`, { body: { jobIds: [job.theirs] } }), 'jobIds.0');
  });
});
