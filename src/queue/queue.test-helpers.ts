import type { Selectable } from 'kysely';
import { z } from 'zod';
import { freshDatabase } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations.ts';
import type { QueueTasksTable } from '../db/schema.ts';
import { type QueueOptions, QueueRunner } from './runner.ts';
import { type TaskKind, taskKind, type TaskKindSpec } from './task-kind.ts';

export type TaskRow = Selectable<QueueTasksTable>;

export const T0 = '2030-01-01T00:00:00.000Z';

/** A fresh, migrated database (one per test file; `reset()` between tests) with a ManualClock and any number of runners on it. */
export interface QueueWorld {
  url: string;
  database: Database;
  clock: ManualClock;
  /**
   * A runner on this world's connection (or on `database`, e.g. a second pool). It extends its
   * leases only when the test calls `heartbeat()` (unless `heartbeatMs` is given): a runner that
   * never does is a worker whose process froze or died.
   */
  runner(options?: QueueOptions, database?: Database): QueueRunner;
  /** Another connection (pool) to the same database, as a second process would have. */
  connect(): Promise<Database>;
  task(id: string): Promise<TaskRow>;
  tasks(): Promise<TaskRow[]>;
  /** Between tests: stops this world's runners, empties the queue, puts the clock back. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const silentLog = { error: () => undefined };

/** A test kind: any JSON payload, the given handler and policy. */
export function testKind(name: string, handler: Omit<TaskKind<unknown>, 'name' | 'payload'>): TaskKind<unknown> {
  return taskKind<unknown>({ name, payload: z.unknown(), ...handler });
}

/** What enqueueing a test kind needs. */
export function spec(name: string): TaskKindSpec<unknown> {
  return { name, payload: z.unknown() };
}

export async function queueWorld(start: string = T0): Promise<QueueWorld> {
  const fresh = await freshDatabase();
  const database = openDatabase(fresh.url);
  await migrateToLatest(database);
  const clock = new ManualClock(start);
  const runners: QueueRunner[] = [];
  const extra: Database[] = [];
  return {
    url: fresh.url,
    database,
    clock,
    runner(options = {}, on = database) {
      const runner = new QueueRunner(on.db, on.kind, clock, silentLog, { heartbeatMs: null, ...options });
      runners.push(runner);
      return runner;
    },
    async connect() {
      const other = openDatabase(fresh.url, { poolSize: 4 });
      extra.push(other);
      return other;
    },
    async task(id) {
      return database.db.selectFrom('queueTasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    },
    async tasks() {
      return database.db.selectFrom('queueTasks').selectAll().orderBy('seq').execute();
    },
    async reset() {
      for (const runner of runners.splice(0)) await runner.stop();
      await database.db.deleteFrom('queueTasks').execute();
      clock.set(start);
    },
    async close() {
      for (const runner of runners) await runner.stop();
      for (const other of extra) await other.close();
      await database.close();
      await fresh.drop();
    },
  };
}

export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks and I/O run (no clock involved). */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
