import { defineConfig } from 'vitest/config';
import pg from 'pg';

const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** PostgreSQL runs whenever it answers; on CI (CI=true) it is required and its absence fails the run. */
async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === 'true') {
      throw new Error(`PostgreSQL is required here but ${PG_ADMIN_URL} does not answer: ${String(error)}`);
    }
    console.warn(`\n!!! PostgreSQL at ${PG_ADMIN_URL} does not answer: running the SQLite project only.\n`);
    return false;
  }
}

const shared = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Builds the console (dist/console) once when it is missing or stale; the browser tests serve it.
  globalSetup: ['test/console-build.global-setup.ts'],
};

export default defineConfig(async () => {
  const databases = ['sqlite', ...((await postgresAvailable()) ? ['postgres'] : [])];
  return {
    test: {
      // The suites wait on HTTP, databases and child processes far more than on the CPU, so more
      // files run at once than the 2 cores alone suggest (vitest's default is cores − 1).
      maxWorkers: 3,
      projects: databases.map((name) => ({
        test: { ...shared, name, env: { TEST_DATABASE: name, PG_ADMIN_URL } },
      })),
    },
  };
});
