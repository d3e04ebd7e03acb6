import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createApiKey, grantCompany, type NewApiKey } from '../src/auth/api-keys.ts';
import type { KeyResolver } from '../src/auth/key-resolver.ts';
import { insertCompany } from '../src/companies/repository.ts';
import { newCompanyRow } from '../src/companies/service.ts';
import { loadConfig } from '../src/config/config.ts';
import { type Clock, systemClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import type { AppDeps } from '../src/http/app-deps.ts';
import { buildApp } from '../src/http/app.ts';
import { createDeps } from '../src/server/runtime.ts';

export type TestDatabaseKind = 'sqlite' | 'postgres';

/** Which database this vitest project runs on (set by vitest.config.ts). */
export const testDatabaseKind: TestDatabaseKind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database: a temp SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(kind: TestDatabaseKind = testDatabaseKind): Promise<FreshDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'interviewd-test-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `interviewd_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Environment for a test server: quiet, generous limits unless a test says otherwise. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_HOUR: '1000000',
    AUTH_FAILURES_PER_MINUTE: '1000000',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    ...overrides,
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as-is (no JSON encoding) when set. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
}

export type ApiClient = <T = any>(method: string, path: string, options?: RequestOptions) => Promise<ApiResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Real HTTP against a listening server. */
export function apiClient(baseUrl: string, key?: string): ApiClient {
  return async (method, path, options = {}) => {
    const url = new URL(path, baseUrl);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers };
    let body: string | Buffer | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, headers: response.headers, body: parsed as never, text };
  };
}

export interface SeededCompany {
  id: string;
  key: string;
  keyId: string;
  api: ApiClient;
}

export interface TestServer {
  app: FastifyInstance;
  deps: AppDeps;
  baseUrl: string;
  databaseUrl: string;
  /** A key-less client. */
  anonymous: ApiClient;
  /** Creates a company with a COMPANY key (all scopes unless given). */
  company(name?: string, key?: Partial<NewApiKey>): Promise<SeededCompany>;
  /** Creates an ATS key managing `companyIds`. */
  atsKey(companyIds?: string[], key?: Partial<NewApiKey>): Promise<{ key: string; keyId: string; api: ApiClient }>;
  /** An extra key for an existing company. */
  companyKey(companyId: string, key?: Partial<NewApiKey>): Promise<{ key: string; keyId: string; api: ApiClient }>;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database and listens on a loopback port (`keys`: a key cache of the test's own sizes). */
export async function startTestServer(
  options: { clock?: Clock; env?: Record<string, string>; logger?: Record<string, unknown>; keys?: (db: Kysely<DB>) => KeyResolver } = {},
): Promise<TestServer> {
  const fresh = await freshDatabase();
  const clock = options.clock ?? systemClock;
  const config = loadConfig(testEnv(fresh.url, options.env), '/nonexistent/.env');
  const database = openDatabase(config.databaseUrl, { sqliteReaders: config.sqliteReaders });
  const deps = await createDeps(config, clock, database);
  if (options.keys) deps.keys = options.keys(database.db);
  const app = await buildApp(deps, { logger: options.logger ?? false });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  deps.queue.start();
  let counter = 0;

  const companyKey = async (companyId: string, key: Partial<NewApiKey> = {}) => {
    const { apiKey, plaintext } = await createApiKey(deps.database.db, clock, { name: `key ${++counter}`, kind: 'COMPANY', companyId, ...key });
    return { key: plaintext, keyId: apiKey.id, api: apiClient(baseUrl, plaintext) };
  };

  return {
    app,
    deps,
    baseUrl,
    databaseUrl: fresh.url,
    anonymous: apiClient(baseUrl),
    companyKey,
    async company(name = `Company ${++counter}`, key = {}) {
      const row = newCompanyRow(clock, { name });
      await insertCompany(deps.database.db, row);
      const created = await companyKey(row.id, key);
      return { id: row.id, ...created };
    },
    async atsKey(companyIds = [], key = {}) {
      const { apiKey, plaintext } = await createApiKey(deps.database.db, clock, { name: `ats ${++counter}`, kind: 'ATS', ...key });
      for (const id of companyIds) await grantCompany(deps.database.db, clock, apiKey.id, id);
      return { key: plaintext, keyId: apiKey.id, api: apiClient(baseUrl, plaintext) };
    },
    async close() {
      await app.close();
      await deps.queue.stop();
      await deps.database.close();
      await fresh.drop();
    },
  };
}

/** Asserts the §2 envelope and returns its error. */
export function envelopeError(response: ApiResponse): { code: string; message: string; details: Record<string, any> } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const body = response.body as { success?: boolean; data?: unknown; error?: { code: string; message: string; details: Record<string, unknown> }; timestamp?: string };
  if (body?.success !== false || body.data !== null || !body.error || typeof body.timestamp !== 'string') {
    throw new Error(`not an error envelope (status ${response.status}): ${response.text.slice(0, 300)}`);
  }
  return body.error;
}
