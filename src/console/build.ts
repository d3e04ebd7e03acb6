/**
 * Builds the console: bundles it with Vite into dist/console/. `npm start` and the tests' global
 * setup call `ensureConsoleBuilt()`, which does nothing while the build is newer than every source
 * file, and never touches the committed API types: src/console/console.test.ts compares them with
 * what the served OpenAPI document generates, and `tsc -p console` checks the pages against them,
 * so a contract change that breaks the console fails the suite.
 * Run directly (`npm run console:build`) it first regenerates the API types.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_API_TYPES, CONSOLE_DIST, CONSOLE_SRC } from './build-paths.ts';
import { consoleApiTypes } from './openapi-types.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/console is missing or older than a file under console/. */
export function consoleBuildIsStale(src = CONSOLE_SRC, dist = CONSOLE_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return true;
  return newestMtime(src) > statSync(index).mtimeMs;
}

/** Writes the API types generated from the served OpenAPI document (only when they changed, so a fresh build stays fresh). */
async function regenerateApiTypes(): Promise<void> {
  const types = await consoleApiTypes();
  if (!existsSync(CONSOLE_API_TYPES) || readFileSync(CONSOLE_API_TYPES, 'utf8') !== types) writeFileSync(CONSOLE_API_TYPES, types);
}

export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: CONSOLE_SRC,
    base: '/console/',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir: CONSOLE_DIST, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
}

/** Builds when stale; returns whether it built. */
export async function ensureConsoleBuilt(): Promise<boolean> {
  if (!consoleBuildIsStale()) return false;
  await buildConsole();
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await regenerateApiTypes();
  await buildConsole();
  process.stdout.write(`console built into ${CONSOLE_DIST}\n`);
}
