import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';

export interface TaskContext {
  taskId: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted on shutdown (after the grace period) or when the task's lease is lost (taken over, cancelled). */
  signal: AbortSignal;
  /**
   * Records the task's success inside the handler's own transaction, so the effect and the
   * task's completion commit together: a crash after the commit does not run the effect again.
   * Throws `LeaseLostError` (rolling the transaction back) if this attempt no longer holds the task.
   */
  finishIn(trx: Kysely<DB>): Promise<void>;
}

/** What a kind's `onDead` hook is given besides the payload. */
export interface DeadContext {
  taskId: string;
  /** Why the task is DEAD: the error kept in its `last_error` (for the operator, not for tenants). */
  error: string;
  /** The runner's log: detail that stays on the server. */
  log: { error(obj: object, msg: string): void };
  /**
   * Records the DEAD move inside the hook's own transaction, so the hook's writes and the move
   * commit together (call it once, in that transaction). Throws `LeaseLostError` (rolling the
   * transaction back) if this attempt no longer holds the task.
   */
  deadIn(trx: Kysely<DB>): Promise<void>;
}

/** A kind of background work: its payload, its handler and how the runner treats it. */
export interface TaskKind<P> {
  /** e.g. 'webhook.deliver', 'interview.timer'. */
  name: string;
  /** Checked on enqueue and again on claim (a stored payload that fails it makes the task DEAD). */
  payload: z.ZodType<P>;
  run(payload: P, context: TaskContext): Promise<void>;
  /** Default `DEFAULT_MAX_ATTEMPTS`. */
  maxAttempts?: number;
  /** Delay before attempt `attempt + 1` after attempt `attempt` failed; default `defaultBackoffMs`. */
  backoffMs?(attempt: number): number;
  /** Tasks of this kind one process runs at once; default `DEFAULT_CONCURRENCY`. */
  concurrency?: number;
  /** Recurring work: after a success the same task is due again this much later. */
  repeatEveryMs?: number;
  /**
   * Runs once when a task of this kind goes DEAD for any reason the runner sees (its last counted
   * attempt failed, a `PermanentTaskError`, its last attempt's worker died and the lease lapsed),
   * not when an attempt is only interrupted by shutdown (that one runs again). Not run for a
   * stored payload the schema refuses (there is no payload to give). It calls `deadIn(trx)` in
   * its transaction; if it returns without doing so, or throws, the runner records the move by
   * itself (a throw is logged): a failing hook cannot keep a task from ending.
   */
  onDead?(payload: P, context: DeadContext): Promise<void>;
}

/** What enqueueing reads of a kind: code that only enqueues needs no handler (nor its dependencies). */
export type TaskKindSpec<P> = Pick<TaskKind<P>, 'name' | 'payload' | 'maxAttempts'>;

/** Identity: lets TypeScript infer the payload type from the schema. */
export function taskKind<P>(kind: TaskKind<P>): TaskKind<P> {
  return kind;
}

/** Thrown by a handler whose task must not be tried again. */
export class PermanentTaskError extends Error {}

/** Thrown by `finishIn` when the attempt no longer holds its task (its lease was lost or the task cancelled). */
export class LeaseLostError extends Error {}

export const DEFAULT_MAX_ATTEMPTS = 10;
export const DEFAULT_CONCURRENCY = 4;

/** Exponential back-off with jitter: 5 s, 10 s, 20 s … capped at an hour, each 50–100 % of that. */
export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 5_000 * 2 ** (attempt - 1));
  return Math.round(base * (0.5 + Math.random() * 0.5));
}
