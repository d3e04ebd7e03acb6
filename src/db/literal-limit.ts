import { type RawBuilder, sql } from 'kysely';

/*
 * LIMIT written into the SQL text, never bound. SQLite (3.53, as better-sqlite3 12 bundles it)
 * compiles a bound LIMIT as the constant it was bound to and marks the statement to be compiled
 * again whenever that parameter is bound anew; better-sqlite3 binds every parameter on every run,
 * so a cached statement with `limit ?` was recompiled on each execution: ≈ 13 µs of a 45 µs
 * page of 20 agents, measured in isolation. OFFSET has no such rule and stays a parameter. A
 * literal also gives PostgreSQL's planner the real row count. Each value is its own statement;
 * lists allow 1–100. The queue's claim (raw SQL in src/queue/task-store.ts) keeps a bound LIMIT on
 * purpose: its limit (a kind's free room) changes from claim to claim, and a statement per value
 * would crowd the statement cache to save one recompile per claim.
 */
export function literalLimit(count: number): RawBuilder<number> {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`a LIMIT must be a non-negative integer, not ${count}`);
  return sql.lit(count);
}
