import type { Config } from '../config/config.ts';
import { buildApp } from '../http/app.ts';
import { bootstrapIfEmpty } from './bootstrap.ts';
import { createDeps } from './runtime.ts';
import { scheduleRecurringTasks } from './tasks.ts';

/** `interviewd serve`: migrate, bootstrap an empty database, listen, and drain on SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const deps = await createDeps(config);
  const first = await bootstrapIfEmpty(deps.database, deps.clock, config.bootstrapKey);
  const app = await buildApp(deps);
  if (first) {
    // Printed once, on stdout, so an operator (or a script) can pick it up.
    process.stdout.write(
      `\nFirst start: created company ${first.companyId} and an API key with every scope.\n` +
        `API key (shown once, store it now): ${first.key}\n\n`,
    );
  }
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ address }, `interviewd listening on ${address}`);

  await scheduleRecurringTasks(deps);
  deps.queue.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining');
    // app.close() waits for every open connection; a keep-alive connection whose request finishes
    // during the drain would otherwise hold the exit for the whole keep-alive timeout (72 s).
    const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    await app.close();
    clearInterval(reaper);
    await deps.queue.stop();
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
