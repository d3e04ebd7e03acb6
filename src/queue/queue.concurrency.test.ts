import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import type { Database } from '../db/database.ts';
import { enqueue } from './enqueue.ts';
import { queueWorld, type QueueWorld, settle, spec, testKind } from './queue.test-helpers.ts';
import type { QueueRunner } from './runner.ts';
import type { TaskContext } from './task-kind.ts';

const TASKS = 1_000;
const KEYS = 50;
const RUNNERS = 3;

interface Work {
  i: number;
  key: string | null;
  /** Position within its key, in enqueue order. */
  n: number;
}

interface Run extends Work {
  taskId: string;
  runner: number;
  attempt: number;
}

/**
 * Several runners with their own connection pools (as separate processes have) claim from the same
 * PostgreSQL table at once: SKIP LOCKED must hand each task to exactly one of them, and the
 * ordering-key rule must hold across them.
 */
describe(`queue concurrency (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  beforeAll(async () => {
    if (testDatabaseKind === 'postgres') world = await queueWorld();
  });
  afterAll(() => world?.close());

  it.skipIf(testDatabaseKind !== 'postgres')(
    `${RUNNERS} runners on separate pools run ${TASKS} tasks over ${KEYS} keys exactly once, in order per key`,
    async () => {
      // Enqueue: a random spread over the keys, one task in ten without a key.
      const perKey = new Map<string | null, number>();
      const expected: Work[] = [];
      await world.database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < TASKS; i++) {
          const key = Math.random() < 0.1 ? null : `key-${Math.floor(Math.random() * KEYS)}`;
          const n = perKey.get(key) ?? 0;
          perKey.set(key, n + 1);
          expected.push({ i, key, n });
          await enqueue(trx, world.clock, spec('work'), { i, key, n }, { orderingKey: key ?? undefined, maxAttempts: 5 });
        }
      });

      const completed: Run[] = [];
      const overlaps: string[] = [];
      const busyKeys = new Set<string>();
      const databases: Database[] = [];
      for (let r = 0; r < RUNNERS; r++) databases.push(await world.connect());
      const runners: QueueRunner[] = databases.map((database, r) => {
        const runner = world.runner({}, database);
        runner.register(testKind('work', {
          // As many at once per runner as the old shared batch allowed.
          concurrency: 25,
          // A retry is due at once (the clock stands still), so failures interleave with the rest.
          backoffMs: () => 0,
          run: async (payload: unknown, context: TaskContext) => {
            const work = payload as Work;
            if (work.key !== null) {
              if (busyKeys.has(work.key)) overlaps.push(`${work.key}#${work.n}`);
              busyKeys.add(work.key);
            }
            await settle(Math.random() * 3);
            if (work.key !== null) busyKeys.delete(work.key);
            // Some tasks fail on their first attempt: their successors must wait for the retry.
            if (work.i % 13 === 5 && context.attempt === 1) throw new Error('transient');
            completed.push({ ...work, taskId: context.taskId, runner: r, attempt: context.attempt });
          },
        }));
        return runner;
      });

      const unfinished = async (database: Database) => {
        const row = await database.db.selectFrom('queueTasks').select((eb) => eb.fn.countAll<number>().as('count')).where('status', 'in', ['PENDING', 'RUNNING']).executeTakeFirstOrThrow();
        return Number(row.count);
      };
      const work = async (runner: QueueRunner, database: Database) => {
        for (;;) {
          if ((await runner.runOnce()) > 0) continue;
          if ((await unfinished(database)) === 0) return;
          await settle(2);
        }
      };
      await Promise.all(runners.map((runner, r) => work(runner, databases[r]!)));

      // Exactly once: every task completed one time, none twice, none missing.
      expect(overlaps).toEqual([]);
      expect(completed).toHaveLength(TASKS);
      expect(new Set(completed.map((c) => c.taskId)).size).toBe(TASKS);
      expect(completed.map((c) => c.i).sort((a, b) => a - b)).toEqual(expected.map((e) => e.i));

      // In order per key: the order of completion within a key is the enqueue order.
      for (const [key, count] of perKey) {
        if (key === null) continue;
        const order = completed.filter((c) => c.key === key).map((c) => c.n);
        expect(order, `order of ${key}`).toEqual(Array.from({ length: count }, (_, n) => n));
      }

      // The work really was shared, and the retried tasks took two attempts.
      for (let r = 0; r < RUNNERS; r++) expect(completed.filter((c) => c.runner === r).length, `runner ${r}`).toBeGreaterThan(0);
      for (const c of completed) expect(c.attempt, `task ${c.i}`).toBe(c.i % 13 === 5 ? 2 : 1);
      const rows = await world.tasks();
      expect(rows.filter((row) => row.status === 'DONE')).toHaveLength(TASKS);
    },
    180_000,
  );
});
