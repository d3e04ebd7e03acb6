import { storableText } from '../db/storable-text.ts';
import { defaultBackoffMs, PermanentTaskError, type TaskKind } from './task-kind.ts';
import type { ClaimedTask, Outcome } from './task-store.ts';

/** A thrown value's message (any value: a handler may throw anything), as text the database can hold. */
function errorMessage(err: unknown): string {
  try {
    return storableText(err instanceof Error ? err.message : String(err));
  } catch {
    return 'the task failed with a value that has no message';
  }
}

/** The kind's back-off, or the default one if it has none or it fails. */
function backoff(kind: TaskKind<unknown>, attempt: number): number {
  try {
    const delay = kind.backoffMs?.(attempt);
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) return delay;
  } catch {
    /* a broken back-off must not leave the task claimed: the default one decides */
  }
  return defaultBackoffMs(attempt);
}

/** Done, or for recurring work due again one period later (its attempts counted afresh). */
export function successOutcome(kind: TaskKind<unknown>, task: ClaimedTask, now: Date): Outcome {
  if (kind.repeatEveryMs) return { status: 'PENDING', runAt: new Date(now.getTime() + kind.repeatEveryMs).toISOString(), error: null, attempts: 0 };
  return { status: 'DONE', runAt: now.toISOString(), error: null, attempts: task.attempts };
}

/**
 * A failed attempt: retried after the kind's back-off, or DEAD (a PermanentTaskError, or the last
 * attempt). One interrupted by this process's shutdown is not the task's failure: due again at
 * once, that attempt not counted.
 */
export function failureOutcome(kind: TaskKind<unknown>, task: ClaimedTask, err: unknown, now: Date, interrupted: boolean): Outcome {
  const message = errorMessage(err);
  if (interrupted) return { status: 'PENDING', runAt: now.toISOString(), error: `interrupted by shutdown: ${message}`, attempts: task.attempts - 1 };
  if (err instanceof PermanentTaskError || task.attempts >= task.maxAttempts) return { status: 'DEAD', runAt: now.toISOString(), error: message, attempts: task.attempts };
  return { status: 'PENDING', runAt: new Date(now.getTime() + backoff(kind, task.attempts)).toISOString(), error: message, attempts: task.attempts };
}

/** A task claimed again after its lease lapsed during its last attempt (perhaps the task killed its worker). */
export function expiredOutcome(task: ClaimedTask, now: Date): Outcome {
  return { status: 'DEAD', runAt: now.toISOString(), error: 'lease expired during the last attempt (its worker died or overran the lease)', attempts: task.maxAttempts };
}

/** A stored payload the kind's schema refuses (or that is not JSON): it can never run. */
export function unreadableOutcome(kind: TaskKind<unknown>, task: ClaimedTask, err: unknown, now: Date): Outcome {
  return { status: 'DEAD', runAt: now.toISOString(), error: `the stored payload does not fit the kind ${kind.name}: ${errorMessage(err)}`, attempts: task.attempts };
}
