import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { systemClock } from '../core/clock.ts';
import { enqueue } from './enqueue.ts';
import { queueWorld, type QueueWorld, spec } from './queue.test-helpers.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TASKS = 1_000;
const KEYS = 50;
const WORKERS = ['w1', 'w2', 'w3'];

interface Worker {
  name: string;
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

function startWorker(url: string, name: string): Worker {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'src', 'queue', 'queue.test-worker.ts'), url, name], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('ready\n')) resolve();
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', () => reject(new Error(`worker ${name} exited before it was ready:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { name, child, output: () => output, ready, exited };
}

/** The same as queue.concurrency.test.ts, with real OS processes claiming from one PostgreSQL table. */
describe(`queue across processes (${testDatabaseKind})`, () => {
  let world: QueueWorld;
  const workers: Worker[] = [];
  beforeAll(async () => {
    if (testDatabaseKind === 'postgres') world = await queueWorld();
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await world?.close();
  });

  it.skipIf(testDatabaseKind !== 'postgres')(
    `${WORKERS.length} processes run ${TASKS} tasks over ${KEYS} keys exactly once, in order per key`,
    async () => {
      const db = world.database.db;
      await sql`create table queue_test_runs (id bigserial primary key, task_id text not null, ordering_key text, n integer not null, worker text not null)`.execute(db);
      const perKey = new Map<string | null, number>();
      const ids: string[] = [];
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < TASKS; i++) {
          const key = Math.random() < 0.1 ? null : `key-${Math.floor(Math.random() * KEYS)}`;
          const n = perKey.get(key) ?? 0;
          perKey.set(key, n + 1);
          ids.push((await enqueue(trx, systemClock, spec('proc-work'), { i, key, n }, { orderingKey: key ?? undefined, maxAttempts: 5 }))!);
        }
      });

      // The workers run on the system clock: the tasks are due now, not at the test world's T0.
      for (const name of WORKERS) workers.push(startWorker(world.url, name));
      await Promise.all(workers.map((w) => w.ready));
      // All start claiming at once.
      for (const worker of workers) worker.child.stdin?.write('go\n');
      const codes = await Promise.all(workers.map((w) => w.exited));
      expect(codes, workers.map((w) => w.output()).join('\n')).toEqual(WORKERS.map(() => 0));

      const { rows } = await sql<{ id: number; taskId: string; orderingKey: string | null; n: number; worker: string }>`select id, task_id, ordering_key, n, worker from queue_test_runs order by id`.execute(db);
      // Exactly once.
      expect(rows).toHaveLength(TASKS);
      expect(rows.map((r) => r.taskId).sort()).toEqual([...ids].sort());
      // In order per key (the run table's serial id is the order the runs happened in).
      for (const [key, count] of perKey) {
        if (key === null) continue;
        expect(rows.filter((r) => r.orderingKey === key).map((r) => r.n), `order of ${key}`).toEqual(Array.from({ length: count }, (_, n) => n));
      }
      for (const name of WORKERS) expect(rows.filter((r) => r.worker === name).length, `runs in ${name}`).toBeGreaterThan(0);
      const done = await db.selectFrom('queueTasks').select('status').where('status', '!=', 'DONE').execute();
      expect(done).toEqual([]);
    },
    120_000,
  );
});
