import { type Kysely, sql } from 'kysely';
import type { DatabaseKind } from '../db/database.ts';
import type { DB, QueueTaskStatus } from '../db/schema.ts';

/** A task one claim handed to this process; `token` names that claim (`locked_by`). */
export interface ClaimedTask {
  seq: number;
  id: string;
  kind: string;
  payload: string;
  /** Counting this one. */
  attempts: number;
  maxAttempts: number;
  token: string;
}

/** What an attempt leaves behind. */
export interface Outcome {
  status: QueueTaskStatus;
  runAt: string;
  error: string | null;
  /** Attempts so far; a recurring task starts counting again after each success. */
  attempts: number;
}

export type Held = Pick<ClaimedTask, 'seq' | 'token'>;

/**
 * The runner's statements on `queue_tasks`. Plain SQL with snake_case names (no CamelCase plugin
 * needed). Every query restates the partial indexes' condition with literal statuses: SQLite uses
 * a partial index only when the query's own text implies its WHERE (a bound parameter does not).
 *
 * A claim's token is in `locked_by` for as long as that attempt holds the task: extending the
 * lease and recording the outcome both require it, so an attempt whose task was taken over (its
 * lease lapsed) or cancelled changes nothing.
 */
export class TaskStore {
  private readonly sqlDb: Kysely<DB>;

  constructor(
    db: Kysely<DB>,
    private readonly databaseKind: DatabaseKind,
  ) {
    this.sqlDb = db.withoutPlugins();
  }

  /**
   * Leases up to `limit` tasks of one kind: due pending ones, and running ones whose lease lapsed
   * (their worker died), oldest first, skipping any whose ordering key has an earlier unfinished
   * task. The walk follows the kind's part of `queue_tasks_claim` and stops after `limit`.
   * The LIMIT is bound: it changes from claim to claim (see src/db/literal-limit.ts).
   */
  async claim(kind: string, limit: number, token: string, now: string, leaseUntil: string): Promise<ClaimedTask[]> {
    const lock = this.databaseKind === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<{ seq: number | string; id: string; kind: string; payload: string; attempts: number; max_attempts: number }>`
      update queue_tasks
      set status = 'RUNNING', locked_by = ${token}, locked_until = ${leaseUntil}, attempts = attempts + 1, updated_at = ${now}
      where seq in (
        select t.seq from queue_tasks t
        where t.status in ('PENDING', 'RUNNING') and t.kind = ${kind}
          and ((t.status = 'PENDING' and t.run_at <= ${now}) or (t.status = 'RUNNING' and t.locked_until < ${now}))
          and (t.ordering_key is null or not exists (
            select 1 from queue_tasks e
            where e.ordering_key = t.ordering_key and e.seq < t.seq and e.status in ('PENDING', 'RUNNING')))
        order by t.seq
        limit ${limit}
        ${lock})
      returning seq, id, kind, payload, attempts, max_attempts`.execute(this.sqlDb);
    return result.rows
      .map((row) => ({ seq: Number(row.seq), id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts, token }))
      .sort((a, b) => a.seq - b.seq);
  }

  /** Extends the leases still held; answers the held tasks that were extended (`seq:token`). */
  async extend(held: Held[], leaseUntil: string): Promise<Set<string>> {
    if (held.length === 0) return new Set();
    const seqs = [...new Set(held.map((h) => h.seq))];
    const tokens = [...new Set(held.map((h) => h.token))];
    const result = await sql<{ seq: number | string; locked_by: string }>`
      update queue_tasks set locked_until = ${leaseUntil}
      where seq in (${sql.join(seqs)}) and status = 'RUNNING' and locked_by in (${sql.join(tokens)})
      returning seq, locked_by`.execute(this.sqlDb);
    return new Set(result.rows.map((row) => heldKey({ seq: Number(row.seq), token: row.locked_by })));
  }

  /**
   * Writes an attempt's outcome if the attempt still holds its task; answers whether it did.
   * `db` is the handler's own transaction for `finishIn`.
   */
  async record(task: Held, outcome: Outcome, now: string, db: Kysely<DB> = this.sqlDb): Promise<boolean> {
    const result = await sql`
      update queue_tasks
      set status = ${outcome.status}, run_at = ${outcome.runAt}, last_error = ${outcome.error}, attempts = ${outcome.attempts},
        locked_by = null, locked_until = null, updated_at = ${now}
      where seq = ${task.seq} and status = 'RUNNING' and locked_by = ${task.token}`.execute(db);
    return Number(result.numAffectedRows ?? 0) > 0;
  }
}

export function heldKey(task: Held): string {
  return `${task.seq}:${task.token}`;
}
