import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chars, expectNotFound, flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { CEFR_LEVELS, LANGUAGES } from '../agents/schema.ts';
import { CONTRACT_TYPES, EDUCATION_LEVELS, EXPERIENCE_LEVELS, JOB_STATUSES, SALARY_PERIODS, WORK_MODES } from './schema.ts';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every field of §8 with a value, as an integrator would send it. */
const FULL_JOB = {
  title: 'Senior Backend Engineer',
  description: 'Build and run the interview platform.',
  status: 'DRAFT',
  jobUrl: 'https://careers.example.com/jobs/42?ref=api',
  benefits: 'Remote budget, 30 days of leave.',
  requiredSkills: ['TypeScript', 'PostgreSQL'],
  niceToHaveSkills: ['Kysely'],
  languageRequirements: [
    { language: 'EN', proficiency: 'C1' },
    { language: 'DE', proficiency: 'B2' },
  ],
  education: ['BACHELOR_LEVEL', 'MASTER_LEVEL'],
  experience: 'THREE_TO_5_YEARS',
  contractType: 'FULL_TIME',
  location: { workMode: 'HYBRID', street: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', countryCode: 'DE' },
  salary: { min: 70_000, max: 90_000, currency: 'EUR', period: 'YEARLY' },
  metadata: { ats: { ref: 'J-42' }, tags: ['backend'] },
};

describe('jobs: happy paths (§8)', () => {
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
  });
  afterAll(() => server.close());

  const valid = { title: 'Engineer', description: 'Writes good code.' };
  const create = async (body: Record<string, unknown>) => {
    const res = await acme.api('POST', '/v1/jobs', { body: { ...valid, ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  it('creates a job with only the required fields: every other field has its default, never omitted', async () => {
    const res = await acme.api('POST', '/v1/jobs', { body: { title: '  Engineer  ', description: '  Writes good code.  ' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: res.body.id,
      companyId: acme.id,
      title: 'Engineer',
      description: 'Writes good code.',
      status: 'OPEN',
      jobUrl: null,
      benefits: null,
      requiredSkills: [],
      niceToHaveSkills: [],
      languageRequirements: [],
      education: [],
      experience: null,
      contractType: null,
      location: null,
      salary: null,
      metadata: {},
      createdAt: res.body.createdAt,
      updatedAt: res.body.createdAt,
    });
    expect(res.body.id).toMatch(UUID);
    expect(res.body.createdAt).toMatch(ISO_MS);
    const read = await acme.api('GET', `/v1/jobs/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    expect((await acme.api('GET', `/jobs/${res.body.id}`)).body).toEqual(res.body);
    expect((await acme.api('GET', `/v1/jobs/${String(res.body.id).toUpperCase()}`)).body).toEqual(res.body);
  });

  it('stores every field given and answers with exactly the documented fields', async () => {
    const job = await create(FULL_JOB);
    expect(job).toEqual({ ...FULL_JOB, id: job.id, companyId: acme.id, createdAt: job.createdAt, updatedAt: job.createdAt });
    expect((await acme.api('GET', `/v1/jobs/${job.id}`)).body).toEqual(job);
  });

  it('explicit nulls on nullable fields are accepted on create', async () => {
    const job = await create({ jobUrl: null, benefits: null, experience: null, contractType: null, location: null, salary: null });
    expect(job).toMatchObject({ jobUrl: null, benefits: null, experience: null, contractType: null, location: null, salary: null });
  });

  it('title: 5 and 200 characters (after trimming) are accepted', async () => {
    expect((await create({ title: chars(5) })).title).toBe(chars(5));
    expect((await create({ title: ` ${chars(5)}\t` })).title).toBe(chars(5));
    expect((await create({ title: chars(200) })).title).toBe(chars(200));
  });

  it('description: 10 and 5000 characters are accepted; benefits: 5000 characters', async () => {
    expect((await create({ description: chars(10) })).description).toBe(chars(10));
    expect((await create({ description: chars(5000) })).description).toBe(chars(5000));
    expect((await create({ benefits: chars(5000) })).benefits).toBe(chars(5000));
  });

  it('jobUrl: https and http URLs are accepted as given', async () => {
    expect((await create({ jobUrl: 'https://example.com' })).jobUrl).toBe('https://example.com');
    expect((await create({ jobUrl: 'http://jobs.example.org/a/b#apply' })).jobUrl).toBe('http://jobs.example.org/a/b#apply');
  });

  it('skills: 10 items each, items of 1 and 128 characters, kept in order', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => `Skill ${i}`);
    const job = await create({ requiredSkills: ten, niceToHaveSkills: [...ten].reverse() });
    expect(job.requiredSkills).toEqual(ten);
    expect(job.niceToHaveSkills).toEqual([...ten].reverse());
    const edges = await create({ requiredSkills: ['C', chars(128)], niceToHaveSkills: [chars(128, 'b'), 'R'] });
    expect(edges.requiredSkills).toEqual(['C', chars(128)]);
    expect(edges.niceToHaveSkills).toEqual([chars(128, 'b'), 'R']);
  });

  it('languageRequirements: 5 entries; every language of §5 and every CEFR level', async () => {
    const five = ['EN', 'DE', 'FR', 'ES', 'JA'].map((language, i) => ({ language, proficiency: CEFR_LEVELS[i] }));
    expect((await create({ languageRequirements: five })).languageRequirements).toEqual(five);
    const every = LANGUAGES.map((language, i) => ({ language, proficiency: CEFR_LEVELS[i % CEFR_LEVELS.length] }));
    for (let i = 0; i < every.length; i += 5) {
      const chunk = every.slice(i, i + 5);
      expect((await create({ languageRequirements: chunk })).languageRequirements).toEqual(chunk);
    }
  });

  it('education accepts the whole list; every status, experience and contractType value', async () => {
    expect((await create({ education: [...EDUCATION_LEVELS] })).education).toEqual([...EDUCATION_LEVELS]);
    for (const status of JOB_STATUSES) expect((await create({ status })).status).toBe(status);
    for (const experience of EXPERIENCE_LEVELS) expect((await create({ experience })).experience).toBe(experience);
    for (const contractType of CONTRACT_TYPES) expect((await create({ contractType })).contractType).toBe(contractType);
  });

  it('location: workMode alone (the rest null), every workMode, countryCode DE', async () => {
    expect((await create({ location: { workMode: 'REMOTE' } })).location).toEqual({ workMode: 'REMOTE', street: null, city: null, postalCode: null, countryCode: null });
    for (const workMode of WORK_MODES) expect((await create({ location: { workMode, countryCode: 'DE' } })).location).toMatchObject({ workMode, countryCode: 'DE' });
    expect((await create({ location: { workMode: 'ONSITE', countryCode: 'US', city: 'Austin' } })).location).toMatchObject({ countryCode: 'US', city: 'Austin' });
  });

  it('salary: min equal to max, every period, currencies EUR/USD/JPY, fractional amounts', async () => {
    expect((await create({ salary: { min: 50_000, max: 50_000, currency: 'EUR', period: 'YEARLY' } })).salary).toEqual({ min: 50_000, max: 50_000, currency: 'EUR', period: 'YEARLY' });
    for (const period of SALARY_PERIODS) expect((await create({ salary: { min: 20, max: 30, currency: 'USD', period } })).salary).toMatchObject({ period });
    expect((await create({ salary: { min: 18.5, max: 22.75, currency: 'JPY', period: 'HOURLY' } })).salary).toEqual({ min: 18.5, max: 22.75, currency: 'JPY', period: 'HOURLY' });
    expect((await create({ salary: { min: 0, max: 0, currency: 'EUR', period: 'MONTHLY' } })).salary).toMatchObject({ min: 0, max: 0 });
  });

  it('metadata at the limits (§4): 50 keys over all levels, 5 levels, exactly 10,240 bytes', async () => {
    const fifty = { ...flatKeys(30, 'a'), deep: { ...flatKeys(10, 'b'), deeper: flatKeys(8, 'c') } };
    expect((await create({ metadata: fifty })).metadata).toEqual(fifty);
    expect((await create({ metadata: nested(5) })).metadata).toEqual(nested(5));
    expect((await create({ metadata: metadataOfBytes(10_240) })).metadata).toEqual(metadataOfBytes(10_240));
    expect((await create({ metadata: metadataOfBytes(10_240, 'é') })).metadata).toEqual(metadataOfBytes(10_240, 'é'));
  });

  it('soft DELETE answers 200 true, hides the job from get, list and updatedSince; again is a 404', async () => {
    const kept = await create({ title: 'Kept position' });
    const gone = await create({ title: 'Gone position' });
    const deleted = await acme.api('DELETE', `/v1/jobs/${gone.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe('true');
    expect(deleted.headers.get('content-type')).toMatch(/application\/json/);

    expectNotFound(await acme.api('GET', `/v1/jobs/${gone.id}`), gone.id);
    const search = await acme.api('GET', '/v1/jobs', { query: { search: 'position', limit: 100 } });
    expect(search.body.data.map((j: { id: string }) => j.id)).toEqual([kept.id]);
    expect(search.body.total).toBe(1);
    const since = await acme.api('GET', '/v1/jobs', { query: { updatedSince: kept.createdAt, limit: 100 } });
    expect(since.body.data.map((j: { id: string }) => j.id)).not.toContain(gone.id);
    expect(since.body.data.map((j: { id: string }) => j.id)).toContain(kept.id);

    const again = expectNotFound(await acme.api('DELETE', `/v1/jobs/${gone.id}`), gone.id);
    expect(again.details.resourceType).toBe('job');
    expectNotFound(await acme.api('PATCH', `/v1/jobs/${gone.id}`, { body: { title: 'Back again' } }));
    expectNotFound(await acme.api('PATCH', `/v1/jobs/${gone.id}`, { body: {} }));
    expect((await acme.api('DELETE', `/jobs/${kept.id}`)).body).toBe(true);
    expectNotFound(await acme.api('GET', `/v1/jobs/${kept.id}`));
  });
});
