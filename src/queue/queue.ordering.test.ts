import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { enqueue } from './enqueue.ts';
import { deferred, queueWorld, type QueueWorld, settle, spec, testKind } from './queue.test-helpers.ts';
import type { QueueRunner } from './runner.ts';
import { PermanentTaskError } from './task-kind.ts';

interface Step {
  name: string;
  key?: string;
}

/** Per-ordering-key order, and what happens to a task whose worker is gone or slow. */
describe(`queue ordering and leases (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const add = (step: Step) => enqueue(world.database.db, world.clock, spec('step'), step, { orderingKey: step.key });
  const drain = async (runner: QueueRunner) => {
    let total = 0;
    for (let n = await runner.runOnce(); n > 0; n = await runner.runOnce()) total += n;
    return total;
  };

  it('tasks sharing a key run one after another in enqueue order; A2 waits while A1 is retried', async () => {
    const runner = world.runner();
    const other = world.runner();
    const log: string[] = [];
    let a1Attempts = 0;
    const handler = {
      backoffMs: () => 5_000,
      run: async (payload: unknown) => {
        const { name } = payload as Step;
        log.push(name);
        if (name === 'A1' && ++a1Attempts === 1) throw new Error('A1 fails once');
      },
    };
    runner.register(testKind('step', handler));
    other.register(testKind('step', handler));
    for (const step of [{ name: 'A1', key: 'A' }, { name: 'A2', key: 'A' }, { name: 'A3', key: 'A' }, { name: 'B1', key: 'B' }]) await add(step);

    // One round runs the head of each key: A1 (which fails) and B1; never A2.
    expect(await runner.runOnce()).toBe(2);
    expect([...log].sort()).toEqual(['A1', 'B1']);
    // A1 is waiting for its retry: A2 and A3 wait with it, on any runner.
    expect(await drain(runner)).toBe(0);
    expect(await drain(other)).toBe(0);
    world.clock.advance(4_999);
    expect(await drain(other)).toBe(0);

    world.clock.advance(1);
    expect(await drain(other)).toBe(3);
    expect(log.filter((n) => n.startsWith('A'))).toEqual(['A1', 'A1', 'A2', 'A3']);
    expect((await world.tasks()).map((r) => r.status)).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
  });

  it('A2 is not claimed while A1 is running, even by another runner; B is not held up', async () => {
    const first = world.runner();
    const second = world.runner();
    const a1Started = deferred();
    const a1Release = deferred();
    const log: string[] = [];
    first.register(testKind('step', {
      run: async (payload) => {
        log.push((payload as Step).name);
        a1Started.resolve();
        await a1Release.promise;
      },
    }));
    second.register(testKind('step', { run: async (payload) => void log.push((payload as Step).name) }));
    await add({ name: 'A1', key: 'A' });
    await add({ name: 'A2', key: 'A' });

    const round = first.runOnce();
    await a1Started.promise;
    await add({ name: 'B1', key: 'B' });
    await add({ name: 'free' });
    expect(await drain(second)).toBe(2);
    expect([...log].sort()).toEqual(['A1', 'B1', 'free']);

    a1Release.resolve();
    expect(await round).toBe(1);
    expect(await drain(second)).toBe(1);
    expect(log.slice(3)).toEqual(['A2']);
  });

  it('a task that died (DEAD) does not block its key forever', async () => {
    const runner = world.runner();
    const log: string[] = [];
    runner.register(testKind('step', {
      run: async (payload) => {
        const { name } = payload as Step;
        log.push(name);
        if (name === 'A1') throw new PermanentTaskError('poison');
      },
    }));
    await add({ name: 'A1', key: 'A' });
    await add({ name: 'A2', key: 'A' });
    expect(await drain(runner)).toBe(2);
    expect(log).toEqual(['A1', 'A2']);
    expect((await world.tasks()).map((r) => r.status)).toEqual(['DEAD', 'DONE']);
  });

  it('a task whose worker died is claimed again once its lease expired, and before the rest of its key', async () => {
    const LEASE = 30_000;
    const dead = world.runner({ leaseMs: LEASE });
    const alive = world.runner({ leaseMs: LEASE });
    const claimed = deferred();
    const zombie = deferred();
    dead.register(testKind('step', {
      run: async () => {
        claimed.resolve();
        await zombie.promise;
        throw new Error('the dead worker must not decide this task');
      },
    }));
    const log: string[] = [];
    alive.register(testKind('step', { run: async (payload, context) => void log.push(`${(payload as Step).name}#${context.attempt}`) }));
    const a1 = await add({ name: 'A1', key: 'A' });
    await add({ name: 'A2', key: 'A' });

    // The worker claims A1 and never finishes (as if its process had been killed).
    const lost = dead.runOnce();
    await claimed.promise;
    expect(await world.task(a1!)).toMatchObject({ status: 'RUNNING', attempts: 1 });
    expect(await drain(alive)).toBe(0);
    world.clock.advance(LEASE);
    expect(await drain(alive), 'the lease lasts until lockedUntil').toBe(0);

    world.clock.advance(1);
    expect(await drain(alive)).toBe(2);
    expect(log).toEqual(['A1#2', 'A2#1']);

    // The old worker comes back from the dead: its outcome no longer counts.
    zombie.resolve();
    await lost;
    expect(await world.task(a1!)).toMatchObject({ status: 'DONE', attempts: 2, lastError: null, lockedBy: null });
    world.clock.advance(3_600_000);
    expect(await drain(alive)).toBe(0);
  });

  it('a task whose worker dies on every attempt is DEAD after maxAttempts, not claimed forever', async () => {
    const LEASE = 10_000;
    const never = deferred();
    const lost: Promise<number>[] = [];
    const a1 = await enqueue(world.database.db, world.clock, spec('step'), { name: 'A1' }, { orderingKey: 'A', maxAttempts: 2 });
    await add({ name: 'A2', key: 'A' });
    // Each attempt kills its worker (as a task that crashes the process would): claimed, never finished.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const dying = world.runner({ leaseMs: LEASE });
      const claimed = deferred();
      dying.register(testKind('step', {
        run: async () => {
          claimed.resolve();
          await never.promise;
        },
      }));
      lost.push(dying.runOnce());
      await claimed.promise;
      expect(await world.task(a1!)).toMatchObject({ status: 'RUNNING', attempts: attempt });
      world.clock.advance(LEASE + 1);
    }

    const alive = world.runner({ leaseMs: LEASE });
    const log: string[] = [];
    alive.register(testKind('step', { run: async (payload) => void log.push((payload as Step).name) }));
    // Two claims: A1 (found past its last lease and made DEAD, not run), then A2.
    expect(await drain(alive)).toBe(2);
    expect(log).toEqual(['A2']);
    expect(await world.task(a1!)).toMatchObject({ status: 'DEAD', attempts: 2, lockedBy: null, lastError: expect.stringContaining('lease') });
    never.resolve();
    await Promise.all(lost);
    expect((await world.task(a1!)).status).toBe('DEAD');
  });

  it('a finished task is recorded at once, not held back by a slow task claimed with it', async () => {
    const LEASE = 30_000;
    const runner = world.runner({ leaseMs: LEASE });
    const other = world.runner({ leaseMs: LEASE });
    const slowRelease = deferred();
    const runs: string[] = [];
    runner.register(testKind('step', {
      run: async (payload) => {
        const { name } = payload as Step;
        runs.push(name);
        if (name === 'slow') await slowRelease.promise;
      },
    }));
    other.register(testKind('step', { run: async (payload) => void runs.push((payload as Step).name) }));
    const slow = await add({ name: 'slow', key: 'S' });
    const fast = await add({ name: 'fast', key: 'F' });
    await add({ name: 'fast-next', key: 'F' });

    const round = runner.runOnce();
    await expect.poll(() => runs.length).toBe(2);
    await settle();
    // `fast` is done: its key moves on while `slow` still runs.
    await expect.poll(async () => (await world.task(fast!)).status).toBe('DONE');
    expect(await drain(other)).toBe(1);
    expect(runs).toContain('fast-next');

    // Past the lease only the task really still in hand is taken over; `fast` does not run twice.
    world.clock.advance(LEASE + 1);
    expect(await drain(other)).toBe(1);
    expect(runs.filter((n) => n === 'fast')).toEqual(['fast']);
    expect(runs.filter((n) => n === 'slow')).toEqual(['slow', 'slow']);
    slowRelease.resolve();
    await round;
    expect(await world.task(slow!)).toMatchObject({ status: 'DONE', attempts: 2 });
  });
});
