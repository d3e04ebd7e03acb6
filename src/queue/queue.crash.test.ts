import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase, testDatabaseKind } from '../../test/harness.ts';
import { newId } from '../core/ids.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The processes' lease (the runner's default): past it, a dead worker's task is claimed again. */
const LEASE_MS = 60_000;

type Answer = Record<string, unknown>;

/** A queue process (queue.test-process.ts): one command per line, one JSON answer per line. */
class QueueProcess {
  private readonly child: ChildProcess;
  private readonly lines: Answer[] = [];
  private readonly waiting: { test: (a: Answer) => boolean; resolve: (a: Answer) => void }[] = [];
  private output = '';
  readonly exited: Promise<void>;

  constructor(url: string, mode: 'finish' | 'hang' | 'hang-after-effect') {
    this.child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'src', 'queue', 'queue.test-process.ts'), url, mode], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = '';
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.output += chunk;
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const answer = JSON.parse(line) as Answer;
        this.lines.push(answer);
        for (const w of [...this.waiting]) {
          if (!w.test(answer)) continue;
          this.waiting.splice(this.waiting.indexOf(w), 1);
          w.resolve(answer);
        }
      }
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.on('close', () => resolve()));
  }

  /** Resolves with the first line (already printed or to come) that has `key`. */
  line(key: string, value?: unknown): Promise<Answer> {
    const test = (a: Answer) => key in a && (value === undefined || a[key] === value);
    const seen = this.lines.find(test);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<Answer>((resolve) => this.waiting.push({ test, resolve })),
      this.exited.then(() => Promise.reject(new Error(`the queue process exited before printing ${key}:\n${this.output}`))),
    ]);
  }

  async ask(command: string, answerKey: string): Promise<unknown> {
    const before = this.lines.length;
    this.child.stdin?.write(`${command}\n`);
    const test = (a: Answer) => answerKey in a || 'error' in a;
    const answer = await new Promise<Answer>((resolve, reject) => {
      const later = this.lines.slice(before).find(test);
      if (later) return resolve(later);
      this.waiting.push({ test, resolve });
      void this.exited.then(() => reject(new Error(`the queue process exited during ${command}:\n${this.output}`)));
    });
    if ('error' in answer) throw new Error(`${command}: ${String(answer.error)}\n${this.output}`);
    return answer[answerKey];
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/**
 * Real processes on one database, killed with SIGKILL at the worst moments. A process's clock can
 * run ahead (`advance`), so "after the lease lapsed" is a step of the test, not a wait.
 */
describe(`queue across a SIGKILL (${testDatabaseKind})`, () => {
  let fresh: FreshDatabase;
  let database: Database;
  const processes: QueueProcess[] = [];
  const start = async (mode: 'finish' | 'hang' | 'hang-after-effect') => {
    const p = new QueueProcess(fresh.url, mode);
    processes.push(p);
    await p.line('ready');
    return p;
  };
  const effects = async () => {
    const { rows } = await sql<{ taskId: string; label: string; attempt: number }>`select task_id, label, attempt from crash_effects order by attempt`.execute(database.db);
    return rows;
  };
  const task = (id: string) => database.db.selectFrom('queueTasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const subscriberTask = (eventId: string) => database.db.selectFrom('queueTasks').selectAll().where('dedupeKey', '=', `event:${eventId}:crash.subscriber`).execute();

  beforeAll(async () => {
    fresh = await freshDatabase();
    database = openDatabase(fresh.url);
    await migrateToLatest(database);
    await sql`create table crash_effects (task_id text not null, label text not null, attempt integer not null)`.execute(database.db);
  });
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill();
    await sql`delete from crash_effects`.execute(database.db);
    await database.db.deleteFrom('queueTasks').execute();
  });
  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
  });

  it('a worker killed mid-task: its task is not taken while the lease holds, then runs again, once', async () => {
    const dying = await start('hang');
    const id = (await dying.ask('enqueue mid-task', 'enqueued')) as string;
    expect(await dying.ask('claim', 'claimed')).toBe(1);
    await dying.line('started', id);
    await dying.kill();

    const next = await start('finish');
    expect(await next.ask('run-once', 'ran'), 'the dead worker’s lease still holds').toBe(0);
    expect(await task(id)).toMatchObject({ status: 'RUNNING', attempts: 1 });
    await next.ask(`advance ${LEASE_MS + 1_000}`, 'advanced');
    expect(await next.ask('run-once', 'ran')).toBe(1);
    expect(await effects()).toEqual([{ taskId: id, label: 'mid-task', attempt: 2 }]);
    expect(await task(id)).toMatchObject({ status: 'DONE', attempts: 2, lockedBy: null });
  }, 120_000);

  it('an internal subscriber: the event commits, the process is killed before the task runs; another process runs it, once', async () => {
    const dying = await start('finish');
    const eventId = (await dying.ask(`record ${newId()} ${newId()}`, 'recorded')) as string;
    await dying.kill();

    const next = await start('finish');
    expect(await next.ask('run-once', 'ran')).toBe(1);
    await next.ask('advance 86400000', 'advanced');
    expect(await next.ask('run-once', 'ran')).toBe(0);
    expect((await effects()).map((e) => [e.label, e.attempt])).toEqual([[eventId, 1]]);
    expect((await subscriberTask(eventId)).map((t) => t.status)).toEqual(['DONE']);
  }, 120_000);

  it('an internal subscriber killed after its effect committed (with finishIn): never run again', async () => {
    const dying = await start('hang-after-effect');
    const eventId = (await dying.ask(`record ${newId()} ${newId()}`, 'recorded')) as string;
    expect(await dying.ask('claim', 'claimed')).toBe(1);
    await dying.line('effect');
    await dying.kill();

    const next = await start('finish');
    await next.ask(`advance ${LEASE_MS + 1_000}`, 'advanced');
    expect(await next.ask('run-once', 'ran')).toBe(0);
    expect((await effects()).map((e) => [e.label, e.attempt])).toEqual([[eventId, 1]]);
    expect((await subscriberTask(eventId)).map((t) => [t.status, t.attempts])).toEqual([['DONE', 1]]);
  }, 120_000);

  it('an internal subscriber killed before its effect: run again after the lease, its effect once', async () => {
    const dying = await start('hang');
    const eventId = (await dying.ask(`record ${newId()} ${newId()}`, 'recorded')) as string;
    expect(await dying.ask('claim', 'claimed')).toBe(1);
    await dying.line('started');
    await dying.kill();

    const next = await start('finish');
    await next.ask(`advance ${LEASE_MS + 1_000}`, 'advanced');
    expect(await next.ask('run-once', 'ran')).toBe(1);
    expect((await effects()).map((e) => [e.label, e.attempt])).toEqual([[eventId, 2]]);
    expect((await subscriberTask(eventId)).map((t) => [t.status, t.attempts])).toEqual([['DONE', 2]]);
  }, 120_000);
});
