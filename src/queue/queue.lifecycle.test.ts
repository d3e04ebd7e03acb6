import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { enqueue } from './enqueue.ts';
import { deferred, queueWorld, type QueueWorld, settle, spec, testKind } from './queue.test-helpers.ts';
import { QueueRunner } from './runner.ts';

/** The runner as a service runs it: start, poll, wake, and a stop that drains. */
describe(`queue runner lifecycle (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const add = (kind: string, payload: unknown = null, orderingKey?: string) => enqueue(world.database.db, world.clock, spec(kind), payload, { orderingKey });

  it('stop() waits for the tasks in hand, records their outcome, and claims nothing after', async () => {
    const runner = world.runner({ pollMs: 10 });
    const started = deferred();
    const release = deferred();
    const ran: unknown[] = [];
    runner.register(testKind('work', {
      run: async (payload) => {
        ran.push(payload);
        started.resolve();
        await release.promise;
      },
    }));
    const id = await add('work', 1);
    runner.start();
    await started.promise;

    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await settle(100);
    expect(stopped, 'stop() returned while a task was still running').toBe(false);
    release.resolve();
    await stopping;
    // The outcome was written before stop() resolved (the database may be closed right after).
    expect(await world.task(id!)).toMatchObject({ status: 'DONE', lockedBy: null });

    await add('work', 2);
    runner.wake();
    await settle(150);
    expect(ran).toEqual([1]);
  });

  it('a started runner polls: a task that becomes due is run without being woken', async () => {
    const runner = world.runner({ pollMs: 20 });
    const ran: string[] = [];
    runner.register(testKind('later', { run: async () => void ran.push(world.clock.now().toISOString()) }));
    await enqueue(world.database.db, world.clock, spec('later'), null, { runAt: new Date(world.clock.now().getTime() + 60_000) });
    runner.start();
    await settle(100);
    expect(ran).toEqual([]);
    world.clock.advance(60_000);
    await expect.poll(() => ran.length, { timeout: 3_000 }).toBe(1);
  });

  it('wake() runs new work at once instead of at the next poll, and follow-up work of a key goes on without waiting', async () => {
    // A poll interval no test would wait for: only wake() and "work begets work" can run these.
    const runner = world.runner({ pollMs: 600_000 });
    const ran: string[] = [];
    runner.register(testKind('step', { run: async (payload) => void ran.push(payload as string) }));
    runner.start();
    await settle(50); // the first (empty) round
    for (const step of ['A1', 'A2', 'A3']) await add('step', step, 'A');
    runner.wake();
    await expect.poll(() => ran, { timeout: 3_000 }).toEqual(['A1', 'A2', 'A3']);
  });

  it('wake() during a round causes another round right after it', async () => {
    const runner = world.runner({ pollMs: 600_000 });
    const ran: string[] = [];
    const inRound = deferred();
    const release = deferred();
    runner.register(testKind('first', {
      run: async () => {
        inRound.resolve();
        await release.promise;
        ran.push('first');
      },
    }));
    runner.register(testKind('second', { run: async () => void ran.push('second') }));
    await add('first');
    runner.start();
    await inRound.promise;
    // Committed while the round is busy: not in its claim.
    await add('second');
    runner.wake();
    release.resolve();
    await expect.poll(() => ran, { timeout: 3_000 }).toEqual(['first', 'second']);
  });

  it('an outcome that cannot be written (the table is briefly gone) is logged; the round still waits for its other tasks, and the task runs again after its lease', async () => {
    const errors: string[] = [];
    const runner = new QueueRunner(world.database.db, world.database.kind, world.clock, { error: (_obj, msg) => void errors.push(msg) }, { leaseMs: 60_000 });
    const fastStarted = deferred();
    const releaseFast = deferred();
    const releaseSlow = deferred();
    const runs: string[] = [];
    runner.register(testKind('fast', {
      run: async () => {
        runs.push('fast');
        fastStarted.resolve();
        if (runs.length === 1) await releaseFast.promise;
      },
    }));
    const slowStarted = deferred();
    runner.register(testKind('slow', { run: () => (slowStarted.resolve(), releaseSlow.promise) }));
    const fast = await add('fast');
    const slow = await add('slow');
    const rename = (from: string, to: string) => sql`alter table ${sql.table(from)} rename to ${sql.table(to)}`.execute(world.database.db);

    const round = runner.runOnce();
    let roundSettled = false;
    void round.finally(() => (roundSettled = true));
    // Both claimed (kinds are claimed one after the other) before the table goes: a claim without
    // it fails the round, which is another test's case.
    await Promise.all([fastStarted.promise, slowStarted.promise]);
    await rename('queue_tasks', 'queue_tasks_away');
    try {
      releaseFast.resolve();
      await expect.poll(() => errors, { timeout: 5_000 }).toEqual(['queue task outcome not recorded']);
    } finally {
      await rename('queue_tasks_away', 'queue_tasks');
    }
    await settle(50);
    expect(roundSettled, 'the round ended while one of its tasks was still running').toBe(false);
    releaseSlow.resolve();
    expect(await round).toBe(2);
    expect(await world.task(slow!)).toMatchObject({ status: 'DONE' });
    // The unrecorded task still holds its lease; once it runs out, the task runs again.
    expect(await world.task(fast!)).toMatchObject({ status: 'RUNNING' });
    world.clock.advance(60_001);
    expect(await runner.runOnce()).toBe(1);
    expect(runs).toEqual(['fast', 'fast']);
    expect(await world.task(fast!)).toMatchObject({ status: 'DONE', attempts: 2 });
  });

  it('a round that fails (database unreachable) is logged, the runner keeps polling, and stop() still resolves', async () => {
    const errors: string[] = [];
    const runner = new QueueRunner(world.database.db, world.database.kind, world.clock, { error: (_obj, msg) => void errors.push(msg) }, { pollMs: 10 });
    const failing = deferred();
    let rounds = 0;
    // The round's database work fails, as it does when the database goes away.
    runner.claimDue = async () => {
      rounds++;
      if (rounds === 1) await failing.promise;
      throw new Error('connection terminated');
    };
    runner.start();
    await expect.poll(() => rounds).toBe(1);
    const stopping = runner.stop();
    failing.resolve();
    await expect(stopping).resolves.toBeUndefined();
    expect(errors).toEqual(['queue round failed']);

    const again = new QueueRunner(world.database.db, world.database.kind, world.clock, { error: (_obj, msg) => void errors.push(msg) }, { pollMs: 10 });
    let attempts = 0;
    again.claimDue = async () => {
      if (++attempts < 3) throw new Error('connection refused');
      return 0;
    };
    again.start();
    await expect.poll(() => attempts, { timeout: 3_000 }).toBeGreaterThanOrEqual(4);
    await again.stop();
  });
});
