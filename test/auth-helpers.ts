/** Helpers for test/auth.test.ts: a second server process on the same database, and its tables. */
import { sql } from 'kysely';
import { type Clock, systemClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/http/app.ts';
import { createDeps } from '../src/server/runtime.ts';
import { type ApiClient, apiClient, type TestServer } from './harness.ts';

/**
 * Another app on the same database with its own key cache and connections: what a second
 * `interviewd serve` process sees.
 */
export async function secondProcess(server: TestServer, clock: Clock = systemClock): Promise<{ client: (key?: string) => ApiClient; close(): Promise<void> }> {
  const deps = await createDeps(server.deps.config, clock, openDatabase(server.databaseUrl));
  const app = await buildApp(deps, { logger: false });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    client: (key?: string) => apiClient(baseUrl, key),
    async close() {
      await app.close();
      await deps.database.close();
    },
  };
}

/** Every table of the service's database. */
export async function allTables(server: TestServer): Promise<string[]> {
  const db = server.deps.database.db;
  const query =
    server.deps.database.kind === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  const { rows } = await query.execute(db);
  if (rows.length === 0) throw new Error('no tables found');
  return rows.map((r) => r.name);
}
