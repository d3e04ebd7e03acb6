import BetterSqlite3 from 'better-sqlite3';
import { type Migration, Migrator, type Kysely, sql } from 'kysely';
import type { Database, DatabaseKind } from './database.ts';
import { foundation } from './migrations/0001-foundation.ts';
import { jobsCandidates } from './migrations/0002-jobs-candidates.ts';
import { queue } from './migrations/0003-queue.ts';
import { webhooks } from './migrations/0004-webhooks.ts';
import { interviews } from './migrations/0005-interviews.ts';
import { queueClaimOrder } from './migrations/0006-queue-claim-order.ts';
import { agentsApiJson } from './migrations/0007-agents-api-json.ts';
import { liveListIndexes } from './migrations/0008-live-list-indexes.ts';
import { feedClocks } from './migrations/0009-feed-clocks.ts';
import { interviewSessions } from './migrations/0010-interview-sessions.ts';
import { dropAgentsApiJson } from './migrations/0011-drop-agents-api-json.ts';
import { queueKinds } from './migrations/0012-queue-kinds.ts';
import { interviewStatusReason } from './migrations/0013-interview-status-reason.ts';
import { companyLocale } from './migrations/0014-company-locale.ts';
import { phoneCalls } from './migrations/0015-phone-calls.ts';
import { consoleUsers } from './migrations/0016-console-users.ts';
import { sessionContext } from './migrations/0017-session-context.ts';
import { textSearchIndexes } from './migrations/0018-text-search-indexes.ts';
import { signInFailures } from './migrations/0019-sign-in-failures.ts';
import { liveCountIndexes } from './migrations/0020-live-count-indexes.ts';

/**
 * Migrations live in code, in order; the key is the version. Never edit one that has shipped:
 * add a new one. Column types are the portable subset (text, integer).
 */
export function migrationsFor(kind: DatabaseKind): Record<string, Migration> {
  return {
    '0001_foundation': foundation,
    '0002_jobs_candidates': jobsCandidates,
    '0003_queue': queue(kind),
    '0004_webhooks': webhooks,
    '0005_interviews': interviews,
    '0006_queue_claim_order': queueClaimOrder,
    '0007_agents_api_json': agentsApiJson(kind),
    '0008_live_list_indexes': liveListIndexes,
    '0009_feed_clocks': feedClocks,
    '0010_interview_sessions': interviewSessions,
    '0011_drop_agents_api_json': dropAgentsApiJson(kind),
    '0012_queue_kinds': queueKinds,
    '0013_interview_status_reason': interviewStatusReason,
    '0014_company_locale': companyLocale,
    '0015_phone_calls': phoneCalls,
    '0016_console_users': consoleUsers,
    '0017_session_context': sessionContext,
    '0018_text_search_indexes': textSearchIndexes(kind),
    '0019_sign_in_failures': signInFailures,
    '0020_live_count_indexes': liveCountIndexes(kind),
  };
}

// Any fixed number: the advisory lock that serialises migrations across processes on PostgreSQL.
const MIGRATION_LOCK_ID = 7_310_421;

/**
 * Brings the schema to the latest version. Safe when several processes start together: on
 * PostgreSQL they queue on an advisory lock, on SQLite on a lock file, so exactly one runs each
 * migration.
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return withStartupLock(database, async () => {
    const db = database.db as unknown as Kysely<unknown>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(database.kind) } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  });
}

/** Runs `fn` while holding the cross-process start-up lock (migrations, bootstrap). */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'sqlite') return withSqliteLock(database.file, fn);
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(conn);
    }
  });
}

/**
 * SQLite has no advisory locks: a write transaction on a sidecar file serves as the cross-process
 * mutex (a process that dies holding it loses it with its file locks). Waiting blocks this
 * process's thread, which only happens while starting (or in a one-shot CLI command).
 */
async function withSqliteLock<T>(file: string | null, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const lock = new BetterSqlite3(`${file}.startup-lock`, { timeout: 120_000 });
  try {
    lock.exec('BEGIN IMMEDIATE');
    try {
      return await fn();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}
