import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { enqueue } from './enqueue.ts';
import { deferred, queueWorld, type QueueWorld, settle } from './queue.test-helpers.ts';
import { QueueRunner } from './runner.ts';

/** The runner as a service runs it: start, poll, wake, and a stop that drains. */
describe(`queue runner lifecycle (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const add = (kind: string, payload: unknown = null, orderingKey: string | null = null) => enqueue(world.database.db, world.clock, { kind, payload, orderingKey });

  it('stop() waits for the tasks in hand, records their outcome, and claims nothing after', async () => {
    const runner = world.runner({ pollMs: 10 });
    const started = deferred();
    const release = deferred();
    const ran: unknown[] = [];
    runner.register('work', {
      run: async (payload) => {
        ran.push(payload);
        started.resolve();
        await release.promise;
      },
    });
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
    runner.register('later', { run: async () => void ran.push(world.clock.now().toISOString()) });
    await enqueue(world.database.db, world.clock, { kind: 'later', payload: null, runAt: new Date(world.clock.now().getTime() + 60_000) });
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
    runner.register('step', { run: async (payload) => void ran.push(payload as string) });
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
    runner.register('first', {
      run: async () => {
        inRound.resolve();
        await release.promise;
        ran.push('first');
      },
    });
    runner.register('second', { run: async () => void ran.push('second') });
    await add('first');
    runner.start();
    await inRound.promise;
    // Committed while the round is busy: not in its claim.
    await add('second');
    runner.wake();
    release.resolve();
    await expect.poll(() => ran, { timeout: 3_000 }).toEqual(['first', 'second']);
  });

  it('a round that fails (database unreachable) is logged, the runner keeps polling, and stop() still resolves', async () => {
    const errors: string[] = [];
    const runner = new QueueRunner(world.database.db, world.database.kind, world.clock, { error: (_obj, msg) => void errors.push(msg) }, { pollMs: 10 });
    const failing = deferred();
    let rounds = 0;
    // The round's database work fails, as it does when the database goes away.
    runner.runOnce = async () => {
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
    again.runOnce = async () => {
      if (++attempts < 3) throw new Error('connection refused');
      return 0;
    };
    again.start();
    await expect.poll(() => attempts, { timeout: 3_000 }).toBeGreaterThanOrEqual(4);
    await again.stop();
  });
});
