#!/usr/bin/env node
// Runs one TypeScript file through tsx: `node bin/run-ts.mjs bench/run.ts [args...]`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node bin/run-ts.mjs <file.ts> [args...]\n');
  process.exit(2);
}
register();
// The script sees its own arguments from argv[2] on, as if it had been started directly.
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
