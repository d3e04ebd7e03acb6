import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chars, expectError, expectNotFound, expectValidation, flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { type ApiResponse, type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

const START = '2025-11-20T10:00:00.000Z'; // "today" is 2025-11-20 (UTC)

/** A 400 whose issues name at least one of `paths` (for rules that concern two fields). */
function expectValidationOfOneOf(response: ApiResponse, paths: string[]) {
  const error = expectValidation(response);
  const found = (error.details.issues as { path: string }[]).map((i) => i.path);
  expect(found.some((p) => paths.includes(p)), `issues: ${JSON.stringify(error.details.issues)}`).toBe(true);
  return error;
}

/** §9 create rules: every rejected value is a 400 in the §2 envelope naming its field. */
describe('candidates: create is refused for every broken rule', () => {
  const clock = new ManualClock(START);
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  const job = { live: '', live2: '', deleted: '', otherCompany: '' };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    other = await server.company('Other');
    const newJob = async (company: SeededCompany) => {
      const res = await company.api('POST', '/v1/jobs', { body: { title: 'Some position', description: 'A role worth having.' } });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    job.live = await newJob(acme);
    job.live2 = await newJob(acme);
    job.deleted = await newJob(acme);
    expect((await acme.api('DELETE', `/v1/jobs/${job.deleted}`)).body).toBe(true);
    job.otherCompany = await newJob(other);
  });
  afterAll(() => server.close());
  beforeEach(() => clock.set(START));

  const valid = { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com' };
  const create = (body: unknown) => acme.api('POST', '/v1/candidates', { body });
  const refused = async (extra: Record<string, unknown>, ...paths: string[]) => expectValidation(await create({ ...valid, ...extra }), ...paths);

  it('firstName and lastName: missing, empty, blank, 101 characters, null, not a string', async () => {
    expectValidation(await create({ lastName: 'Silva', email: valid.email }), 'firstName');
    expectValidation(await create({ firstName: 'Ana', email: valid.email }), 'lastName');
    expect(expectValidation(await create({ email: valid.email }), 'firstName', 'lastName').details.issues).toHaveLength(2);
    for (const field of ['firstName', 'lastName']) {
      for (const value of ['', '   ', chars(101), ` ${chars(101)} `, null, 7]) await refused({ [field]: value }, field);
    }
  });

  it('email must be an email address', async () => {
    for (const email of ['not-an-email', 'ana@', '@example.com', 'ana example@example.com', 'Ana <ana@example.com>', 'ana@@example.com', '', 42]) {
      await refused({ email }, 'email');
    }
  });

  it('phoneNumber must be E.164: 0049…, +0…, 16 digits, spaces, dashes, no plus are refused', async () => {
    for (const phoneNumber of ['004915112345678', '+015112345678', '+1234567890123456', '+1 415 555 0123', '+1-415-555-0123', '14155550123', '+', '+1', '', 14155550123]) {
      await refused({ phoneNumber }, 'phoneNumber');
    }
  });

  it('neither email nor phoneNumber is a 400 naming them', async () => {
    expectValidationOfOneOf(await create({ firstName: 'Ana', lastName: 'Silva' }), ['email', 'phoneNumber']);
    expectValidationOfOneOf(await create({ firstName: 'Ana', lastName: 'Silva', email: null, phoneNumber: null }), ['email', 'phoneNumber']);
    expectValidationOfOneOf(await create({ firstName: 'Ana', lastName: 'Silva', email: null }), ['email', 'phoneNumber']);
  });

  it('gdprExpiryDate must be in the future: today and yesterday are refused', async () => {
    await refused({ gdprExpiryDate: '2025-11-20' }, 'gdprExpiryDate');
    await refused({ gdprExpiryDate: '2025-11-19' }, 'gdprExpiryDate');
    await refused({ gdprExpiryDate: '2000-01-01' }, 'gdprExpiryDate');
    clock.set('2025-11-21T00:00:00.000Z'); // midnight UTC: yesterday's "tomorrow" is today now
    await refused({ gdprExpiryDate: '2025-11-21' }, 'gdprExpiryDate');
    clock.set('2025-11-20T23:59:59.999Z');
    await refused({ gdprExpiryDate: '2025-11-20' }, 'gdprExpiryDate');
  });

  it('gdprExpiryDate must be a YYYY-MM-DD calendar date', async () => {
    // Future years too, so that only the format can be the reason.
    for (const gdprExpiryDate of ['2025-02-30', '2026-02-30', '2027-02-29', '2026-04-31', '2026-13-01', '2025-1-1', '2026-1-1', '26-01-01', '2026/01/01', '01.01.2026']) {
      await refused({ gdprExpiryDate }, 'gdprExpiryDate');
    }
    for (const gdprExpiryDate of ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z', '', 'tomorrow', 20260101, null]) {
      await refused({ gdprExpiryDate }, 'gdprExpiryDate');
    }
  });

  it('jobIds: 51 ids are refused naming jobIds', async () => {
    const many = Array.from({ length: 51 }, () => randomUUID());
    await refused({ jobIds: many }, 'jobIds');
  });

  it('jobIds: an unknown job, another company\'s job and a deleted job are refused naming jobIds.N', async () => {
    const unknown = randomUUID();
    const error = await refused({ jobIds: [job.live, unknown, job.otherCompany, job.deleted] }, 'jobIds.1', 'jobIds.2', 'jobIds.3');
    const issues = error.details.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).not.toContain('jobIds.0');
    // Never a hint that the id exists elsewhere: the foreign job reads like an unknown one.
    const text = (path: string) => (issues.find((i) => i.path === path)?.message ?? '').replace(/[0-9a-f-]{36}/g, '<id>');
    expect(text('jobIds.2')).toBe(text('jobIds.1'));
    expect(JSON.stringify(error)).not.toMatch(/other company|another company|deleted/i);
    await refused({ jobIds: [job.deleted] }, 'jobIds.0');
    await refused({ jobIds: [job.otherCompany] }, 'jobIds.0');
  });

  it('jobIds: duplicates (also in different case), non-UUIDs, null and a non-list are refused', async () => {
    await refused({ jobIds: [job.live, job.live2, job.live] }, 'jobIds');
    await refused({ jobIds: [job.live, job.live.toUpperCase()] }, 'jobIds');
    await refused({ jobIds: ['not-a-uuid'] }, 'jobIds.0');
    await refused({ jobIds: [job.live, 12] }, 'jobIds.1');
    await refused({ jobIds: null }, 'jobIds');
    await refused({ jobIds: job.live }, 'jobIds');
  });

  it('the deprecated jobId: unknown, another company\'s, deleted and non-UUID are refused naming jobId', async () => {
    for (const jobId of [randomUUID(), job.otherCompany, job.deleted, 'not-a-uuid', 5]) await refused({ jobId }, 'jobId');
  });

  it('jobIds and jobId together are refused, even when they agree', async () => {
    for (const both of [{ jobIds: [job.live], jobId: job.live }, { jobIds: [job.live], jobId: job.live2 }, { jobIds: [], jobId: null }]) {
      expectValidationOfOneOf(await create({ ...valid, ...both }), ['jobId', 'jobIds']);
    }
  });

  it('status: lowercase, unknown and null are refused', async () => {
    for (const status of ['applied', 'Applied', 'HIRED', '', null]) await refused({ status }, 'status');
  });

  it('metadata (§4): 51 keys, 6 levels, 10,241 bytes, not an object', async () => {
    expect((await refused({ metadata: flatKeys(51) }, 'metadata')).message).toMatch(/key/);
    expect((await refused({ metadata: nested(6) }, 'metadata')).message).toMatch(/level|deep|nest/i);
    expect((await refused({ metadata: metadataOfBytes(10_241) }, 'metadata')).message).toMatch(/byte/);
    for (const metadata of [[1], null, 'text']) await refused({ metadata }, 'metadata');
  });

  it('unknown and read-only fields are refused and named', async () => {
    for (const field of ['firstname', 'name', 'id', 'companyId', 'interviewCount', 'analysisCount', 'overallRating', 'createdAt']) {
      await refused({ [field]: field === 'interviewCount' ? 3 : 'x' }, field);
    }
  });

  it('every field problem is reported at once', async () => {
    const error = expectValidation(await create({ firstName: '', lastName: chars(101), email: 'nope', status: 'applied' }), 'firstName', 'lastName', 'email', 'status');
    expect(error.details.issues).toHaveLength(4);
  });

  it('a body that is not an object is a 400', async () => {
    expectError(await acme.api('POST', '/v1/candidates', { body: [valid] }), 400, 'VALIDATION_ERROR');
    expectError(await acme.api('POST', '/v1/candidates'), 400, 'VALIDATION_ERROR');
    expectError(await acme.api('POST', '/v1/candidates', { rawBody: '{"firstName":"Ana",}', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
  });

  it('nothing was created by the refused requests', async () => {
    const list = await acme.api('GET', '/v1/candidates');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
  });

  it('a path id that is not a UUID is a 400 naming id; an unknown or another company\'s id is a 404', async () => {
    expectValidation(await acme.api('GET', '/v1/candidates/not-a-uuid'), 'id');
    expectValidation(await acme.api('PATCH', '/v1/candidates/123', { body: { firstName: 'Bo' } }), 'id');
    expectValidation(await acme.api('DELETE', '/v1/candidates/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'), 'id');
    const theirs = await other.api('POST', '/v1/candidates', { body: valid });
    expect(theirs.status).toBe(201);
    for (const id of [randomUUID(), theirs.body.id as string]) {
      expectNotFound(await acme.api('GET', `/v1/candidates/${id}`), id);
      expectNotFound(await acme.api('PATCH', `/v1/candidates/${id}`, { body: { firstName: 'Mine' } }), id);
      expectNotFound(await acme.api('PATCH', `/v1/candidates/${id}`, { body: {} }), id);
      expectNotFound(await acme.api('DELETE', `/v1/candidates/${id}`), id);
    }
    expect((await other.api('GET', `/v1/candidates/${theirs.body.id}`)).body).toMatchObject({ firstName: 'Ana', companyId: other.id });
  });
});
