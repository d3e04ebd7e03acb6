import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { enqueue } from './enqueue.ts';
import { deferred, queueWorld, type QueueWorld, spec, testKind } from './queue.test-helpers.ts';
import { cancelTask } from './task-keys.ts';
import { LeaseLostError, type TaskContext } from './task-kind.ts';

const LEASE = 30_000;

/** Heartbeats, lost leases, `finishIn`, and a shutdown that aborts (the clock is the world's ManualClock). */
describe(`queue leases and signals (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const add = (kind = 'long') => enqueue(world.database.db, world.clock, spec(kind), null);

  it('a task that runs three times its lease runs once: each heartbeat keeps it from the other runner', async () => {
    const holder = world.runner({ leaseMs: LEASE });
    const other = world.runner({ leaseMs: LEASE });
    const started = deferred();
    const release = deferred();
    let runs = 0;
    const kind = testKind('long', {
      run: async () => {
        runs++;
        started.resolve();
        await release.promise;
      },
    });
    holder.register(kind);
    other.register(kind);
    const id = await add();
    const round = holder.runOnce();
    await started.promise;
    for (let step = 0; step < 6; step++) {
      world.clock.advance(LEASE / 2);
      await holder.heartbeat();
      expect(await other.runOnce(), `after ${(step + 1) / 2} leases`).toBe(0);
    }
    release.resolve();
    expect(await round).toBe(1);
    expect(runs).toBe(1);
    expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 1, lockedBy: null });
  });

  it('without heartbeats the same task is taken over after one lease (the heartbeat is what kept it)', async () => {
    const holder = world.runner({ leaseMs: LEASE });
    const other = world.runner({ leaseMs: LEASE });
    const started = deferred();
    const seen: { attempt: number; signal: AbortSignal }[] = [];
    holder.register(
      testKind('long', {
        run: async (_payload, context) => {
          seen.push(context);
          started.resolve();
          // Runs until its signal says the task is no longer its own.
          await new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason)));
        },
      }),
    );
    other.register(testKind('long', { run: async (_payload, context) => void seen.push(context) }));
    const id = await add();
    const round = holder.runOnce();
    await started.promise;
    world.clock.advance(LEASE + 1);
    expect(await other.runOnce()).toBe(1);
    expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 2 });

    // The holder's next heartbeat finds the task gone: its signal aborts, its outcome is dropped.
    expect(seen[0]?.signal.aborted).toBe(false);
    await holder.heartbeat();
    expect(seen[0]?.signal.aborted).toBe(true);
    expect(seen[0]?.signal.reason).toBeInstanceOf(LeaseLostError);
    await round;
    expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 2, lastError: null });
  });

  it('the automatic heartbeat extends the lease while the handler runs', async () => {
    const holder = world.runner({ leaseMs: LEASE, heartbeatMs: 5 });
    const started = deferred();
    const release = deferred();
    holder.register(
      testKind('long', {
        run: async () => {
          started.resolve();
          await release.promise;
        },
      }),
    );
    const id = await add();
    const round = holder.runOnce();
    await started.promise;
    world.clock.advance(LEASE - 1);
    const extended = new Date(world.clock.now().getTime() + LEASE).toISOString();
    await expect.poll(async () => (await world.task(id!)).lockedUntil, { timeout: 10_000 }).toBe(extended);
    release.resolve();
    await round;
    expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 1 });
  });

  it('a running task cancelled by its key is aborted at the next heartbeat; its finishIn fails and its outcome is ignored', async () => {
    const runner = world.runner({ leaseMs: LEASE });
    const started = deferred<TaskContext>();
    const finished = deferred<unknown>();
    runner.register(
      testKind('long', {
        run: async (_payload, context) => {
          started.resolve(context);
          await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
          // A handler that carries on anyway: its completion must not commit.
          const effect = await world.database.db
            .transaction()
            .execute(async (trx) => {
              await sql`insert into queue_test_effects (task_id) values (${context.taskId})`.execute(trx);
              await context.finishIn(trx);
            })
            .catch((error: unknown) => error);
          finished.resolve(effect);
        },
      }),
    );
    await sql`create table if not exists queue_test_effects (task_id text not null)`.execute(world.database.db);
    const id = await enqueue(world.database.db, world.clock, spec('long'), null, { key: 'timer:1' });
    const round = runner.runOnce();
    const context = await started.promise;
    expect(await world.database.db.transaction().execute((trx) => cancelTask(trx, world.clock, 'timer:1'))).toBe(true);
    expect(context.signal.aborted).toBe(false);
    await runner.heartbeat();
    expect(context.signal.aborted).toBe(true);
    expect(await finished.promise).toBeInstanceOf(LeaseLostError);
    await round;
    expect(await world.task(id!)).toMatchObject({ status: 'CANCELLED' });
    const { rows } = await sql`select task_id from queue_test_effects`.execute(world.database.db);
    expect(rows).toEqual([]);
    await sql`drop table queue_test_effects`.execute(world.database.db);
  });

  it('finishIn records the success in the effect’s transaction: a failure after it changes nothing', async () => {
    const runner = world.runner({ leaseMs: LEASE });
    await sql`create table if not exists queue_test_effects (task_id text not null)`.execute(world.database.db);
    let runs = 0;
    runner.register(
      testKind('effect', {
        run: async (_payload, context) => {
          runs++;
          await world.database.db.transaction().execute(async (trx) => {
            await sql`insert into queue_test_effects (task_id) values (${context.taskId})`.execute(trx);
            await context.finishIn(trx);
          });
          throw new Error('the process fell over right after the commit');
        },
      }),
    );
    const id = await add('effect');
    expect(await runner.runOnce()).toBe(1);
    world.clock.advance(86_400_000);
    expect(await runner.runOnce()).toBe(0);
    expect(runs).toBe(1);
    expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 1, lastError: null, lockedBy: null });
    const { rows } = await sql<{ id: string }>`select task_id as id from queue_test_effects`.execute(world.database.db);
    expect(rows.map((r) => r.id)).toEqual([id]);
    await sql`drop table queue_test_effects`.execute(world.database.db);
  });

  it('stop() aborts the signals after the grace: an interrupted task is due again at once, its attempt not counted', async () => {
    const runner = world.runner({ leaseMs: LEASE });
    const started = deferred();
    runner.register(
      testKind('long', {
        run: async (_payload, context) => {
          started.resolve();
          await new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason)));
        },
      }),
    );
    const id = await add();
    const round = runner.runOnce();
    await started.promise;
    await runner.stop(0);
    await round;
    expect(await world.task(id!)).toMatchObject({ status: 'PENDING', attempts: 0, lockedBy: null, runAt: world.clock.now().toISOString(), lastError: expect.stringContaining('interrupted by shutdown') });
  });

  it('stop() does not wait for ever for a handler that ignores its signal; the task stays leased and is taken over later', async () => {
    const runner = world.runner({ leaseMs: LEASE, abortWaitMs: 0 });
    const started = deferred();
    const never = deferred();
    let aborted = false;
    runner.register(
      testKind('long', {
        run: async (_payload, context) => {
          context.signal.addEventListener('abort', () => (aborted = true));
          started.resolve();
          await never.promise;
        },
      }),
    );
    const id = await add();
    void runner.runOnce();
    await started.promise;
    await runner.stop(0);
    expect(aborted).toBe(true);
    expect(await world.task(id!)).toMatchObject({ status: 'RUNNING', attempts: 1 });

    const next = world.runner({ leaseMs: LEASE });
    let ran = 0;
    next.register(testKind('long', { run: async () => void ran++ }));
    world.clock.advance(LEASE + 1);
    expect(await next.runOnce()).toBe(1);
    expect(ran).toBe(1);
    // The abandoned handler ends at last: the runner that gave up on it writes nothing.
    never.resolve();
    expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 2 });
  });
});
