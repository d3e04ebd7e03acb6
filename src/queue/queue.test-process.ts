/**
 * A queue process for queue.crash.test.ts (not part of the service), killed with SIGKILL by the test:
 * `node bin/run-ts.mjs src/queue/queue.test-process.ts <databaseUrl> <mode>`.
 * Its runner is never started: the test drives it with one command per stdin line, and each
 * answer is one JSON line on stdout:
 *   enqueue <label>                 → {"enqueued": taskId}          (a `crash.work` task)
 *   record <companyId> <interviewId> → {"recorded": eventId}        (an `interview.completed` event)
 *   claim                           → {"claimed": n}                (starts what is due, does not wait)
 *   run-once                        → {"ran": n}                    (claims and waits for the tasks)
 *   advance <ms>                    → {"advanced": ms}              (this process's clock runs ahead)
 * Handlers print {"started": taskId, "attempt": n} and {"effect": taskId} once their effect committed.
 * Modes: `finish` runs handlers to the end; `hang` hangs them before their effect; `hang-after-effect` after it.
 */
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import { openDatabase } from '../db/database.ts';
import { eventSubscribers, eventTaskPayload } from '../events/subscribers.ts';
import { recordEvent } from '../webhooks/record-event.ts';
import { enqueue } from './enqueue.ts';
import { QueueRunner } from './runner.ts';
import { type TaskContext, taskKind } from './task-kind.ts';

const [url, mode] = process.argv.slice(2);
if (!url || !mode) throw new Error('usage: queue.test-process.ts <databaseUrl> <finish|hang|hang-after-effect>');

const database = openDatabase(url, { poolSize: 4 });
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const runner = new QueueRunner(database.db, database.kind, clock, console);
const say = (answer: object) => process.stdout.write(`${JSON.stringify(answer)}\n`);
const forever = () => new Promise<never>(() => undefined);

/** The effect, committed with the task's completion (`finishIn`): exactly once, whatever is killed when. */
async function effect(context: TaskContext, label: string): Promise<void> {
  say({ started: context.taskId, attempt: context.attempt });
  if (mode === 'hang') await forever();
  await database.db.transaction().execute(async (trx) => {
    await sql`insert into crash_effects (task_id, label, attempt) values (${context.taskId}, ${label}, ${context.attempt})`.execute(trx);
    await context.finishIn(trx);
  });
  say({ effect: context.taskId });
  if (mode === 'hang-after-effect') await forever();
}

const work = taskKind({ name: 'crash.work', payload: z.object({ label: z.string() }), run: ({ label }, context) => effect(context, label) });
const subscriber = taskKind({ name: 'crash.subscriber', payload: eventTaskPayload, run: (event, context) => effect(context, event.eventId) });
runner.register(work);
runner.register(subscriber);
eventSubscribers(database.db).subscribe('interview.completed', subscriber);

const commands: Record<string, (...args: string[]) => Promise<object>> = {
  enqueue: async (label = 'work') => ({ enqueued: await enqueue(database.db, clock, work, { label }) }),
  record: async (companyId = '', interviewId = '') => ({
    recorded: await database.db.transaction().execute((trx) => recordEvent(trx, clock, { type: 'interview.completed', companyId, interviewId, data: {} })),
  }),
  claim: async () => ({ claimed: await runner.claimDue() }),
  'run-once': async () => ({ ran: await runner.runOnce() }),
  advance: async (ms = '0') => {
    offsetMs += Number(ms);
    return { advanced: Number(ms) };
  },
};

say({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  const [name = '', ...args] = line.trim().split(/\s+/);
  const command = commands[name];
  if (!command) say({ error: `unknown command ${name}` });
  else await command(...args).then(say, (error: unknown) => say({ error: String(error) }));
}
await database.close();
