import type { Transaction } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabaseKind } from '../../test/harness.ts';
import type { DB } from '../db/schema.ts';
import { enqueue } from './enqueue.ts';
import { deferred, queueWorld, type QueueWorld, testKind } from './queue.test-helpers.ts';
import { cancelTask, rescheduleTask, scheduleTask } from './task-keys.ts';
import { taskKind } from './task-kind.ts';

const MINUTE = 60_000;

/** Moving and dropping work by its key, in the transaction that decides it; payloads checked both ways. */
describe(`queue task keys (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const timer = { name: 'interview.timer', payload: z.object({ interviewId: z.string(), reason: z.string() }) };
  const at = (minutes: number) => new Date(world.clock.now().getTime() + minutes * MINUTE);
  const inTransaction = <T>(fn: (trx: Transaction<DB>) => Promise<T>) => world.database.db.transaction().execute(fn);
  const timerRunner = (ran: unknown[]) => {
    const runner = world.runner();
    runner.register(taskKind({ ...timer, run: async (payload) => void ran.push(payload) }));
    return runner;
  };

  it('scheduleTask enqueues once per key, then moves that task (payload replaced); it runs at the last time set, once', async () => {
    const ran: unknown[] = [];
    const runner = timerRunner(ran);
    await scheduleTask(world.database.db, world.clock, timer, { interviewId: 'i1', reason: 'first' }, { key: 'timer:i1', runAt: at(10) });
    await scheduleTask(world.database.db, world.clock, timer, { interviewId: 'i1', reason: 'moved' }, { key: 'timer:i1', runAt: at(30) });
    expect(await world.tasks()).toHaveLength(1);

    world.clock.advance(10 * MINUTE);
    expect(await runner.runOnce(), 'not at the first time any more').toBe(0);
    expect(await rescheduleTask(world.database.db, world.clock, 'timer:i1', at(5))).toBe(true);
    world.clock.advance(5 * MINUTE - 1);
    expect(await runner.runOnce()).toBe(0);
    world.clock.advance(1);
    expect(await runner.runOnce()).toBe(1);
    expect(ran).toEqual([{ interviewId: 'i1', reason: 'moved' }]);
    // Finished: the key is free, nothing is pending under it.
    expect(await rescheduleTask(world.database.db, world.clock, 'timer:i1', at(1))).toBe(false);
    expect(await cancelTask(world.database.db, world.clock, 'timer:i1')).toBe(false);
  });

  it('cancelTask drops the pending task: it never runs; an unknown key answers false', async () => {
    const ran: unknown[] = [];
    const runner = timerRunner(ran);
    const id = await enqueue(world.database.db, world.clock, timer, { interviewId: 'i2', reason: 'abandon' }, { key: 'timer:i2', runAt: at(1) });
    expect(await cancelTask(world.database.db, world.clock, 'timer:i2')).toBe(true);
    expect(await cancelTask(world.database.db, world.clock, 'timer:i2')).toBe(false);
    expect(await cancelTask(world.database.db, world.clock, 'timer:nobody')).toBe(false);
    world.clock.advance(86_400_000);
    expect(await runner.runOnce()).toBe(0);
    expect(ran).toEqual([]);
    expect(await world.task(id!)).toMatchObject({ status: 'CANCELLED', attempts: 0 });
    // The key is free again.
    expect(await enqueue(world.database.db, world.clock, timer, { interviewId: 'i2', reason: 'again' }, { key: 'timer:i2' })).toEqual(expect.any(String));
  });

  it('inside the deciding transaction: a rollback keeps the task as it was; a commit applies the move or the cancel', async () => {
    const ran: unknown[] = [];
    const runner = timerRunner(ran);
    await enqueue(world.database.db, world.clock, timer, { interviewId: 'i3', reason: 'call' }, { key: 'call:i3', runAt: at(10) });

    const decided = new Error('the decision was rolled back');
    await expect(
      inTransaction(async (trx) => {
        expect(await cancelTask(trx, world.clock, 'call:i3')).toBe(true);
        throw decided;
      }),
    ).rejects.toBe(decided);
    await expect(
      inTransaction(async (trx) => {
        await scheduleTask(trx, world.clock, timer, { interviewId: 'i3', reason: 'rolled back' }, { key: 'call:i3', runAt: at(1) });
        throw decided;
      }),
    ).rejects.toBe(decided);
    world.clock.advance(9 * MINUTE);
    expect(await runner.runOnce(), 'the rolled-back move did not happen').toBe(0);
    expect((await world.tasks()).map((t) => t.status)).toEqual(['PENDING']);

    await inTransaction((trx) => scheduleTask(trx, world.clock, timer, { interviewId: 'i3', reason: 'moved' }, { key: 'call:i3', runAt: at(20) }));
    world.clock.advance(MINUTE);
    expect(await runner.runOnce()).toBe(0);
    expect(await inTransaction((trx) => cancelTask(trx, world.clock, 'call:i3'))).toBe(true);
    world.clock.advance(86_400_000);
    expect(await runner.runOnce()).toBe(0);
    expect(ran).toEqual([]);
  });

  it('a running task is not moved by rescheduleTask; scheduleTask replaces it (the old attempt is cancelled, a new task is due)', async () => {
    const runner = world.runner();
    const started = deferred();
    const release = deferred();
    const ran: string[] = [];
    runner.register(
      taskKind({
        ...timer,
        run: async (payload) => {
          ran.push(payload.reason);
          if (payload.reason === 'first') {
            started.resolve();
            await release.promise;
          }
        },
      }),
    );
    const first = await enqueue(world.database.db, world.clock, timer, { interviewId: 'i4', reason: 'first' }, { key: 'timer:i4' });
    const round = runner.runOnce();
    await started.promise;
    expect(await rescheduleTask(world.database.db, world.clock, 'timer:i4', at(5))).toBe(false);
    await scheduleTask(world.database.db, world.clock, timer, { interviewId: 'i4', reason: 'second' }, { key: 'timer:i4', runAt: at(5) });
    release.resolve();
    await round;
    // The first attempt finished after its task was cancelled: its success is not recorded.
    expect(await world.task(first!)).toMatchObject({ status: 'CANCELLED' });
    world.clock.advance(5 * MINUTE);
    expect(await runner.runOnce()).toBe(1);
    expect(ran).toEqual(['first', 'second']);
    expect((await world.tasks()).map((t) => t.status)).toEqual(['CANCELLED', 'DONE']);
  });

  it('a payload is checked on enqueue (a caller’s bug throws) and again on claim (a stored payload that no longer fits is DEAD with the reason)', async () => {
    const bad = { interviewId: 42, reason: 'x' } as unknown as { interviewId: string; reason: string };
    await expect(enqueue(world.database.db, world.clock, timer, bad)).rejects.toThrow(/interview\.timer.*payload/);
    await expect(scheduleTask(world.database.db, world.clock, timer, bad, { key: 'k', runAt: at(1) })).rejects.toThrow(/payload/);
    expect(await world.tasks()).toEqual([]);

    // Stored by an older version of the code, under a looser schema.
    const older = testKind('interview.timer', { run: async () => undefined });
    const id = await enqueue(world.database.db, world.clock, older, { interviewId: 'i5' });
    const ran: unknown[] = [];
    expect(await timerRunner(ran).runOnce()).toBe(1);
    expect(ran).toEqual([]);
    expect(await world.task(id!)).toMatchObject({ status: 'DEAD', attempts: 1, lastError: expect.stringContaining('reason') });
  });
});
