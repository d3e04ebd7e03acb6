import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chars, expectNotFound, flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { CANDIDATE_STATUSES } from './schema.ts';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const START = '2025-11-20T10:00:00.000Z'; // "today" is 2025-11-20 (UTC)

describe('candidates: happy paths (§9)', () => {
  const clock = new ManualClock(START);
  let server: TestServer;
  let acme: SeededCompany;
  const jobs: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    for (let i = 0; i < 50; i++) {
      const res = await acme.api('POST', '/v1/jobs', { body: { title: `Position ${i}`, description: 'A role worth having.' } });
      expect(res.status, res.text).toBe(201);
      jobs.push(res.body.id);
    }
  });
  afterAll(() => server.close());
  beforeEach(() => clock.set(START));

  const job = (i: number) => jobs[i] as string;
  const create = async (body: Record<string, unknown>) => {
    const res = await acme.api('POST', '/v1/candidates', { body: { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com', ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  it('creates a candidate with an email only: defaults for everything else, every field present', async () => {
    const res = await acme.api('POST', '/v1/candidates', { body: { firstName: '  Ana ', lastName: ' Silva', email: 'ana@example.com' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: res.body.id,
      companyId: acme.id,
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.com',
      phoneNumber: null,
      gdprExpiryDate: '2026-11-20',
      jobIds: [],
      jobId: null,
      status: 'APPLIED',
      metadata: {},
      interviewCount: 0,
      analysisCount: 0,
      overallRating: null,
      createdAt: START,
      updatedAt: START,
    });
    expect(res.body.id).toMatch(UUID);
    expect(res.body.createdAt).toMatch(ISO_MS);
    const read = await acme.api('GET', `/v1/candidates/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    expect((await acme.api('GET', `/candidates/${res.body.id}`)).body).toEqual(res.body);
    expect((await acme.api('GET', `/v1/candidates/${String(res.body.id).toUpperCase()}`)).body).toEqual(res.body);
  });

  it('a phone number alone is enough; E.164 numbers up to 15 digits', async () => {
    const phoneOnly = await acme.api('POST', '/v1/candidates', { body: { firstName: 'Bo', lastName: 'Berg', phoneNumber: '+14155550123' } });
    expect(phoneOnly.status, phoneOnly.text).toBe(201);
    expect(phoneOnly.body).toMatchObject({ email: null, phoneNumber: '+14155550123' });
    expect((await create({ phoneNumber: '+491511234567890' })).phoneNumber).toBe('+491511234567890');
    expect((await create({ email: null, phoneNumber: '+4930123456' })).email).toBeNull();
  });

  it('stores every field given, keeps the jobIds order, and answers jobId as the first of jobIds', async () => {
    const body = {
      firstName: 'Chidi',
      lastName: 'Okafor',
      email: 'chidi@example.com',
      phoneNumber: '+447700900123',
      gdprExpiryDate: '2027-01-31',
      jobIds: [job(2), job(0), job(1)],
      status: 'IN_PROCESS',
      metadata: { source: { board: 'linkedin' }, tags: ['senior'] },
    };
    const candidate = await create(body);
    expect(candidate).toEqual({
      ...body,
      jobId: job(2),
      interviewCount: 0,
      analysisCount: 0,
      overallRating: null,
      id: candidate.id,
      companyId: acme.id,
      createdAt: START,
      updatedAt: START,
    });
    expect((await acme.api('GET', `/v1/candidates/${candidate.id}`)).body).toEqual(candidate);
  });

  it('firstName and lastName: 1 and 100 characters after trimming', async () => {
    expect(await create({ firstName: 'A', lastName: 'B' })).toMatchObject({ firstName: 'A', lastName: 'B' });
    expect(await create({ firstName: ` ${chars(100)} `, lastName: chars(100, 'b') })).toMatchObject({ firstName: chars(100), lastName: chars(100, 'b') });
  });

  it('gdprExpiryDate: tomorrow is the first accepted day; leap days and far dates are fine', async () => {
    expect((await create({ gdprExpiryDate: '2025-11-21' })).gdprExpiryDate).toBe('2025-11-21');
    clock.set('2025-11-20T23:59:59.999Z'); // still 2025-11-20 in UTC
    expect((await create({ gdprExpiryDate: '2025-11-21' })).gdprExpiryDate).toBe('2025-11-21');
    expect((await create({ gdprExpiryDate: '2028-02-29' })).gdprExpiryDate).toBe('2028-02-29');
    expect((await create({ gdprExpiryDate: '2099-12-31' })).gdprExpiryDate).toBe('2099-12-31');
  });

  it('gdprExpiryDate defaults to today + 365 days on the server clock (UTC)', async () => {
    // A company's time never goes back (its feed clock), so the dates go forward, on a company of their own.
    const dated = await server.company('Dated');
    const createAt = async (at: string) => {
      clock.set(at);
      const res = await dated.api('POST', '/v1/candidates', { body: { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com' } });
      expect(res.status, res.text).toBe(201);
      return res.body.gdprExpiryDate;
    };
    expect(await createAt('2024-01-01T12:00:00.000Z')).toBe('2024-12-31'); // 2024 is a leap year: 365 days later is 2024-12-31
    expect(await createAt('2025-11-20T23:59:59.999Z')).toBe('2026-11-20');
    expect(await createAt('2025-11-21T00:00:00.000Z')).toBe('2026-11-21');
    expect(await createAt('2027-03-01T08:00:00.000Z')).toBe('2028-02-29'); // 365 days later is 2028-02-29 (a leap year), not 2028-03-01
  });

  it('status: APPLIED by default; every value of §9 is accepted', async () => {
    for (const status of CANDIDATE_STATUSES) expect((await create({ status })).status).toBe(status);
  });

  it('jobIds: 50 jobs of the company are accepted, in order; upper-case ids are stored lower-case', async () => {
    const fifty = [...jobs].reverse();
    const candidate = await create({ jobIds: fifty });
    expect(candidate.jobIds).toEqual(fifty);
    expect(candidate.jobId).toBe(fifty[0]);
    expect((await acme.api('GET', `/v1/candidates/${candidate.id}`)).body.jobIds).toEqual(fifty);
    const upper = await create({ jobIds: [job(3).toUpperCase(), job(4)] });
    expect(upper.jobIds).toEqual([job(3), job(4)]);
    expect((await create({ jobIds: [] })).jobIds).toEqual([]);
  });

  it('the deprecated jobId alias sets jobIds to [jobId]; null means no job', async () => {
    const single = await create({ jobId: job(7) });
    expect(single).toMatchObject({ jobIds: [job(7)], jobId: job(7) });
    expect((await acme.api('GET', `/v1/candidates/${single.id}`)).body).toMatchObject({ jobIds: [job(7)], jobId: job(7) });
    expect(await create({ jobId: job(8).toUpperCase() })).toMatchObject({ jobIds: [job(8)], jobId: job(8) });
    expect(await create({ jobId: null })).toMatchObject({ jobIds: [], jobId: null });
  });

  it('every job status may be assigned (only deletion makes a job unassignable)', async () => {
    const res = await acme.api('POST', '/v1/jobs', { body: { title: 'Closed position', description: 'No longer hiring.', status: 'CLOSED' } });
    expect(res.status).toBe(201);
    expect((await create({ jobIds: [res.body.id] })).jobIds).toEqual([res.body.id]);
  });

  it('metadata at the limits (§4): 50 keys, 5 levels, 10,240 bytes', async () => {
    expect((await create({ metadata: flatKeys(50) })).metadata).toEqual(flatKeys(50));
    expect((await create({ metadata: nested(5) })).metadata).toEqual(nested(5));
    expect((await create({ metadata: metadataOfBytes(10_240) })).metadata).toEqual(metadataOfBytes(10_240));
  });

  it('a job deleted after linking stays in the candidate\'s jobIds (§8: links keep it)', async () => {
    const res = await acme.api('POST', '/v1/jobs', { body: { title: 'Doomed position', description: 'About to be deleted.' } });
    const doomed = res.body.id as string;
    const candidate = await create({ jobIds: [doomed, job(9)] });
    expect((await acme.api('DELETE', `/v1/jobs/${doomed}`)).body).toBe(true);
    expect((await acme.api('GET', `/v1/candidates/${candidate.id}`)).body).toMatchObject({ jobIds: [doomed, job(9)], jobId: doomed });
  });

  it('soft DELETE answers 200 true and hides the candidate; again is a 404', async () => {
    const kept = await create({ firstName: 'Kept', email: 'kept@example.com' });
    const lonely = (await acme.api('POST', '/v1/jobs', { body: { title: 'Lonely position', description: 'Only the gone candidate.' } })).body.id as string;
    const gone = await create({ firstName: 'Gone', email: 'gone@example.com', jobIds: [lonely] });
    const deleted = await acme.api('DELETE', `/v1/candidates/${gone.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe('true');
    expect(deleted.headers.get('content-type')).toMatch(/application\/json/);

    const again = expectNotFound(await acme.api('GET', `/v1/candidates/${gone.id}`), gone.id);
    expect(again.details.resourceType).toBe('candidate');
    const search = await acme.api('GET', '/v1/candidates', { query: { search: 'example.com', limit: 100 } });
    expect(search.body.data.map((c: { id: string }) => c.id)).toContain(kept.id);
    expect(search.body.data.map((c: { id: string }) => c.id)).not.toContain(gone.id);
    expect((await acme.api('GET', '/v1/candidates', { query: { jobId: lonely } })).body).toMatchObject({ data: [], total: 0 });
    expectNotFound(await acme.api('DELETE', `/v1/candidates/${gone.id}`), gone.id);
    expectNotFound(await acme.api('PATCH', `/v1/candidates/${gone.id}`, { body: { firstName: 'Back' } }), gone.id);
    expectNotFound(await acme.api('PATCH', `/v1/candidates/${gone.id}`, { body: {} }), gone.id);
    // The job it was linked to is untouched.
    expect((await acme.api('GET', `/v1/jobs/${lonely}`)).status).toBe(200);
    expect((await acme.api('DELETE', `/candidates/${kept.id}`)).body).toBe(true);
  });
});
