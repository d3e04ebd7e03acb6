import { afterEach, describe, expect, it } from 'vitest';
import { type SeededCompany, startTestServer, type TestServer, testDatabaseKind } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { scheduleRecurringTasks } from '../server/tasks.ts';
import { eraseExpiredCandidates, GDPR_SWEEP_EVERY_MS, GDPR_SWEEP_TASK } from './gdpr-sweep.ts';

const START = '2030-01-01T12:00:00.000Z'; // "today" is 2030-01-01 (UTC)

/** §9 extension: a background sweep erases the personal fields of candidates past gdprExpiryDate. */
describe(`GDPR sweep (${testDatabaseKind})`, () => {
  let server: TestServer;
  let clock: ManualClock;
  afterEach(() => server?.close());

  const start = async (options: { keepRunnerStarted?: boolean } = {}) => {
    clock = new ManualClock(START);
    server = await startTestServer({ clock });
    // Driven by runOnce() for determinism, unless a test wants the service's own polling loop.
    if (!options.keepRunnerStarted) await server.deps.queue.stop();
    return server;
  };

  const create = async (company: SeededCompany, body: Record<string, unknown>) => {
    const res = await company.api('POST', '/v1/candidates', { body: { email: `${String(body.firstName).toLowerCase()}@example.com`, ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };
  const row = (id: string) => server.deps.database.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const erasedFields = (at: string) => ({ firstName: '', lastName: '', email: null, phoneNumber: null, metadata: '{}', erasedAt: at, updatedAt: at });

  it('runs through the queue: erases the expired candidates of every company, leaves the others, and erases nothing twice', async () => {
    await start();
    const acme = await server.company('Acme');
    const globex = await server.company('Globex');
    const personal = { phoneNumber: '+31612345678', metadata: { linkedin: 'https://example.com/in/someone', notes: 'met at fair' } };
    const alice = await create(acme, { firstName: 'Alice', lastName: 'Archer', gdprExpiryDate: '2030-01-10', ...personal });
    const carol = await create(globex, { firstName: 'Carol', lastName: 'Cole', gdprExpiryDate: '2030-01-10', ...personal });
    const dave = await create(acme, { firstName: 'Dave', lastName: 'Dunn', gdprExpiryDate: '2030-01-10' });
    const bob = await create(acme, { firstName: 'Bob', lastName: 'Baker', gdprExpiryDate: '2030-03-01', ...personal });
    const erin = await create(acme, { firstName: 'Erin', lastName: 'Eve' }); // default: a year from today
    // A soft-deleted candidate's personal data is still personal data.
    expect((await acme.api('DELETE', `/v1/candidates/${dave}`)).status).toBeLessThan(300);
    const before = new Map(await Promise.all([alice, carol, dave, bob, erin].map(async (id) => [id, await row(id)] as const)));

    await scheduleRecurringTasks(server.deps);
    await scheduleRecurringTasks(server.deps); // every process calls it at start: still one sweep
    const sweeps = await server.deps.database.db.selectFrom('queueTasks').selectAll().where('kind', '=', GDPR_SWEEP_TASK).execute();
    expect(sweeps).toHaveLength(1);

    // The first sweep runs at once, and nobody is expired yet.
    expect(await server.deps.queue.runOnce()).toBeGreaterThanOrEqual(1);
    for (const [id, was] of before) expect(await row(id)).toEqual(was);

    // Eleven days later, the sweep that falls due erases the three expired candidates.
    clock.set('2030-01-11T12:00:00.000Z');
    const firstSweepAt = clock.now().toISOString();
    expect(await server.deps.queue.runOnce()).toBeGreaterThanOrEqual(1);
    for (const id of [alice, carol, dave]) {
      const erased = await row(id);
      expect(erased).toMatchObject(erasedFields(firstSweepAt));
      // The rest of the record stays: it is still the same candidate, just anonymous.
      const was = before.get(id)!;
      expect(erased).toMatchObject({ id, companyId: was.companyId, status: was.status, gdprExpiryDate: was.gdprExpiryDate, createdAt: was.createdAt, deletedAt: was.deletedAt });
    }
    for (const id of [bob, erin]) expect(await row(id)).toEqual(before.get(id));

    // What the API shows of an erased candidate, and the old name no longer finds it.
    const shown = await acme.api('GET', `/v1/candidates/${alice}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: alice, firstName: '', lastName: '', email: null, phoneNumber: null, metadata: {} });
    const search = await acme.api('GET', '/v1/candidates', { query: { search: 'Alice' } });
    expect(search.body.total).toBe(0);

    // The next sweep (an hour later) erases nothing new and leaves erasedAt as it was.
    const afterFirst = new Map(await Promise.all([alice, carol, dave, bob, erin].map(async (id) => [id, await row(id)] as const)));
    clock.advance(GDPR_SWEEP_EVERY_MS);
    expect(await server.deps.queue.runOnce()).toBeGreaterThanOrEqual(1);
    for (const [id, was] of afterFirst) expect(await row(id)).toEqual(was);

    // Past Bob's date, a later sweep erases him too, and only him.
    clock.set('2030-03-02T08:00:00.000Z');
    expect(await server.deps.queue.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await row(bob)).toMatchObject(erasedFields('2030-03-02T08:00:00.000Z'));
    for (const id of [alice, carol, dave, erin]) expect(await row(id)).toEqual(afterFirst.get(id));
    const [sweep] = await server.deps.database.db.selectFrom('queueTasks').selectAll().where('kind', '=', GDPR_SWEEP_TASK).execute();
    expect(sweep).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null, runAt: new Date(clock.now().getTime() + GDPR_SWEEP_EVERY_MS).toISOString() });
  });

  it('the sweep runs once per period, not on every poll', async () => {
    await start();
    const acme = await server.company('Acme');
    const alice = await create(acme, { firstName: 'Alice', lastName: 'Archer', gdprExpiryDate: '2030-01-02' });
    await scheduleRecurringTasks(server.deps);
    await server.deps.queue.runOnce();

    // A sweep on Alice's last day: nothing to erase; the next one is due an hour later.
    clock.set('2030-01-02T23:30:00.000Z');
    expect(await server.deps.queue.runOnce()).toBeGreaterThanOrEqual(1);
    expect((await row(alice)).erasedAt).toBeNull();
    // Alice is now expired, but no sweep is due yet: polling does not sweep.
    clock.set(new Date(Date.parse('2030-01-02T23:30:00.000Z') + GDPR_SWEEP_EVERY_MS - 1).toISOString());
    await server.deps.queue.runOnce();
    expect((await row(alice)).firstName).toBe('Alice');
    clock.advance(1);
    await server.deps.queue.runOnce();
    expect(await row(alice)).toMatchObject(erasedFields('2030-01-03T00:30:00.000Z'));
  });

  it('“past” means after the whole expiry day (UTC)', async () => {
    await start();
    const acme = await server.company('Acme');
    const alice = await create(acme, { firstName: 'Alice', lastName: 'Archer', gdprExpiryDate: '2030-01-10' });
    clock.set('2030-01-10T23:59:59.999Z');
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(0);
    expect((await row(alice)).firstName).toBe('Alice');
    clock.set('2030-01-11T00:00:00.000Z');
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(1);
    expect(await row(alice)).toMatchObject(erasedFields('2030-01-11T00:00:00.000Z'));
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(0);
  });

  it('personal data written to a candidate after its erasure does not outlive the expiry date', async () => {
    await start();
    const acme = await server.company('Acme');
    const alice = await create(acme, { firstName: 'Alice', lastName: 'Archer', gdprExpiryDate: '2030-01-10' });
    const bob = await create(acme, { firstName: 'Bob', lastName: 'Baker', gdprExpiryDate: '2030-01-10' });
    clock.set('2030-01-11T00:00:00.000Z');
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(2);

    // Alice re-applies: the recruiter fills her record in again with a new consent date.
    const renewed = await acme.api('PATCH', `/v1/candidates/${alice}`, { body: { firstName: 'Alice', lastName: 'Archer', email: 'alice@example.com', gdprExpiryDate: '2030-06-01' } });
    expect(renewed.status, renewed.text).toBe(200);
    // Bob's record gets a detail again without a new date (whether the API allows it or not).
    const patched = await acme.api('PATCH', `/v1/candidates/${bob}`, { body: { email: 'bob@example.com', metadata: { note: 'called back' } } });

    clock.set('2030-01-12T00:00:00.000Z');
    await eraseExpiredCandidates(server.deps.database.db, clock);
    // Alice's new date has not passed: her data stays. Bob is past his: nothing personal remains.
    expect(await row(alice)).toMatchObject({ firstName: 'Alice', email: 'alice@example.com' });
    expect(await row(bob), `PATCH answered ${patched.status}`).toMatchObject({ firstName: '', lastName: '', email: null, phoneNumber: null, metadata: '{}' });

    clock.set('2030-06-02T00:00:00.000Z');
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(1);
    expect(await row(alice)).toMatchObject(erasedFields('2030-06-02T00:00:00.000Z'));
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(0);
  });

  it('the started service sweeps on its own once the clock passes the date', async () => {
    await start({ keepRunnerStarted: true });
    const acme = await server.company('Acme');
    const alice = await create(acme, { firstName: 'Alice', lastName: 'Archer', gdprExpiryDate: '2030-01-05' });
    const bob = await create(acme, { firstName: 'Bob', lastName: 'Baker', gdprExpiryDate: '2030-02-05' });
    await scheduleRecurringTasks(server.deps);
    server.deps.queue.wake();
    // The first sweep runs (and reschedules itself an hour on) without anyone calling runOnce.
    await expect.poll(async () => (await server.deps.database.db.selectFrom('queueTasks').select('runAt').where('kind', '=', GDPR_SWEEP_TASK).executeTakeFirstOrThrow()).runAt, { timeout: 5_000 }).not.toBe(START);
    clock.set('2030-01-06T12:00:00.000Z');
    await expect.poll(async () => (await row(alice)).erasedAt, { timeout: 5_000 }).toBe('2030-01-06T12:00:00.000Z');
    expect((await row(bob)).firstName).toBe('Bob');
  });

  it('erases more candidates than one transaction takes, across companies, in one run', async () => {
    await start();
    const acme = await server.company('Acme');
    const globex = await server.company('Globex');
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) ids.push(await create(i % 3 === 0 ? globex : acme, { firstName: `Person${i}`, lastName: 'Many', gdprExpiryDate: '2030-01-05' }));
    clock.set('2030-01-06T00:00:00.000Z');
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(230);
    const left = await server.deps.database.db.selectFrom('candidates').select('id').where('id', 'in', ids).where('firstName', '<>', '').execute();
    expect(left).toEqual([]);
    expect(await eraseExpiredCandidates(server.deps.database.db, clock)).toBe(0);
  });
});

