import type { Config } from '../config/config.ts';
import { literalLimit } from '../db/literal-limit.ts';
import { buildApp } from '../http/app.ts';
import { ensureConsoleBuilt } from '../console/build.ts';
import { bootstrapIfEmpty } from './bootstrap.ts';
import { createDeps } from './runtime.ts';
import { scheduleRecurringTasks } from './tasks.ts';

const DATABASE_CLOSE_MS = 5_000;

/**
 * `interviewd serve`: migrate, bootstrap an empty database, listen, and drain on SIGTERM: running
 * requests and tasks get the grace period, then what is left is cut off, and the process exits 0.
 */
export async function serve(config: Config): Promise<void> {
  await buildConsoleIfStale();
  const deps = await createDeps(config);
  const first = await bootstrapIfEmpty(deps.database, deps.clock, config.bootstrapKey);
  const app = await buildApp(deps);
  if (first) {
    // Printed once, on stdout, so an operator (or a script) can pick it up.
    process.stdout.write(
      `\nFirst start: created company ${first.companyId} and an API key with every scope.\n` +
        `API key (shown once, store it now): ${first.key}\n\n` +
        `Console: ${config.publicUrl}/console/ — create its first user (an admin of this company) with\n` +
        `  npx interviewd users create --company ${first.companyId} --email you@example.com --role admin\n` +
        `which prints a one-time link (24 h) where you choose your password and sign in.\n\n`,
    );
  } else if (!(await deps.database.db.selectFrom('users').select('id').where('deletedAt', 'is', null).limit(literalLimit(1)).executeTakeFirst())) {
    process.stdout.write(
      `\nNo console user yet. Create the first one (an admin) with\n` +
        `  npx interviewd users create --company <companyId> --email you@example.com --role admin\n` +
        `(companies: npx interviewd companies list), then sign in at ${config.publicUrl}/console/\n\n`,
    );
  }
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ address }, `interviewd listening on ${address}`);
  app.log.info({ interviewer: deps.sessions.brain.kind }, deps.sessions.brain.description);

  await scheduleRecurringTasks(deps);
  deps.queue.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'draining');
    // app.close() waits for every open connection; a keep-alive connection whose request finishes
    // during the drain would otherwise hold the exit for the whole keep-alive timeout.
    const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    // Running requests and tasks get the grace period; a client still sending its request, or a
    // task stuck on a receiver, must not hold the exit for ever.
    // The runner aborts its tasks' signals once the grace is over, and gives them a moment more.
    const tasksStopped = deps.queue.stop(config.shutdownGraceMs);
    const drained = await settlesWithin(config.shutdownGraceMs, Promise.all([app.close(), tasksStopped]), app.log);
    clearInterval(reaper);
    if (!drained) {
      app.log.warn({ graceMs: config.shutdownGraceMs }, 'grace period over: closing the remaining connections and aborting the tasks still running (they run again elsewhere)');
      app.server.closeAllConnections();
      await settlesWithin(DATABASE_CLOSE_MS, tasksStopped, app.log);
    }
    // A task still running may hold a database connection, which closing would wait for.
    if (!(await settlesWithin(DATABASE_CLOSE_MS, deps.database.close(), app.log))) app.log.warn('the database did not close in time');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * `npm ci && npm start` serves the console: build it when dist/console is missing or older than
 * its sources (quick when fresh). Without the build tools (a production-only install) the API
 * still starts, and /console/ says how to build.
 */
async function buildConsoleIfStale(): Promise<void> {
  try {
    if (await ensureConsoleBuilt()) process.stdout.write('Built the console into dist/console/.\n');
  } catch (error) {
    process.stderr.write(`The console could not be built (${error instanceof Error ? error.message : String(error)}); the API starts without it.\n`);
  }
}

/** Whether `promise` resolves within `ms` (a rejection is logged and counts as a failure). */
async function settlesWithin(ms: number, promise: Promise<unknown>, log: { error(obj: object, msg: string): void }): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = promise.then(
    () => true,
    (err: unknown) => {
      log.error({ err }, 'shutdown step failed');
      return false;
    },
  );
  try {
    return await Promise.race([done, expired]);
  } finally {
    clearTimeout(timer);
  }
}
