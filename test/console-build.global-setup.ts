import { ensureConsoleBuilt } from '../src/console/build.ts';

/** Once per run: the console's browser tests and its serving tests need dist/console. */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt();
}
