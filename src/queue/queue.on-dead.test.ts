import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { enqueue } from './enqueue.ts';
import { deferred, queueWorld, type QueueWorld, spec, testKind } from './queue.test-helpers.ts';
import { type DeadContext, PermanentTaskError, type TaskKind } from './task-kind.ts';

const LEASE = 30_000;

/**
 * A kind's `onDead` hook: run once when its task goes DEAD, whatever made it so, with the DEAD
 * move committed in the hook's own transaction; never for an attempt only interrupted by shutdown.
 */
describe(`queue onDead hook (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
    await sql`create table if not exists queue_test_dead (task_id text not null, payload text not null, error text not null)`.execute(world.database.db);
  });
  beforeEach(async () => {
    await world.reset();
    await sql`delete from queue_test_dead`.execute(world.database.db);
  });
  afterAll(async () => {
    await sql`drop table queue_test_dead`.execute(world.database.db);
    await world.close();
  });

  /** The hook's effect, written with the DEAD move in one transaction. */
  const onDead: NonNullable<TaskKind<unknown>['onDead']> = async (payload, context) => {
    await world.database.db.transaction().execute(async (trx) => {
      await sql`insert into queue_test_dead (task_id, payload, error) values (${context.taskId}, ${JSON.stringify(payload)}, ${context.error})`.execute(trx);
      await context.deadIn(trx);
    });
  };
  const effects = async () => (await sql<{ task_id: string; payload: string; error: string }>`select * from queue_test_dead`.execute(world.database.db.withoutPlugins())).rows;
  const add = (kind: string, maxAttempts = 2) => enqueue(world.database.db, world.clock, spec(kind), { n: 1 }, { maxAttempts }) as Promise<string>;

  it('the last counted attempt fails: the hook runs once, with the payload and the error, committed with the DEAD move', async () => {
    const runner = world.runner({ leaseMs: LEASE });
    let runs = 0;
    runner.register(
      testKind('doomed', {
        backoffMs: () => 0,
        onDead,
        run: async () => {
          runs++;
          throw new Error(`failure ${runs}`);
        },
      }),
    );
    const id = await add('doomed', 3);
    for (let i = 0; i < 5; i++) await runner.runOnce();
    expect(runs).toBe(3);
    expect(await world.task(id)).toMatchObject({ status: 'DEAD', attempts: 3, lastError: 'failure 3', lockedBy: null });
    expect(await effects()).toEqual([{ task_id: id, payload: '{"n":1}', error: 'failure 3' }]);
  });

  it('a PermanentTaskError runs the hook at once', async () => {
    const runner = world.runner({ leaseMs: LEASE });
    runner.register(testKind('invalid', { onDead, run: async () => { throw new PermanentTaskError('never works'); } }));
    const id = await add('invalid', 10);
    await runner.runOnce();
    expect(await world.task(id)).toMatchObject({ status: 'DEAD', attempts: 1 });
    expect((await effects()).map((e) => [e.task_id, e.error])).toEqual([[id, 'never works']]);
  });

  it('a last attempt interrupted by shutdown is not the end: no hook; the task runs again and succeeds', async () => {
    const runner = world.runner({ leaseMs: LEASE });
    const started = deferred();
    runner.register(
      testKind('long', {
        onDead,
        run: async (_payload, context) => {
          started.resolve();
          await new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason)));
        },
      }),
    );
    const id = await add('long', 1);
    const round = runner.runOnce();
    await started.promise;
    await runner.stop(0);
    await round;
    expect(await world.task(id)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(await effects()).toEqual([]);

    const next = world.runner({ leaseMs: LEASE });
    next.register(testKind('long', { onDead, run: async () => undefined }));
    expect(await next.runOnce()).toBe(1);
    expect(await world.task(id)).toMatchObject({ status: 'DONE', attempts: 1 });
    expect(await effects()).toEqual([]);
  });

  it('the last attempt’s worker died (its lease lapsed): the next claim runs the hook, not the handler', async () => {
    const dying = world.runner({ leaseMs: LEASE, abortWaitMs: 0 });
    const started = deferred();
    const never = deferred();
    dying.register(
      testKind('fragile', {
        onDead,
        run: async () => {
          started.resolve();
          await never.promise;
        },
      }),
    );
    const id = await add('fragile', 1);
    void dying.claimDue();
    await started.promise;
    // The worker froze or died: it never writes anything again.
    await dying.stop(0);
    expect(await world.task(id)).toMatchObject({ status: 'RUNNING', attempts: 1 });

    const next = world.runner({ leaseMs: LEASE });
    let ran = 0;
    next.register(testKind('fragile', { onDead, run: async () => void ran++ }));
    world.clock.advance(LEASE + 1);
    expect(await next.runOnce()).toBe(1);
    expect(ran).toBe(0);
    expect(await world.task(id)).toMatchObject({ status: 'DEAD', lastError: expect.stringContaining('lease expired') });
    expect((await effects()).map((e) => e.task_id)).toEqual([id]);
    // The frozen handler ends at last: the runner that gave up on it writes nothing.
    never.resolve();
    expect(await world.task(id)).toMatchObject({ status: 'DEAD' });
    expect(await effects()).toHaveLength(1);
  });

  it('a hook that fails (its transaction rolled back) or never calls deadIn cannot keep the task from ending', async () => {
    const errors: string[] = [];
    const runner = world.runner({ leaseMs: LEASE });
    const failing = async (payload: unknown, context: DeadContext) => {
      await world.database.db.transaction().execute(async (trx) => {
        await sql`insert into queue_test_dead (task_id, payload, error) values (${context.taskId}, ${JSON.stringify(payload)}, ${context.error})`.execute(trx);
        await context.deadIn(trx);
        errors.push('about to fail');
        throw new Error('the hook broke after deadIn');
      });
    };
    runner.register(testKind('broken-hook', { onDead: failing, run: async () => { throw new Error('fails'); } }));
    runner.register(testKind('idle-hook', { onDead: async () => undefined, run: async () => { throw new Error('fails too'); } }));
    const broken = await add('broken-hook', 1);
    const idle = await add('idle-hook', 1);
    await runner.runOnce();
    expect(errors).toEqual(['about to fail']);
    expect(await world.task(broken)).toMatchObject({ status: 'DEAD', lastError: 'fails', lockedBy: null });
    expect(await world.task(idle)).toMatchObject({ status: 'DEAD', lastError: 'fails too', lockedBy: null });
    // The failed hook's write rolled back with it.
    expect(await effects()).toEqual([]);
  });
});
