import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKey, type NewApiKey } from '../src/auth/api-keys.ts';
import { insertCompany } from '../src/companies/repository.ts';
import { newCompanyRow } from '../src/companies/service.ts';
import { systemClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations.ts';
import { type ApiClient, apiClient } from './harness.ts';

/** The checkout's CLI entry point: what `npm start` and `npx interviewd` run. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'interviewd.mjs');

// Variables the service reads: never inherited from the test runner's environment.
const CONFIG_VARIABLES = [
  'PORT', 'HOST', 'DATABASE_URL', 'INTERVIEWD_BOOTSTRAP_KEY', 'PUBLIC_URL', 'LOG_LEVEL', 'RATE_LIMIT_PER_MINUTE', 'RATE_LIMIT_PER_HOUR',
  'AUTH_FAILURES_PER_MINUTE', 'SIGN_IN_FAILURES_PER_ACCOUNT', 'SIGN_IN_FAILURES_PER_ADDRESS', 'TRUST_PROXY', 'DEFAULT_MONTHLY_MINUTES', 'WEBHOOK_ALLOW_PRIVATE_TARGETS', 'LLM_BASE_URL', 'LLM_API_KEY', 'LLM_MODEL', 'LLM_FIRST_TOKEN_TIMEOUT_MS', 'LLM_MAX_RETRIES',
  'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_BASE', 'REQUEST_TIMEOUT_MS', 'SHUTDOWN_GRACE_MS',
];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running `node bin/interviewd.mjs …` with its output captured. */
export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Settles when the process has exited (never rejects). */
  exited: Promise<Exit>;
}

/**
 * Spawns the CLI in its own empty working directory (so no `.env` of the checkout leaks in) with
 * the runner's PATH/HOME but none of its service configuration.
 */
export function spawnInterviewd(args: string[], env: Record<string, string>, input?: string): Spawned {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete base[name];
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'interviewd-cwd-')),
    env: { ...base, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs one CLI command to completion. */
export async function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  const spawned = spawnInterviewd(args, env, input);
  const exit = await spawned.exited;
  return { ...exit, stdout: spawned.stdout(), stderr: spawned.stderr() };
}

/** A port nobody listens on right now (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ServerProcess extends Spawned {
  port: number;
  baseUrl: string;
  api(key?: string): ApiClient;
  /** Sends `signal` and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface StartOptions {
  /** Extra environment (overrides the defaults below). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * `node bin/interviewd.mjs serve` on `databaseUrl`, on a free loopback port, resolved once
 * GET /readyz answers 200. Rejects (with the captured output) if the process exits first.
 */
export async function startServerProcess(databaseUrl: string, options: StartOptions = {}): Promise<ServerProcess> {
  let lastError: unknown;
  // A port picked as free can be taken by someone else before the child binds it: try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const env = {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PER_HOUR: '1000000',
      AUTH_FAILURES_PER_MINUTE: '1000000',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      ...options.env,
    };
    const spawned = spawnInterviewd(['serve'], env);
    const baseUrl = `http://127.0.0.1:${port}`;
    const server: ServerProcess = {
      ...spawned,
      port,
      baseUrl,
      api: (key) => apiClient(baseUrl, key),
      async kill(signal = 'SIGKILL') {
        if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill(signal);
        return spawned.exited;
      },
    };
    try {
      await waitUntilReady(server, options.readyTimeoutMs ?? 90_000);
      return server;
    } catch (error) {
      lastError = error;
      await server.kill('SIGKILL');
      if (!/EADDRINUSE/.test(spawned.stderr() + spawned.stdout())) break;
    }
  }
  throw lastError;
}

async function waitUntilReady(server: ServerProcess, timeoutMs: number): Promise<void> {
  let exit: Exit | null = null;
  void server.exited.then((e) => (exit = e));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`interviewd exited (${JSON.stringify(exit)}) before it was ready:\n${server.stdout()}\n${server.stderr()}`);
    try {
      const response = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
  throw new Error(`interviewd was not ready within ${timeoutMs} ms:\n${server.stdout()}\n${server.stderr()}`);
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A well-formed key no database knows yet (for INTERVIEWD_BOOTSTRAP_KEY). */
export function randomKey(prefix: 'sk_live_' | 'sk_test_' = 'sk_live_'): string {
  let body = '';
  for (let i = 0; i < 40; i++) body += BASE62[randomInt(BASE62.length)];
  return prefix + body;
}

/**
 * Writes a company and a COMPANY key straight into `databaseUrl` (migrating it first), the way
 * the CLI does, for tests that need a key with particular limits on a spawned server.
 */
export async function seedCompanyKey(databaseUrl: string, key: Partial<NewApiKey> = {}): Promise<{ companyId: string; keyId: string; key: string }> {
  const database = openDatabase(databaseUrl, { poolSize: 2 });
  try {
    await migrateToLatest(database);
    const company = newCompanyRow(systemClock, { name: 'Seeded company' });
    await insertCompany(database.db, company);
    const { apiKey, plaintext } = await createApiKey(database.db, systemClock, { name: 'seeded', kind: 'COMPANY', companyId: company.id, ...key });
    return { companyId: company.id, keyId: apiKey.id, key: plaintext };
  } finally {
    await database.close();
  }
}

/** Counts rows of a table in `databaseUrl` (a read-only look from outside the servers). */
export async function countRows(databaseUrl: string, table: 'companies' | 'apiKeys' | 'agents'): Promise<number> {
  const database = openDatabase(databaseUrl, { poolSize: 1 });
  try {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.close();
  }
}
