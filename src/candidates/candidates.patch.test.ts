import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chars, expectValidation, flatKeys } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { eraseExpiredCandidates } from './gdpr-sweep.ts';

/** §9 PATCH: omitted keep, null clears, jobIds and metadata replace, rules hold on the result. */
describe('candidates: PATCH', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  const jobs: string[] = [];
  let foreignJob: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    other = await server.company('Other');
    for (let i = 0; i < 4; i++) jobs.push(await newJob(acme));
    foreignJob = await newJob(other);
  });
  afterAll(() => server.close());
  beforeEach(() => clock.advance(60_000));

  async function newJob(company: SeededCompany) {
    const res = await company.api('POST', '/v1/jobs', { body: { title: 'Some position', description: 'A role worth having.' } });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  }
  const job = (i: number) => jobs[i] as string;
  const create = async (body: Record<string, unknown> = {}) => {
    const res = await acme.api('POST', '/v1/candidates', {
      body: { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com', phoneNumber: '+14155550123', gdprExpiryDate: '2026-06-30', jobIds: [job(0), job(1)], metadata: { a: 1, nested: { b: 2 } }, ...body },
    });
    expect(res.status, res.text).toBe(201);
    clock.advance(1_000);
    return res.body;
  };
  const patch = (id: string, body: unknown) => acme.api('PATCH', `/v1/candidates/${id}`, { body });
  const read = async (id: string) => (await acme.api('GET', `/v1/candidates/${id}`)).body;

  /** A refused PATCH leaves the candidate exactly as it was (updatedAt and jobIds included). */
  async function expectRefusedAndUnchanged(id: string, body: unknown, ...paths: string[]) {
    const before = await read(id);
    const error = expectValidation(await patch(id, body), ...paths);
    expect(await read(id)).toEqual(before);
    return error;
  }

  it('changes only the fields given, bumps updatedAt and keeps createdAt', async () => {
    const candidate = await create();
    const res = await patch(candidate.id, { firstName: ' Anabel ', status: 'IN_PROCESS', gdprExpiryDate: '2027-01-01' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...candidate, firstName: 'Anabel', status: 'IN_PROCESS', gdprExpiryDate: '2027-01-01', updatedAt: clock.now().toISOString() });
    expect(await read(candidate.id)).toEqual(res.body);
    expect((await acme.api('PATCH', `/candidates/${candidate.id}`, { body: { lastName: 'Souza' } })).body.lastName).toBe('Souza');
  });

  it('an empty PATCH answers 200 with the unchanged candidate (updatedAt too)', async () => {
    const candidate = await create();
    const res = await patch(candidate.id, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(candidate);
    expect(await read(candidate.id)).toEqual(candidate);
  });

  it('a PATCH that repeats the current values (jobIds included) leaves updatedAt alone', async () => {
    const candidate = await create();
    const res = await patch(candidate.id, { firstName: 'Ana', email: 'ana@example.com', jobIds: [job(0), job(1)], metadata: { a: 1, nested: { b: 2 } } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(candidate);
    expect(await read(candidate.id)).toEqual(candidate);
  });

  it('jobIds REPLACE the list, in the order given; jobId follows the first; [] clears', async () => {
    const candidate = await create();
    const res = await patch(candidate.id, { jobIds: [job(3), job(0), job(2)] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jobIds: [job(3), job(0), job(2)], jobId: job(3), updatedAt: clock.now().toISOString() });
    expect(await read(candidate.id)).toEqual(res.body);
    const reordered = await patch(candidate.id, { jobIds: [job(2), job(3), job(0)] });
    expect(reordered.body).toMatchObject({ jobIds: [job(2), job(3), job(0)], jobId: job(2) });
    const cleared = await patch(candidate.id, { jobIds: [] });
    expect(cleared.body).toMatchObject({ jobIds: [], jobId: null });
    expect((await read(candidate.id)).jobIds).toEqual([]);
  });

  it('the deprecated jobId replaces jobIds with [jobId]; jobId null clears them', async () => {
    const candidate = await create();
    const res = await patch(candidate.id, { jobId: job(2) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jobIds: [job(2)], jobId: job(2) });
    expect(await read(candidate.id)).toEqual(res.body);
    expect((await patch(candidate.id, { jobId: null })).body).toMatchObject({ jobIds: [], jobId: null });
  });

  it('metadata is REPLACED, not merged (§4)', async () => {
    const candidate = await create();
    const res = await patch(candidate.id, { metadata: { nested: { c: 3 }, removed: null } });
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual({ nested: { c: 3 }, removed: null });
    expect((await read(candidate.id)).metadata).toEqual({ nested: { c: 3 }, removed: null });
    const big = await create({ metadata: flatKeys(40, 'old') });
    expect((await patch(big.id, { metadata: flatKeys(40, 'new') })).body.metadata).toEqual(flatKeys(40, 'new'));
    expect((await patch(big.id, { metadata: {} })).body.metadata).toEqual({});
    await expectRefusedAndUnchanged(big.id, { metadata: flatKeys(51) }, 'metadata');
  });

  it('null clears email or phoneNumber while the other remains', async () => {
    const a = await create();
    expect((await patch(a.id, { email: null })).body).toMatchObject({ email: null, phoneNumber: '+14155550123' });
    const b = await create();
    expect((await patch(b.id, { phoneNumber: null })).body).toMatchObject({ email: 'ana@example.com', phoneNumber: null });
    expect((await patch(b.id, { phoneNumber: '+4930123456', email: null })).body).toMatchObject({ email: null, phoneNumber: '+4930123456' });
    expect(await read(b.id)).toMatchObject({ email: null, phoneNumber: '+4930123456' });
  });

  it('the rules hold on the result: clearing the only contact is refused', async () => {
    const emailOnly = await create({ phoneNumber: null });
    const error = await expectRefusedAndUnchanged(emailOnly.id, { email: null });
    expect((error.details.issues as { path: string }[]).some((i) => i.path === 'email' || i.path === 'phoneNumber')).toBe(true);
    await expectRefusedAndUnchanged(emailOnly.id, { email: null, phoneNumber: null });
    const phoneOnly = await create({ email: null });
    await expectRefusedAndUnchanged(phoneOnly.id, { phoneNumber: null, firstName: 'Renamed' });
  });

  it.each(['firstName', 'lastName', 'gdprExpiryDate', 'status', 'jobIds', 'metadata'])('null on non-nullable %s is a 400 that changes nothing', async (field) => {
    const candidate = await create();
    await expectRefusedAndUnchanged(candidate.id, { [field]: null }, field);
  });

  it('field rules apply to PATCH values as on create', async () => {
    const c = await create();
    await expectRefusedAndUnchanged(c.id, { firstName: '' }, 'firstName');
    await expectRefusedAndUnchanged(c.id, { lastName: chars(101) }, 'lastName');
    await expectRefusedAndUnchanged(c.id, { email: 'nope' }, 'email');
    await expectRefusedAndUnchanged(c.id, { phoneNumber: '004915112345678' }, 'phoneNumber');
    await expectRefusedAndUnchanged(c.id, { status: 'hired' }, 'status');
    await expectRefusedAndUnchanged(c.id, { gdprExpiryDate: '2026-02-30' }, 'gdprExpiryDate');
    await expectRefusedAndUnchanged(c.id, { jobIds: Array.from({ length: 51 }, () => randomUUID()) }, 'jobIds');
    await expectRefusedAndUnchanged(c.id, { jobIds: [job(0), job(0)] }, 'jobIds');
    await expectRefusedAndUnchanged(c.id, { interviewCount: 2 }, 'interviewCount');
    await expectRefusedAndUnchanged(c.id, { fristName: 'typo' }, 'fristName');
  });

  it('gdprExpiryDate on PATCH must be in the future: today is refused, tomorrow accepted', async () => {
    clock.set('2025-12-01T12:00:00.000Z');
    const c = await create();
    await expectRefusedAndUnchanged(c.id, { gdprExpiryDate: '2025-12-01' }, 'gdprExpiryDate');
    await expectRefusedAndUnchanged(c.id, { gdprExpiryDate: '2025-11-30' }, 'gdprExpiryDate');
    expect((await patch(c.id, { gdprExpiryDate: '2025-12-02' })).body.gdprExpiryDate).toBe('2025-12-02');
  });

  it('a candidate whose gdprExpiryDate has passed can still be edited without naming a new date', async () => {
    clock.set('2026-01-10T12:00:00.000Z');
    const c = await create({ gdprExpiryDate: '2026-01-11' });
    clock.set('2026-01-12T12:00:00.000Z'); // the date is now in the past
    const empty = await patch(c.id, {});
    expect(empty.status, empty.text).toBe(200);
    expect(empty.body).toEqual(c);
    const moved = await patch(c.id, { status: 'REJECTED' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ status: 'REJECTED', gdprExpiryDate: '2026-01-11' });
    // A GET-modify-PATCH round trip repeats the stored date unchanged: still fine.
    expect((await patch(c.id, { ...pick(moved.body, ['firstName', 'gdprExpiryDate']), lastName: 'Souza' })).status).toBe(200);
    // Naming a new date still requires the future.
    await expectRefusedAndUnchanged(c.id, { gdprExpiryDate: '2026-01-12' }, 'gdprExpiryDate');
    expect((await patch(c.id, { gdprExpiryDate: '2026-01-13' })).body.gdprExpiryDate).toBe('2026-01-13');
  });

  it('a candidate erased by the GDPR sweep (no email, no phone) still answers {} and unrelated PATCHes', async () => {
    clock.set('2026-02-10T12:00:00.000Z');
    const c = await create({ gdprExpiryDate: '2026-02-11' });
    clock.set('2026-02-12T12:00:00.000Z');
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBeGreaterThanOrEqual(1);
    const erased = await read(c.id);
    expect(erased).toMatchObject({ email: null, phoneNumber: null });
    const empty = await patch(c.id, {});
    expect(empty.status, empty.text).toBe(200);
    expect(empty.body).toEqual(erased);
    const moved = await patch(c.id, { status: 'REJECTED', jobIds: [job(2)] });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ status: 'REJECTED', jobIds: [job(2)], email: null, phoneNumber: null });
    // Naming a contact field brings the rule back: the result must still have one.
    await expectRefusedAndUnchanged(c.id, { email: null });
    expect((await patch(c.id, { phoneNumber: '+4930123456', gdprExpiryDate: '2027-01-01', firstName: 'Ana', lastName: 'Silva' })).status).toBe(200);
  });

  it('jobIds on PATCH: unknown, another company\'s and a deleted job are refused naming jobIds.N', async () => {
    const c = await create();
    const gone = await newJob(acme);
    expect((await acme.api('DELETE', `/v1/jobs/${gone}`)).body).toBe(true);
    await expectRefusedAndUnchanged(c.id, { jobIds: [job(0), randomUUID(), foreignJob, gone] }, 'jobIds.1', 'jobIds.2', 'jobIds.3');
    await expectRefusedAndUnchanged(c.id, { jobId: foreignJob }, 'jobId');
    await expectRefusedAndUnchanged(c.id, { jobId: gone }, 'jobId');
  });

  it('a linked job deleted later may be kept (and reordered) but, once dropped, not added back', async () => {
    const doomed = await newJob(acme);
    const c = await create({ jobIds: [job(0), doomed] });
    const stranger = await create({ jobIds: [job(1)] });
    expect((await acme.api('DELETE', `/v1/jobs/${doomed}`)).body).toBe(true);

    const kept = await patch(c.id, { jobIds: [doomed, job(0), job(2)], firstName: 'Kept' });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body).toMatchObject({ jobIds: [doomed, job(0), job(2)], jobId: doomed, firstName: 'Kept' });
    expect((await patch(c.id, { lastName: 'Unrelated edit' })).body.jobIds).toEqual([doomed, job(0), job(2)]);

    // Another candidate cannot newly get it.
    await expectRefusedAndUnchanged(stranger.id, { jobIds: [job(1), doomed] }, 'jobIds.1');
    // Dropped, then asked for again: that is a new assignment.
    expect((await patch(c.id, { jobIds: [job(0)] })).body.jobIds).toEqual([job(0)]);
    await expectRefusedAndUnchanged(c.id, { jobIds: [job(0), doomed] }, 'jobIds.1');
  });

  it('jobIds and jobId together are refused; nothing changes', async () => {
    const c = await create();
    const before = await read(c.id);
    const error = expectValidation(await patch(c.id, { jobIds: [job(2)], jobId: job(2) }));
    expect((error.details.issues as { path: string }[]).some((i) => i.path === 'jobId' || i.path === 'jobIds')).toBe(true);
    expect(await read(c.id)).toEqual(before);
  });

  it('a PATCH with one bad part applies none of its good parts', async () => {
    const c = await create();
    await expectRefusedAndUnchanged(c.id, { firstName: 'Changed', metadata: { fresh: true }, jobIds: [job(3), randomUUID()] }, 'jobIds.1');
    await expectRefusedAndUnchanged(c.id, { jobIds: [job(3)], status: 'ACCEPTED', gdprExpiryDate: '2020-01-01' }, 'gdprExpiryDate');
    await expectRefusedAndUnchanged(c.id, { jobIds: [job(3)], email: null, phoneNumber: null });
  });
});

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, source[k]]));
}
