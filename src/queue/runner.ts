import { hostname } from 'node:os';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { DB, QueueTaskStatus } from '../db/schema.ts';
import { storableText } from '../db/storable-text.ts';

export interface TaskContext {
  taskId: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
}

export interface TaskHandler {
  run(payload: unknown, context: TaskContext): Promise<void>;
  /** Delay before attempt `attempt + 1` after attempt `attempt` failed. */
  backoffMs?(attempt: number): number;
  /** Recurring work: after a success the same task is due again this much later. */
  repeatEveryMs?: number;
}

/** Thrown by a handler whose task must not be tried again. */
export class PermanentTaskError extends Error {}

interface Outcome {
  seq: number;
  status: QueueTaskStatus;
  runAt: string;
  error: string | null;
  /** Attempts so far; a recurring task starts counting again after each success. */
  attempts: number;
}

interface ClaimedTask {
  seq: number;
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
}

export interface QueueOptions {
  pollMs?: number;
  batchSize?: number;
  /** How long a claim lasts; a task whose worker died is claimed again after it. */
  leaseMs?: number;
}

/** Exponential back-off with jitter: 5 s, 10 s, 20 s … capped at an hour, each 50–100 % of that. */
export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 5_000 * 2 ** (attempt - 1));
  return Math.round(base * (0.5 + Math.random() * 0.5));
}

/** A thrown value's message (any value: a handler may throw anything), as text the database can hold. */
function errorMessage(err: unknown): string {
  try {
    return storableText(err instanceof Error ? err.message : String(err));
  } catch {
    return 'the task failed with a value that has no message';
  }
}

/** The handler's back-off, or the default one if it has none or it fails. */
function backoff(handler: TaskHandler, attempt: number): number {
  try {
    const delay = handler.backoffMs?.(attempt);
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) return delay;
  } catch {
    /* a broken back-off must not leave the task claimed: the default one decides */
  }
  return defaultBackoffMs(attempt);
}

/**
 * The one durable background runner (design: "jobs"). Workers claim due tasks with a lease; on
 * PostgreSQL with FOR UPDATE SKIP LOCKED, so any number of processes share the work; on SQLite
 * one process does. A task whose ordering key has an earlier unfinished task waits for it.
 */
export class QueueRunner {
  private readonly handlers = new Map<string, TaskHandler>();
  private readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  /** A tick is waiting for its round (wake() then asks for another tick right after). */
  private ticking = false;
  /** Rounds whose tasks are still running (stop() drains them all). */
  private readonly rounds = new Set<Promise<unknown>>();
  /** Tasks claimed and not yet recorded, over every round: never more than the batch size. */
  private inFlight = 0;
  /** Handed to the next round: called once half of its tasks are recorded. */
  private onHalfway: (() => void) | null = null;
  private stopped = true;
  private wakeRequested = false;
  private unrecorded: { outcome: Outcome; resolve(): void; reject(error: unknown): void }[] = [];
  private recording: Promise<void> | null = null;
  /**
   * The runner's statements are plain SQL with snake_case names already: without the CamelCase
   * plugin, which would otherwise copy every node of a batch's statement (a few hundred bound
   * values) on each run and rename every returned row's keys.
   */
  private readonly sqlDb: Kysely<DB>;

  constructor(
    db: Kysely<DB>,
    private readonly kind: DatabaseKind,
    private readonly clock: Clock,
    private readonly log: { error(obj: object, msg: string): void } = console,
    options: QueueOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 250;
    this.batchSize = options.batchSize ?? 200;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.sqlDb = db.withoutPlugins();
  }

  register(kind: string, handler: TaskHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops claiming and waits for the tasks in hand (SIGTERM drains). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A failed round was logged by tick(); draining must still finish (and let the caller close).
    await Promise.all([...this.rounds]);
  }

  /** Asks for a claim round now (after a commit that enqueued work). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) this.wakeRequested = true;
    else this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  /**
   * Runs a round and claims again once it is over — or, for a round of several tasks, once half of
   * them are recorded: the claim then tops the tasks in hand up to the batch size while the rest
   * finish, instead of the runner idling on a batch's slowest deliveries.
   */
  private async tick(): Promise<void> {
    this.timer = null;
    this.ticking = true;
    const halfway = new Promise<'halfway'>((resolve) => (this.onHalfway = () => resolve('halfway')));
    const round = this.runOnce().catch((err: unknown) => {
      this.log.error({ err }, 'queue round failed');
      return 0;
    });
    this.rounds.add(round);
    let detached = false;
    void round.then((ran) => {
      this.rounds.delete(round);
      // A round that ends after its tick moved on may have made follow-up work due: claim again.
      if (detached && ran > 0) this.wake();
    });
    const handled = await Promise.race([round, halfway]);
    detached = handled === 'halfway';
    this.onHalfway = null;
    this.ticking = false;
    // Work begets work (the next task of an ordering key becomes due): look again at once.
    const again = handled === 'halfway' || handled > 0 || this.wakeRequested;
    this.wakeRequested = false;
    this.schedule(again ? 0 : this.pollMs);
  }

  /**
   * Claims due tasks (a batch, less the tasks still in hand from an earlier round), runs them and
   * records the outcomes; returns how many ran.
   */
  async runOnce(): Promise<number> {
    const halfway = this.onHalfway;
    this.onHalfway = null;
    const room = this.batchSize - this.inFlight;
    if (room <= 0) return 0;
    const claimed = await this.claim(room);
    if (claimed.length === 0) return 0;
    this.inFlight += claimed.length;
    let unrecorded = claimed.length;
    const settled = () => {
      this.inFlight--;
      // Half recorded and some still running (a round of one just ends).
      if (--unrecorded === Math.floor(claimed.length / 2) && unrecorded > 0) halfway?.();
    };
    // Each outcome is recorded as soon as its task settles: a slow task must not hold back the
    // next task of another key, nor let finished tasks' leases run out (they would run again).
    // An outcome that cannot be written (the database hiccups) is logged; the task's lease then
    // runs out and it is claimed again. The round still waits for every task (stop() drains).
    await Promise.all(
      claimed.map(async (task) => {
        try {
          await this.record(await this.execute(task));
        } catch (err) {
          this.log.error({ err, taskId: task.id, kind: task.kind }, 'queue task outcome not recorded');
        } finally {
          settled();
        }
      }),
    );
    return claimed.length;
  }

  /**
   * Records an outcome as soon as its task settles. Outcomes that settle in the same turn of the
   * event loop (a batch of quick tasks) share one statement — a group commit — so the write per
   * task does not cost a transaction of its own; a slow task still records alone when it ends.
   */
  private record(outcome: Outcome): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.unrecorded.push({ outcome, resolve, reject });
      if (!this.recording) this.recording = new Promise<void>((done) => setImmediate(() => void this.flushOutcomes().finally(done)));
    });
  }

  private async flushOutcomes(): Promise<void> {
    while (this.unrecorded.length > 0) {
      const batch = this.unrecorded.splice(0);
      try {
        await this.writeOutcomes(batch.map((w) => w.outcome));
        for (const w of batch) w.resolve();
      } catch {
        // Whatever broke the shared statement, each outcome gets its own chance (and its own error).
        for (const w of batch) await this.writeOutcomes([w.outcome]).then(w.resolve, w.reject);
      }
    }
    this.recording = null;
  }

  /** One UPDATE … FROM (VALUES …) for any number of outcomes (SQLite ≥ 3.33 and PostgreSQL). */
  private async writeOutcomes(outcomes: Outcome[]): Promise<void> {
    const rows = outcomes.map(
      (o) => sql`(cast(${o.seq} as bigint), ${o.status}, ${o.runAt}, ${o.error}, cast(${o.attempts} as integer))`,
    );
    await sql`
      update queue_tasks
      set status = v.column2, run_at = v.column3, last_error = v.column4, attempts = v.column5,
        locked_by = null, locked_until = null, updated_at = ${this.clock.now().toISOString()}
      from (values ${sql.join(rows)}) as v
      where queue_tasks.seq = v.column1 and queue_tasks.locked_by = ${this.workerId}`.execute(this.sqlDb);
  }

  private async execute(task: ClaimedTask): Promise<Outcome> {
    const handler = this.handlers.get(task.kind);
    const now = this.clock.now();
    if (!handler) return { seq: task.seq, status: 'DEAD', runAt: now.toISOString(), error: `no handler for task kind ${task.kind}`, attempts: task.attempts };
    try {
      await handler.run(JSON.parse(task.payload), { taskId: task.id, attempt: task.attempts, maxAttempts: task.maxAttempts });
      if (handler.repeatEveryMs) return { seq: task.seq, status: 'PENDING', runAt: new Date(now.getTime() + handler.repeatEveryMs).toISOString(), error: null, attempts: 0 };
      return { seq: task.seq, status: 'DONE', runAt: now.toISOString(), error: null, attempts: task.attempts };
    } catch (err) {
      // Whatever a handler throws (or rejects with) is an outcome of its task, never the runner's.
      const message = errorMessage(err);
      if (err instanceof PermanentTaskError || task.attempts >= task.maxAttempts) {
        return { seq: task.seq, status: 'DEAD', runAt: now.toISOString(), error: message, attempts: task.attempts };
      }
      const delay = backoff(handler, task.attempts);
      return { seq: task.seq, status: 'PENDING', runAt: new Date(this.clock.now().getTime() + delay).toISOString(), error: message, attempts: task.attempts };
    }
  }

  /**
   * Claims up to `limit` tasks: first tasks whose lease ran out (their worker died; rare), then due
   * pending work, oldest first. Each walks the index of unfinished tasks in `seq` order and stops
   * after `limit`, so a claim reads about a batch however large the backlog. Every query here
   * spells the statuses as literals and restates the partial indexes' condition: SQLite can only
   * use a partial index when the query's own text implies its WHERE (a bound parameter does not).
   */
  private async claim(limit: number): Promise<ClaimedTask[]> {
    const now = this.clock.now().toISOString();
    const leaseUntil = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    // A task whose worker died during its last attempt (perhaps killed by the task) is not run again.
    await sql`
      update queue_tasks
      set status = 'DEAD', locked_by = null, locked_until = null, updated_at = ${now},
        last_error = 'lease expired during the last attempt (its worker died or overran the lease)'
      where status in ('PENDING', 'RUNNING') and status = 'RUNNING' and locked_until < ${now} and attempts >= max_attempts`.execute(this.sqlDb);
    const expired = await this.claimWhere(sql`t.status = 'RUNNING' and t.locked_until < ${now} and t.attempts < t.max_attempts`, limit, now, leaseUntil);
    if (expired.length >= limit) return expired;
    const due = await this.claimWhere(sql`t.status = 'PENDING' and t.run_at <= ${now}`, limit - expired.length, now, leaseUntil);
    return expired.length === 0 ? due : [...expired, ...due];
  }

  /** Leases up to `limit` tasks matching `condition` whose ordering key has no earlier unfinished task. */
  private async claimWhere(condition: RawBuilder<unknown>, limit: number, now: string, leaseUntil: string): Promise<ClaimedTask[]> {
    const lock = this.kind === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<{ seq: number | string; id: string; kind: string; payload: string; attempts: number; max_attempts: number }>`
      update queue_tasks
      set status = 'RUNNING', locked_by = ${this.workerId}, locked_until = ${leaseUntil}, attempts = attempts + 1, updated_at = ${now}
      where seq in (
        select t.seq from queue_tasks t
        where t.status in ('PENDING', 'RUNNING') and ${condition}
          and (t.ordering_key is null or not exists (
            select 1 from queue_tasks e
            where e.ordering_key = t.ordering_key and e.seq < t.seq and e.status in ('PENDING', 'RUNNING')))
        order by t.seq
        limit ${limit}
        ${lock})
      returning seq, id, kind, payload, attempts, max_attempts`.execute(this.sqlDb);
    return result.rows.map((row) => ({ seq: Number(row.seq), id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts }));
  }
}
