import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chars, expectValidation, flatKeys, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

const RICH = {
  title: 'Data Engineer',
  description: 'Pipelines, warehouses and dashboards.',
  status: 'OPEN',
  jobUrl: 'https://example.com/jobs/data',
  benefits: 'Gym, lunch.',
  requiredSkills: ['SQL', 'Python'],
  niceToHaveSkills: ['dbt'],
  languageRequirements: [{ language: 'EN', proficiency: 'B2' }],
  education: ['BACHELOR_LEVEL'],
  experience: 'ONE_TO_3_YEARS',
  contractType: 'PART_TIME',
  location: { workMode: 'ONSITE', street: 'Main St 1', city: 'Munich', postalCode: '80331', countryCode: 'DE' },
  salary: { min: 40_000, max: 50_000, currency: 'EUR', period: 'YEARLY' },
  metadata: { team: { lead: 'Ana', size: 3 }, keep: true },
};

/** §8 PATCH: omitted keep, null clears, metadata replaced (§4), refused PATCHes change nothing. */
describe('jobs: PATCH', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
  });
  afterAll(() => server.close());
  beforeEach(() => clock.advance(60_000));

  const create = async (body: Record<string, unknown> = RICH) => {
    const res = await acme.api('POST', '/v1/jobs', { body });
    expect(res.status, res.text).toBe(201);
    clock.advance(1_000);
    return res.body;
  };
  const patch = (id: string, body: unknown) => acme.api('PATCH', `/v1/jobs/${id}`, { body });
  const read = async (id: string) => (await acme.api('GET', `/v1/jobs/${id}`)).body;

  /** A refused PATCH leaves the job exactly as it was (updatedAt included). */
  async function expectRefusedAndUnchanged(id: string, body: unknown, path: string) {
    const before = await read(id);
    expectValidation(await patch(id, body), path);
    expect(await read(id)).toEqual(before);
  }

  it('changes only the fields given, bumps updatedAt and keeps createdAt', async () => {
    const job = await create();
    const res = await patch(job.id, { title: '  Staff Data Engineer ', status: 'CLOSED', requiredSkills: ['SQL'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...job, title: 'Staff Data Engineer', status: 'CLOSED', requiredSkills: ['SQL'], updatedAt: clock.now().toISOString() });
    expect(res.body.updatedAt > job.updatedAt).toBe(true);
    expect(await read(job.id)).toEqual(res.body);
    expect((await acme.api('PATCH', `/jobs/${job.id}`, { body: { benefits: 'More gym.' } })).body.benefits).toBe('More gym.');
  });

  it('an empty PATCH answers 200 with the unchanged job (updatedAt too)', async () => {
    const job = await create();
    const res = await patch(job.id, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(job);
    expect(await read(job.id)).toEqual(job);
  });

  it('a PATCH that repeats the current values leaves updatedAt alone', async () => {
    const job = await create();
    const res = await patch(job.id, { title: job.title, salary: job.salary, location: job.location, requiredSkills: job.requiredSkills });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(job);
  });

  it('null clears every nullable field', async () => {
    const job = await create();
    const cleared = { jobUrl: null, benefits: null, experience: null, contractType: null, location: null, salary: null };
    const res = await patch(job.id, cleared);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...job, ...cleared, updatedAt: clock.now().toISOString() });
    expect(await read(job.id)).toEqual(res.body);
  });

  it('lists are replaced, and an empty list clears them', async () => {
    const job = await create();
    const res = await patch(job.id, { requiredSkills: [], niceToHaveSkills: ['Spark', 'dbt'], languageRequirements: [], education: ['MASTER_LEVEL', 'POSTGRADUATE'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requiredSkills: [], niceToHaveSkills: ['Spark', 'dbt'], languageRequirements: [], education: ['MASTER_LEVEL', 'POSTGRADUATE'] });
    expect(await read(job.id)).toEqual(res.body);
  });

  it('location and salary are replaced as a whole (unnamed sub-fields become null)', async () => {
    const job = await create();
    const res = await patch(job.id, { location: { workMode: 'REMOTE' }, salary: { min: 10, max: 10, currency: 'USD', period: 'HOURLY' } });
    expect(res.status).toBe(200);
    expect(res.body.location).toEqual({ workMode: 'REMOTE', street: null, city: null, postalCode: null, countryCode: null });
    expect(res.body.salary).toEqual({ min: 10, max: 10, currency: 'USD', period: 'HOURLY' });
    expect(await read(job.id)).toEqual(res.body);
  });

  it('metadata is REPLACED, not merged (§4): old keys go, null is a plain value, {} clears', async () => {
    const job = await create();
    const res = await patch(job.id, { metadata: { team: { deputy: 'Bo' }, gone: null } });
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual({ team: { deputy: 'Bo' }, gone: null });
    expect((await read(job.id)).metadata).toEqual({ team: { deputy: 'Bo' }, gone: null });
    const emptied = await patch(job.id, { metadata: {} });
    expect(emptied.body.metadata).toEqual({});
    expect((await read(job.id)).metadata).toEqual({});
  });

  it('replaced metadata is checked against §4 on its own (not merged with the old one)', async () => {
    const job = await create({ ...RICH, metadata: flatKeys(40, 'old') });
    // 40 old + 40 new would break the 50-key limit if merged; replaced, 40 is fine.
    const res = await patch(job.id, { metadata: flatKeys(40, 'new') });
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual(flatKeys(40, 'new'));
    await expectRefusedAndUnchanged(job.id, { metadata: flatKeys(51) }, 'metadata');
    await expectRefusedAndUnchanged(job.id, { metadata: nested(6) }, 'metadata');
    await expectRefusedAndUnchanged(job.id, { metadata: [1] }, 'metadata');
  });

  it.each(['title', 'description', 'status', 'requiredSkills', 'niceToHaveSkills', 'languageRequirements', 'education', 'metadata'])(
    'null on non-nullable %s is a 400 that changes nothing',
    async (field) => {
      const job = await create();
      await expectRefusedAndUnchanged(job.id, { [field]: null }, field);
    },
  );

  it('field rules apply to PATCH values as on create', async () => {
    const job = await create();
    await expectRefusedAndUnchanged(job.id, { title: chars(4) }, 'title');
    await expectRefusedAndUnchanged(job.id, { title: chars(201) }, 'title');
    await expectRefusedAndUnchanged(job.id, { description: chars(9) }, 'description');
    await expectRefusedAndUnchanged(job.id, { status: 'closed' }, 'status');
    await expectRefusedAndUnchanged(job.id, { jobUrl: 'not a url' }, 'jobUrl');
    await expectRefusedAndUnchanged(job.id, { benefits: chars(5001) }, 'benefits');
    await expectRefusedAndUnchanged(job.id, { requiredSkills: Array.from({ length: 11 }, (_, i) => `S${i}`) }, 'requiredSkills');
    await expectRefusedAndUnchanged(job.id, { niceToHaveSkills: [chars(129)] }, 'niceToHaveSkills.0');
    await expectRefusedAndUnchanged(job.id, { languageRequirements: [{ language: 'XX', proficiency: 'B1' }] }, 'languageRequirements.0.language');
    await expectRefusedAndUnchanged(job.id, { education: ['PHD'] }, 'education.0');
    await expectRefusedAndUnchanged(job.id, { experience: 'LOTS' }, 'experience');
    await expectRefusedAndUnchanged(job.id, { contractType: 'full_time' }, 'contractType');
    await expectRefusedAndUnchanged(job.id, { location: { city: 'Paris' } }, 'location.workMode');
    await expectRefusedAndUnchanged(job.id, { location: { workMode: 'REMOTE', countryCode: 'XX' } }, 'location.countryCode');
    await expectRefusedAndUnchanged(job.id, { salary: { min: 1, max: 2, currency: 'XXY', period: 'YEARLY' } }, 'salary.currency');
    await expectRefusedAndUnchanged(job.id, { titel: 'typo' }, 'titel');
    await expectRefusedAndUnchanged(job.id, { companyId: acme.id }, 'companyId');
  });

  it('salary min > max is refused on PATCH too, and the job is unchanged', async () => {
    const job = await create();
    const before = await read(job.id);
    const error = expectValidation(await patch(job.id, { salary: { min: 60_000, max: 50_000, currency: 'EUR', period: 'YEARLY' } }));
    const paths = (error.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths.some((p) => p === 'salary.min' || p === 'salary.max'), JSON.stringify(paths)).toBe(true);
    expect(await read(job.id)).toEqual(before);
  });

  it('a PATCH with one bad field applies none of its good fields', async () => {
    const job = await create();
    await expectRefusedAndUnchanged(job.id, { title: 'A perfectly good title', metadata: { fresh: 1 }, status: 'open' }, 'status');
    const before = await read(job.id);
    expect((await patch(job.id, { benefits: null, salary: { min: 3, max: 2, currency: 'EUR', period: 'YEARLY' } })).status).toBe(400);
    expect(await read(job.id)).toEqual(before);
  });
});
