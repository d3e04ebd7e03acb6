import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { type ClaimedTask, heldKey, type Outcome, TaskStore } from './task-store.ts';
import { expiredOutcome, failureOutcome, successOutcome, unreadableOutcome } from './outcome.ts';
import { DEFAULT_CONCURRENCY, LeaseLostError, type TaskContext, type TaskKind } from './task-kind.ts';

export interface QueueOptions {
  /** How often an idle runner looks for due work. */
  pollMs?: number;
  /** How long a claim lasts without a heartbeat; a dead worker's task is claimed again after it. */
  leaseMs?: number;
  /** How often running tasks' leases are extended (default a third of the lease); null: never by itself (tests call `heartbeat()`). */
  heartbeatMs?: number | null;
  /** `stop()`'s default grace before it aborts the handlers still running. */
  shutdownGraceMs?: number;
  /** After aborting, how long `stop()` waits for handlers to settle before it gives up on them. */
  abortWaitMs?: number;
}

/** A task in hand. */
interface Running {
  task: ClaimedTask;
  kind: TaskKind<unknown>;
  controller: AbortController;
  /** Why the signal was aborted, if it was. */
  aborted: 'shutdown' | 'lease lost' | null;
  /** The handler returned or threw (its outcome may still be being written). */
  ran: boolean;
  /** `finishIn` was called: the outcome is written in the handler's transaction. */
  finishing: boolean;
  finished: boolean;
  settled: Promise<void>;
}

function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise.then(() => true), expired]).finally(() => clearTimeout(timer));
}

/**
 * The one durable background runner. Each registered kind is claimed on its own, up to its
 * concurrency in this process, so a flood of one kind never holds up another; a kind this process
 * has not registered is never claimed (it waits for a process that knows it). On PostgreSQL claims
 * use FOR UPDATE SKIP LOCKED, so any number of processes share the work. A task whose ordering key
 * has an earlier unfinished task waits for it. While a handler runs its lease is extended; an
 * attempt that loses its task (taken over, cancelled) is aborted and its outcome dropped.
 */
export class QueueRunner {
  private readonly kinds = new Map<string, TaskKind<unknown>>();
  private readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  private readonly store: TaskStore;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number | null;
  private readonly shutdownGraceMs: number;
  private readonly abortWaitMs: number;
  private readonly running = new Set<Running>();
  private readonly inFlight = new Map<string, number>();
  private claimRounds = 0;
  private timer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private ticking: Promise<void> | null = null;
  private wakeRequested = false;
  private stopped = true;
  /** Set once stop() gave up on handlers: their late outcomes are not written (the database may be closed). */
  private abandoned = false;

  constructor(
    db: Kysely<DB>,
    databaseKind: DatabaseKind,
    private readonly clock: Clock,
    private readonly log: { error(obj: object, msg: string): void } = console,
    options: QueueOptions = {},
  ) {
    this.store = new TaskStore(db, databaseKind);
    this.pollMs = options.pollMs ?? 250;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs === undefined ? Math.max(1, Math.floor(this.leaseMs / 3)) : options.heartbeatMs;
    this.shutdownGraceMs = options.shutdownGraceMs ?? 10_000;
    this.abortWaitMs = options.abortWaitMs ?? 2_000;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of kinds of every payload type
  register(kind: TaskKind<any>): void {
    this.kinds.set(kind.name, kind as TaskKind<unknown>);
  }

  /** Claim rounds so far (a test counts them to bound a delay in rounds, not in time). */
  get rounds(): number {
    return this.claimRounds;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abandoned = false;
    this.schedule(0);
  }

  /**
   * Stops claiming and drains: the tasks in hand get `graceMs` to finish, then their signals are
   * aborted and they get `abortWaitMs` more; a handler still running after that is left behind
   * (its lease lapses and another process runs it again). Never waits longer than that.
   */
  async stop(graceMs: number = this.shutdownGraceMs): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    const settled = Promise.all([...this.running].map((r) => r.settled));
    if (!(await within(settled, graceMs))) {
      for (const r of this.running) this.abort(r, 'shutdown');
      if (!(await within(settled, this.abortWaitMs))) this.abandoned = true;
    }
    this.stopHeartbeats();
    await this.beating;
  }

  /** Asks for a claim round now (after a commit that enqueued work, or when a task ends). */
  wake(): void {
    if (this.stopped) return;
    if (this.ticking) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Claims what is due and runs it to the end; returns how many tasks were claimed. */
  async runOnce(): Promise<number> {
    const started = await this.claimAndStart();
    await Promise.all(started.map((r) => r.settled));
    return started.length;
  }

  /** Claims what is due (each kind up to its room) and starts it without waiting; returns how many. */
  async claimDue(): Promise<number> {
    return (await this.claimAndStart()).length;
  }

  /** Extends the leases of the tasks in hand; an attempt whose task is no longer its own is aborted. */
  heartbeat(): Promise<void> {
    this.beating ??= this.extendLeases().finally(() => (this.beating = null));
    return this.beating;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    let claimed = 0;
    const round = this.claimDue().then(
      (n) => void (claimed = n),
      (err: unknown) => this.log.error({ err }, 'queue round failed'),
    );
    this.ticking = round;
    await round;
    this.ticking = null;
    // Work begets work (the next task of an ordering key becomes due): look again at once.
    const again = claimed > 0 || this.wakeRequested;
    this.wakeRequested = false;
    this.schedule(again ? 0 : this.pollMs);
  }

  private async claimAndStart(): Promise<Running[]> {
    this.claimRounds++;
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
    const token = `${this.workerId}:${this.claimRounds}`;
    const started: Running[] = [];
    for (const kind of this.kinds.values()) {
      const room = (kind.concurrency ?? DEFAULT_CONCURRENCY) - (this.inFlight.get(kind.name) ?? 0);
      if (room <= 0) continue;
      const tasks = await this.store.claim(kind.name, room, token, now.toISOString(), leaseUntil);
      for (const task of tasks) started.push(this.begin(kind, task));
    }
    return started;
  }

  private begin(kind: TaskKind<unknown>, task: ClaimedTask): Running {
    const r: Running = { task, kind, controller: new AbortController(), aborted: null, ran: false, finishing: false, finished: false, settled: Promise.resolve() };
    this.inFlight.set(kind.name, (this.inFlight.get(kind.name) ?? 0) + 1);
    this.running.add(r);
    this.startHeartbeats();
    r.settled = this.execute(r).finally(() => {
      this.running.delete(r);
      this.inFlight.set(kind.name, (this.inFlight.get(kind.name) ?? 1) - 1);
      if (this.running.size === 0) this.stopHeartbeats();
      this.wake();
    });
    return r;
  }

  /** Runs one attempt and records its outcome. Never rejects: whatever happens is the task's outcome, or logged. */
  private async execute(r: Running): Promise<void> {
    const outcome = await this.attempt(r);
    r.ran = true;
    if (!outcome || r.aborted === 'lease lost' || this.abandoned) return;
    try {
      if (outcome.status === 'DEAD' && r.kind.onDead) await this.recordDead(r, outcome);
      else await this.store.record(r.task, outcome, this.clock.now().toISOString());
    } catch (err) {
      // The task keeps its lease until it lapses, then runs again.
      this.log.error({ err, taskId: r.task.id, kind: r.task.kind }, 'queue task outcome not recorded');
    }
  }

  /**
   * A DEAD move of a kind with an `onDead` hook: the hook records it in its own transaction
   * (`deadIn`), with whatever marks the end of the task's work; a hook that does not, or fails,
   * leaves the move to be recorded here.
   */
  private async recordDead(r: Running, outcome: Outcome): Promise<void> {
    const { task, kind } = r;
    const now = this.clock.now().toISOString();
    let payload: unknown;
    let readable = true;
    try {
      payload = kind.payload.parse(JSON.parse(task.payload));
    } catch {
      readable = false;
    }
    let recorded = false;
    if (readable && kind.onDead) {
      try {
        await kind.onDead(payload, {
          taskId: task.id,
          error: outcome.error ?? '',
          log: this.log,
          deadIn: async (trx) => {
            if (recorded) return;
            if (!(await this.store.record(task, outcome, now, trx))) throw new LeaseLostError(`task ${task.id} is no longer held by this attempt (taken over or cancelled)`);
            recorded = true;
          },
        });
      } catch (err) {
        if (err instanceof LeaseLostError) return;
        // Its transaction rolled back, the move with it.
        recorded = false;
        this.log.error({ err, taskId: task.id, kind: task.kind }, 'queue task on-dead hook failed; the task is recorded DEAD without it');
      }
    }
    if (!recorded) await this.store.record(task, outcome, now);
  }

  /** The attempt's outcome, or null if the handler recorded it with `finishIn`. */
  private async attempt(r: Running): Promise<Outcome | null> {
    const { task, kind } = r;
    if (task.attempts > task.maxAttempts) return expiredOutcome(task, this.clock.now());
    let payload: unknown;
    try {
      payload = kind.payload.parse(JSON.parse(task.payload));
    } catch (err) {
      return unreadableOutcome(kind, task, err, this.clock.now());
    }
    const context: TaskContext = {
      taskId: task.id,
      attempt: task.attempts,
      maxAttempts: task.maxAttempts,
      signal: r.controller.signal,
      finishIn: (trx) => this.finishIn(r, trx),
    };
    try {
      await kind.run(payload, context);
      return r.finished ? null : successOutcome(kind, task, this.clock.now());
    } catch (err) {
      return failureOutcome(kind, task, err, this.clock.now(), r.aborted === 'shutdown');
    }
  }

  private async finishIn(r: Running, trx: Kysely<DB>): Promise<void> {
    if (r.finished) return;
    r.finishing = true;
    const recorded = await this.store.record(r.task, successOutcome(r.kind, r.task, this.clock.now()), this.clock.now().toISOString(), trx).catch((err: unknown) => {
      r.finishing = false;
      throw err;
    });
    if (!recorded) {
      r.finishing = false;
      throw new LeaseLostError(`task ${r.task.id} is no longer held by this attempt (taken over or cancelled)`);
    }
    r.finished = true;
  }

  private abort(r: Running, reason: 'shutdown' | 'lease lost'): void {
    if (r.aborted) return;
    r.aborted = reason;
    r.controller.abort(reason === 'shutdown' ? new Error('the worker is shutting down') : new LeaseLostError('the task is no longer held by this attempt'));
  }

  private async extendLeases(): Promise<void> {
    const held = [...this.running].filter((r) => !r.ran && !r.aborted);
    if (held.length === 0) return;
    try {
      const kept = await this.store.extend(held.map((r) => r.task), new Date(this.clock.now().getTime() + this.leaseMs).toISOString());
      // A task that settled meanwhile (its outcome written) or is committing `finishIn` is not lost.
      for (const r of held) if (!kept.has(heldKey(r.task)) && !r.ran && !r.finishing) this.abort(r, 'lease lost');
    } catch (err) {
      // The lease may still hold: the next heartbeat tries again; the outcome write decides in the end.
      this.log.error({ err }, 'queue heartbeat failed');
    }
  }

  private startHeartbeats(): void {
    if (this.heartbeatTimer || this.heartbeatMs === null) return;
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  private stopHeartbeats(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }
}
