import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { enqueue } from './enqueue.ts';
import { ensureRecurring, noPayload } from './recurring.ts';
import { defaultBackoffMs, PermanentTaskError, type TaskContext } from './task-kind.ts';
import { queueWorld, type QueueWorld, spec, testKind } from './queue.test-helpers.ts';

/** The runner's contract, one task at a time: outbox, retries, death, dedupe, recurrence. */
describe(`queue runner (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    world = await queueWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  /** Runs rounds until one claims nothing; returns how many tasks ran in all. */
  const drain = async (runner = world.runner()) => {
    let total = 0;
    for (let n = await runner.runOnce(); n > 0; n = await runner.runOnce()) total += n;
    return total;
  };

  describe('outbox: enqueue in the caller’s transaction', () => {
    it('a task enqueued in a rolled-back transaction never runs; a committed one runs exactly once', async () => {
      const runner = world.runner();
      const seen: unknown[] = [];
      runner.register(testKind('note', { run: async (payload) => void seen.push(payload) }));

      await expect(
        world.database.db.transaction().execute(async (trx) => {
          expect(await enqueue(trx, world.clock, spec('note'), { n: 'rolled back' })).toEqual(expect.any(String));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const id = await world.database.db.transaction().execute((trx) => enqueue(trx, world.clock, spec('note'), { n: 'committed' }));

      expect(await runner.runOnce()).toBe(1);
      // Later rounds, even much later, find nothing more to do.
      world.clock.advance(86_400_000);
      expect(await drain(runner)).toBe(0);
      expect(seen).toEqual([{ n: 'committed' }]);
      const rows = await world.tasks();
      expect(rows.map((r) => [r.id, r.status, r.attempts])).toEqual([[id, 'DONE', 1]]);
      expect(rows[0]).toMatchObject({ lockedBy: null, lockedUntil: null, lastError: null });
    });

    it('a task is not run before its runAt', async () => {
      const runner = world.runner();
      let runs = 0;
      runner.register(testKind('later', { run: async () => void runs++ }));
      await enqueue(world.database.db, world.clock, spec('later'), null, { runAt: new Date(world.clock.now().getTime() + 60_000) });
      world.clock.advance(59_999);
      expect(await runner.runOnce()).toBe(0);
      world.clock.advance(1);
      expect(await runner.runOnce()).toBe(1);
      expect(runs).toBe(1);
    });
  });

  describe('failures', () => {
    it('a failing task is retried after its back-off: not due before run_at, due at it', async () => {
      const runner = world.runner();
      const attempts: TaskContext[] = [];
      const backoff = (attempt: number) => 1_000 * 3 ** attempt; // 3 s, 9 s, …
      runner.register(testKind('flaky', {
        backoffMs: backoff,
        run: async (_payload, context) => {
          attempts.push(context);
          if (context.attempt < 3) throw new Error(`boom ${context.attempt}`);
        },
      }));
      const id = await enqueue(world.database.db, world.clock, spec('flaky'), null, { maxAttempts: 5 });

      for (const attempt of [1, 2]) {
        const failedAt = world.clock.now().getTime();
        expect(await runner.runOnce()).toBe(1);
        const row = await world.task(id!);
        expect(row).toMatchObject({ status: 'PENDING', attempts: attempt, lastError: `boom ${attempt}`, lockedBy: null });
        expect(row.runAt).toBe(new Date(failedAt + backoff(attempt)).toISOString());
        world.clock.advance(backoff(attempt) - 1);
        expect(await runner.runOnce(), `attempt ${attempt + 1} is not due yet`).toBe(0);
        world.clock.advance(1);
      }
      expect(await runner.runOnce()).toBe(1);
      expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 3 });
      expect(attempts.map((c) => [c.attempt, c.maxAttempts, c.taskId])).toEqual([1, 2, 3].map((n) => [n, 5, id]));
    });

    it('the default back-off is exponential with jitter, capped at an hour', async () => {
      for (let attempt = 1; attempt <= 20; attempt++) {
        const base = Math.min(3_600_000, 5_000 * 2 ** (attempt - 1));
        const samples = Array.from({ length: 200 }, () => defaultBackoffMs(attempt));
        expect(Math.min(...samples)).toBeGreaterThanOrEqual(base / 2);
        expect(Math.max(...samples)).toBeLessThanOrEqual(base);
        // Jitter: not one fixed delay.
        expect(new Set(samples).size).toBeGreaterThan(1);
      }
      // The contract's webhook promise: the first retry within 10 seconds.
      expect(defaultBackoffMs(1)).toBeLessThanOrEqual(10_000);

      // And the runner uses it when the handler has none.
      const runner = world.runner();
      runner.register(testKind('fails', { run: async () => Promise.reject(new Error('no')) }));
      const id = await enqueue(world.database.db, world.clock, spec('fails'), null);
      await runner.runOnce();
      const delay = Date.parse((await world.task(id!)).runAt) - world.clock.now().getTime();
      expect(delay).toBeGreaterThanOrEqual(2_500);
      expect(delay).toBeLessThanOrEqual(5_000);
    });

    it('becomes DEAD after maxAttempts and is never tried again', async () => {
      const runner = world.runner();
      let runs = 0;
      runner.register(testKind('doomed', {
        backoffMs: () => 1_000,
        run: async () => {
          runs++;
          throw new Error(`failure ${runs}`);
        },
      }));
      const id = await enqueue(world.database.db, world.clock, spec('doomed'), null, { maxAttempts: 3 });
      for (let i = 0; i < 10; i++) {
        await runner.runOnce();
        world.clock.advance(1_000);
      }
      expect(runs).toBe(3);
      expect(await world.task(id!)).toMatchObject({ status: 'DEAD', attempts: 3, lastError: 'failure 3', lockedBy: null });
    });

    it('a PermanentTaskError makes the task DEAD at once', async () => {
      const runner = world.runner();
      let runs = 0;
      runner.register(testKind('invalid', {
        run: async () => {
          runs++;
          throw new PermanentTaskError('payload can never work');
        },
      }));
      const id = await enqueue(world.database.db, world.clock, spec('invalid'), null, { maxAttempts: 10 });
      await runner.runOnce();
      world.clock.advance(86_400_000);
      expect(await drain(runner)).toBe(0);
      expect(runs).toBe(1);
      expect(await world.task(id!)).toMatchObject({ status: 'DEAD', attempts: 1, lastError: 'payload can never work' });
    });

    it('whatever a handler throws, however it throws, is its task\'s failure: retried, then DEAD; never the runner\'s', async () => {
      const runner = world.runner();
      const noMessage = Object.create(null) as object; // String() of it throws
      const handlers: Record<string, Parameters<typeof testKind>[1]> = {
        // Not async: throws before any promise exists.
        sync: {
          run: () => {
            throw new Error('thrown synchronously');
          },
        },
        rejects: { run: () => Promise.reject(new Error('rejected')) },
        weird: {
          run: async () => {
            throw noMessage;
          },
        },
        'broken-backoff': {
          backoffMs: () => {
            throw new Error('back-off bug');
          },
          run: async () => {
            throw new Error('failed, and its back-off too');
          },
        },
      };
      for (const [kind, handler] of Object.entries(handlers)) runner.register(testKind(kind, handler));
      const ids = await Promise.all(Object.keys(handlers).map((kind) => enqueue(world.database.db, world.clock, spec(kind), null, { maxAttempts: 2 })));
      expect(await runner.runOnce()).toBe(4);
      const first = await Promise.all(ids.map((id) => world.task(id!)));
      expect(first.map((t) => [t.kind, t.status, t.attempts, t.lockedBy])).toEqual(Object.keys(handlers).map((kind) => [kind, 'PENDING', 1, null]));
      expect(first.map((t) => t.lastError)).toEqual(['thrown synchronously', 'rejected', expect.any(String), 'failed, and its back-off too']);
      world.clock.advance(3_600_000);
      expect(await runner.runOnce()).toBe(4);
      expect((await Promise.all(ids.map((id) => world.task(id!)))).map((t) => [t.status, t.attempts])).toEqual(ids.map(() => ['DEAD', 2]));
    });

    it('a task of a kind this process does not know waits, PENDING, for a process that knows it', async () => {
      const id = await enqueue(world.database.db, world.clock, spec('unknown.kind'), null);
      const unaware = world.runner();
      unaware.register(testKind('other.kind', { run: async () => undefined }));
      world.clock.advance(86_400_000);
      expect(await unaware.runOnce()).toBe(0);
      expect(await world.task(id!)).toMatchObject({ status: 'PENDING', attempts: 0, lockedBy: null, lastError: null });

      const aware = world.runner();
      const ran: unknown[] = [];
      aware.register(testKind('unknown.kind', { run: async (payload) => void ran.push(payload) }));
      expect(await aware.runOnce()).toBe(1);
      expect(ran).toEqual([null]);
      expect(await world.task(id!)).toMatchObject({ status: 'DONE', attempts: 1 });
    });
  });

  describe('dedupe keys', () => {
    it('a second enqueue while the first is unfinished is a no-op; after it finished, a new task is made', async () => {
      const runner = world.runner();
      const payloads: unknown[] = [];
      let release = () => undefined as void;
      runner.register(testKind('sync', {
        run: async (payload) => {
          payloads.push(payload);
          if (payload === 1) await new Promise<void>((resolve) => (release = resolve));
        },
      }));
      const db = world.database.db;
      const first = await enqueue(db, world.clock, spec('sync'), 1, { key: 'sync:acme' });
      expect(first).toEqual(expect.any(String));
      expect(await enqueue(db, world.clock, spec('sync'), 2, { key: 'sync:acme' })).toBeNull();
      // Other keys are independent.
      const other = await enqueue(db, world.clock, spec('sync'), 3, { key: 'sync:globex' });
      expect(other).toEqual(expect.any(String));

      // While RUNNING it is still unfinished.
      const round = runner.runOnce();
      await expect.poll(() => payloads).toContain(1);
      expect((await world.task(first!)).status).toBe('RUNNING');
      expect(await enqueue(db, world.clock, spec('sync'), 4, { key: 'sync:acme' })).toBeNull();
      release();
      await round;

      expect((await world.task(first!)).status).toBe('DONE');
      const again = await enqueue(db, world.clock, spec('sync'), 5, { key: 'sync:acme' });
      expect(again).toEqual(expect.any(String));
      expect(again).not.toBe(first);
      await runner.runOnce();
      expect([...payloads].sort()).toEqual([1, 3, 5]);
      expect((await world.tasks()).map((r) => r.dedupeKey)).toEqual(['sync:acme', 'sync:globex', 'sync:acme']);
    });
  });

  describe('recurring tasks', () => {
    it('ensureRecurring makes one task however often it is called; it runs once per period', async () => {
      const runner = world.runner();
      const ranAt: string[] = [];
      runner.register(testKind('tick', { repeatEveryMs: 60_000, run: async () => void ranAt.push(world.clock.now().toISOString()) }));
      const t0 = world.clock.now().getTime();
      await ensureRecurring(world.database.db, world.clock, { name: 'tick', payload: noPayload });
      await ensureRecurring(world.database.db, world.clock, { name: 'tick', payload: noPayload });

      expect(await drain(runner)).toBe(1);
      // Started again from another process after it ran: still one task.
      await ensureRecurring(world.database.db, world.clock, { name: 'tick', payload: noPayload });
      expect(await world.tasks()).toHaveLength(1);

      world.clock.advance(59_999);
      expect(await drain(runner)).toBe(0);
      world.clock.advance(1);
      expect(await drain(runner)).toBe(1);
      // A runner that was away for a long time catches up with one run, not one per missed period.
      world.clock.advance(10 * 60_000);
      expect(await drain(runner)).toBe(1);
      expect(ranAt).toEqual([t0, t0 + 60_000, t0 + 11 * 60_000].map((t) => new Date(t).toISOString()));
      const [row] = await world.tasks();
      expect(row).toMatchObject({ status: 'PENDING', attempts: 0, runAt: new Date(t0 + 12 * 60_000).toISOString() });
    });

    it('a failing recurring task backs off, and its next success restarts the period', async () => {
      const runner = world.runner();
      let runs = 0;
      runner.register(testKind('sweep', {
        repeatEveryMs: 3_600_000,
        backoffMs: () => 10_000,
        run: async () => {
          if (++runs === 1) throw new Error('database busy');
        },
      }));
      await ensureRecurring(world.database.db, world.clock, { name: 'sweep', payload: noPayload });
      expect(await drain(runner)).toBe(1);
      expect((await world.tasks())[0]).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'database busy' });
      world.clock.advance(10_000);
      expect(await drain(runner)).toBe(1);
      const [row] = await world.tasks();
      expect(row).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
      expect(row!.runAt).toBe(new Date(world.clock.now().getTime() + 3_600_000).toISOString());
    });
  });
});
