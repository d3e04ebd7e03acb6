/**
 * A queue worker process for queue.processes.test.ts (not part of the service):
 * `node bin/run-ts.mjs src/queue/queue.test-worker.ts <databaseUrl> <name>`.
 * Prints `ready`, waits for a line on stdin, then runs `proc-work` tasks until none is unfinished,
 * recording each run in the test's `queue_test_runs` table (its serial id gives the run order).
 */
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { z } from 'zod';
import { systemClock } from '../core/clock.ts';
import { openDatabase } from '../db/database.ts';
import { QueueRunner } from './runner.ts';
import { taskKind } from './task-kind.ts';

const [url, name] = process.argv.slice(2);
if (!url || !name) throw new Error('usage: queue.test-worker.ts <databaseUrl> <name>');

const database = openDatabase(url, { poolSize: 4 });
const runner = new QueueRunner(database.db, database.kind, systemClock, console);
runner.register(
  taskKind({
    name: 'proc-work',
    payload: z.object({ i: z.number(), key: z.string().nullable(), n: z.number() }),
    concurrency: 25,
    backoffMs: () => 0,
    run: async (work, context) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      if (work.i % 13 === 5 && context.attempt === 1) throw new Error('transient');
      await sql`insert into queue_test_runs (task_id, ordering_key, n, worker) values (${context.taskId}, ${work.key}, ${work.n}, ${name})`.execute(database.db);
    },
  }),
);

process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

for (;;) {
  if ((await runner.runOnce()) > 0) continue;
  const { rows } = await sql<{ count: number }>`select count(*) as count from queue_tasks where status in ('PENDING', 'RUNNING')`.execute(database.db);
  if (Number(rows[0]?.count ?? 0) === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 2));
}
await database.close();
process.stdout.write('done\n');
process.exit(0);
