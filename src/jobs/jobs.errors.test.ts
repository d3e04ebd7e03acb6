import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chars, expectError, expectNotFound, expectValidation, flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';

/** §8 create rules: every rejected value is a 400 in the §2 envelope naming its field. */
describe('jobs: create is refused for every broken rule', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
    other = await server.company('Other');
  });
  afterAll(() => server.close());

  const valid = { title: 'Engineer', description: 'Writes good code.' };
  const create = (body: unknown) => acme.api('POST', '/v1/jobs', { body });
  const refused = async (extra: Record<string, unknown>, ...paths: string[]) => expectValidation(await create({ ...valid, ...extra }), ...paths);

  it('title and description are required, not null, strings', async () => {
    expectValidation(await create({ description: valid.description }), 'title');
    expectValidation(await create({ title: valid.title }), 'description');
    const both = expectValidation(await create({}), 'title', 'description');
    expect(both.details.issues).toHaveLength(2);
    await refused({ title: null }, 'title');
    await refused({ description: null }, 'description');
    await refused({ title: 12345 }, 'title');
  });

  it('title: 4 characters (also after trimming), blank, and 201 characters', async () => {
    await refused({ title: chars(4) }, 'title');
    await refused({ title: `  ${chars(4)}  ` }, 'title');
    await refused({ title: '        ' }, 'title');
    await refused({ title: chars(201) }, 'title');
  });

  it('description: 9 characters (also after trimming) and 5001 characters; benefits: 5001', async () => {
    await refused({ description: chars(9) }, 'description');
    await refused({ description: ` ${chars(9)}  ` }, 'description');
    await refused({ description: chars(5001) }, 'description');
    await refused({ benefits: chars(5001) }, 'benefits');
    await refused({ benefits: 42 }, 'benefits');
  });

  it('status: lowercase, unknown and null are refused (enums are case-sensitive)', async () => {
    for (const status of ['open', 'Open', 'PUBLISHED', '', null]) await refused({ status }, 'status');
  });

  it('jobUrl: not a URL, a relative path, a non-web scheme', async () => {
    for (const jobUrl of ['not a url', 'careers.example.com/jobs/1', '/jobs/1', 'javascript:alert(1)', 'ftp://example.com/job', 'mailto:jobs@example.com', '', 7]) {
      await refused({ jobUrl }, 'jobUrl');
    }
  });

  it('skills: 11 items; items of 0 (also after trimming) and 129 characters; not strings', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Skill ${i}`);
    await refused({ requiredSkills: eleven }, 'requiredSkills');
    await refused({ niceToHaveSkills: eleven }, 'niceToHaveSkills');
    await refused({ requiredSkills: ['Go', ''] }, 'requiredSkills.1');
    await refused({ niceToHaveSkills: ['   '] }, 'niceToHaveSkills.0');
    await refused({ requiredSkills: ['Go', 'Rust', chars(129)] }, 'requiredSkills.2');
    await refused({ niceToHaveSkills: [chars(129)] }, 'niceToHaveSkills.0');
    await refused({ requiredSkills: [5] }, 'requiredSkills.0');
    await refused({ requiredSkills: 'Go' }, 'requiredSkills');
    await refused({ niceToHaveSkills: null }, 'niceToHaveSkills');
  });

  it('languageRequirements: 6 entries, a bad language, a bad proficiency, a missing or unknown key', async () => {
    const six = ['EN', 'DE', 'FR', 'ES', 'JA', 'IT'].map((language) => ({ language, proficiency: 'B2' }));
    await refused({ languageRequirements: six }, 'languageRequirements');
    for (const language of ['XX', 'de', 'ENG', '']) await refused({ languageRequirements: [{ language, proficiency: 'B2' }] }, 'languageRequirements.0.language');
    for (const proficiency of ['C3', 'b2', 'NATIVE', null]) {
      await refused({ languageRequirements: [{ language: 'EN', proficiency: 'C1' }, { language: 'DE', proficiency }] }, 'languageRequirements.1.proficiency');
    }
    await refused({ languageRequirements: [{ language: 'EN' }] }, 'languageRequirements.0.proficiency');
    await refused({ languageRequirements: [{ language: 'EN', proficiency: 'C1', level: 3 }] }, 'languageRequirements.0.level');
    await refused({ languageRequirements: ['EN'] }, 'languageRequirements.0');
  });

  it('education: unknown or lowercase values, a non-list', async () => {
    await refused({ education: ['PHD'] }, 'education.0');
    await refused({ education: ['BACHELOR_LEVEL', 'master_level'] }, 'education.1');
    await refused({ education: 'BACHELOR_LEVEL' }, 'education');
  });

  it.each([
    ['experience', ['one_to_3_years', 'TWO_YEARS', '', 3]],
    ['contractType', ['full_time', 'PERMANENT', 'Full_Time']],
  ])('%s refuses lowercase and unknown values', async (field, values) => {
    for (const value of values) await refused({ [field]: value }, field);
  });

  it('location: workMode is required and an enum; countryCode is ISO 3166-1 alpha-2 (XX, de, DEU refused)', async () => {
    await refused({ location: { city: 'Berlin', countryCode: 'DE' } }, 'location.workMode');
    await refused({ location: { workMode: 'remote' } }, 'location.workMode');
    await refused({ location: { workMode: 'OFFICE' } }, 'location.workMode');
    for (const countryCode of ['XX', 'de', 'De', 'DEU', 'D', '', 49]) await refused({ location: { workMode: 'ONSITE', countryCode } }, 'location.countryCode');
    await refused({ location: { workMode: 'ONSITE', country: 'DE' } }, 'location.country');
    await refused({ location: 'Berlin' }, 'location');
    await refused({ location: { workMode: 'ONSITE', city: 5 } }, 'location.city');
  });

  it('salary: min greater than max is refused naming the field', async () => {
    const error = await refused({ salary: { min: 90_001, max: 90_000, currency: 'EUR', period: 'YEARLY' } });
    const paths = (error.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths.some((p) => p === 'salary.min' || p === 'salary.max'), JSON.stringify(paths)).toBe(true);
    expect(error.message).toMatch(/min|max/);
  });

  it('salary: currency is ISO 4217 (XXY, eur, EURO refused); period enum; every key required; numbers only', async () => {
    const salary = { min: 1, max: 2, currency: 'EUR', period: 'MONTHLY' };
    for (const currency of ['XXY', 'eur', 'EURO', '', 978]) await refused({ salary: { ...salary, currency } }, 'salary.currency');
    for (const period of ['monthly', 'WEEKLY', '']) await refused({ salary: { ...salary, period } }, 'salary.period');
    for (const key of ['min', 'max', 'currency', 'period']) {
      const { [key]: _dropped, ...rest } = salary as Record<string, unknown>;
      await refused({ salary: rest }, `salary.${key}`);
    }
    await refused({ salary: { ...salary, min: '1' } }, 'salary.min');
    await refused({ salary: { ...salary, max: null } }, 'salary.max');
    await refused({ salary: { ...salary, bonus: 10 } }, 'salary.bonus');
  });

  it('metadata (§4): 51 keys over all levels, 6 levels, 10,241 bytes, not an object', async () => {
    expect((await refused({ metadata: flatKeys(51) }, 'metadata')).message).toMatch(/key/);
    await refused({ metadata: { ...flatKeys(30, 'a'), deep: { ...flatKeys(10, 'b'), deeper: flatKeys(9, 'c') } } }, 'metadata');
    expect((await refused({ metadata: nested(6) }, 'metadata')).message).toMatch(/level|deep|nest/i);
    expect((await refused({ metadata: metadataOfBytes(10_241) }, 'metadata')).message).toMatch(/byte/);
    for (const metadata of [[1], null, 'text', 5]) await refused({ metadata }, 'metadata');
  });

  it('unknown fields are refused and named, read-only fields included', async () => {
    await refused({ titel: 'typo' }, 'titel');
    await refused({ id: randomUUID() }, 'id');
    await refused({ companyId: other.id }, 'companyId');
    await refused({ createdAt: '2025-01-01T00:00:00.000Z' }, 'createdAt');
    await refused({ skills: ['Go'] }, 'skills');
  });

  it('every problem is reported at once', async () => {
    const error = await refused({ title: 'abc', status: 'open', salary: { min: 1, max: 2, currency: 'XXY', period: 'YEARLY' } }, 'title', 'status', 'salary.currency');
    expect(error.details.issues).toHaveLength(3);
  });

  it('a body that is not an object is a 400; a string number is not coerced', async () => {
    expectError(await acme.api('POST', '/v1/jobs', { body: [valid] }), 400, 'VALIDATION_ERROR');
    expectError(await acme.api('POST', '/v1/jobs'), 400, 'VALIDATION_ERROR');
    expectError(await acme.api('POST', '/v1/jobs', { rawBody: '{"title":', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
    await refused({ salary: { min: 1, max: '2', currency: 'EUR', period: 'YEARLY' } }, 'salary.max');
  });

  it('nothing was created by the refused requests', async () => {
    const list = await acme.api('GET', '/v1/jobs');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
  });

  it('a path id that is not a UUID is a 400 naming id; an unknown or foreign id is a 404', async () => {
    expectValidation(await acme.api('GET', '/v1/jobs/not-a-uuid'), 'id');
    expectValidation(await acme.api('PATCH', '/v1/jobs/123', { body: { title: 'Renamed' } }), 'id');
    expectValidation(await acme.api('DELETE', '/v1/jobs/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'), 'id');
    const theirs = await other.api('POST', '/v1/jobs', { body: valid });
    expect(theirs.status).toBe(201);
    for (const id of [randomUUID(), theirs.body.id as string]) {
      expectNotFound(await acme.api('GET', `/v1/jobs/${id}`), id);
      expectNotFound(await acme.api('PATCH', `/v1/jobs/${id}`, { body: { title: 'Mine now' } }), id);
      expectNotFound(await acme.api('PATCH', `/v1/jobs/${id}`, { body: {} }), id);
      expectNotFound(await acme.api('DELETE', `/v1/jobs/${id}`), id);
    }
    expect((await other.api('GET', `/v1/jobs/${theirs.body.id}`)).body).toMatchObject({ title: 'Engineer', companyId: other.id });
  });
});
