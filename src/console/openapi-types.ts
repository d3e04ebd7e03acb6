/**
 * The console's API types come from the OpenAPI document the server serves (issue 15: a contract
 * change that breaks the console breaks its build). The app is booted in-process on a throw-away
 * SQLite database and asked for `/v1/openapi.json`, exactly as a client would see it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { buildApp } from '../http/app.ts';
import { createDeps } from '../server/runtime.ts';

export async function servedOpenApiDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'interviewd-openapi-'));
  try {
    const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'openapi.db')}`, LOG_LEVEL: 'silent' }, '/nonexistent/.env');
    const database = openDatabase(config.databaseUrl, { sqliteReaders: 0 });
    const deps = await createDeps(config, undefined, database);
    const app = await buildApp(deps, { logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/v1/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`GET /v1/openapi.json answered ${response.statusCode}`);
      return response.json();
    } finally {
      await app.close();
      await deps.queue.stop();
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript text of the console's `schema.d.ts` for the document the server serves now. */
export async function consoleApiTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const document = await servedOpenApiDocument();
  // Components come in the order the schemas were first registered in this process: sorted, the
  // output is the same however the app was booted.
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  if (components?.schemas) components.schemas = Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b)));
  // defaultNonNullable off: a field with a server-side default may be left out of a request body.
  const header = '// Generated from GET /v1/openapi.json by src/console/openapi-types.ts (npm run console:build). Do not edit.\n';
  return header + astToString(await openapiTS(document as never, { defaultNonNullable: false }));
}
