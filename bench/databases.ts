// A fresh database per benchmarked engine, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

export interface FreshDatabase {
  engine: Engine;
  url: string;
  /** Where it lives, for the report (no credentials). */
  label: string;
  drop(): Promise<void>;
}

export async function freshDatabase(engine: Engine, postgresAdminUrl: string): Promise<FreshDatabase> {
  return engine === 'sqlite' ? freshSqlite() : freshPostgres(postgresAdminUrl);
}

function freshSqlite(): FreshDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'interviewd-bench-'));
  const path = join(dir, 'bench.db');
  return {
    engine: 'sqlite',
    url: `sqlite:${path}`,
    label: path,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates `interviewd_bench_<pid>_<time>` through the admin connection and drops it after. */
async function freshPostgres(adminUrl: string): Promise<FreshDatabase> {
  const name = `interviewd_bench_${process.pid}_${Date.now()}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    url: url.toString(),
    label: `${url.host}/${name}`,
    drop: () => withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
