import type { Config } from '../config/config.ts';
import { buildApp } from '../http/app.ts';
import { purgeIdempotencyKeys } from '../idempotency/idempotency.ts';
import { bootstrapIfEmpty } from './bootstrap.ts';
import { createDeps } from './runtime.ts';

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

  const housekeeping = setInterval(() => {
    purgeIdempotencyKeys(deps.database.db, deps.clock).catch((err) => app.log.warn({ err }, 'idempotency purge failed'));
  }, 3600_000);
  housekeeping.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining');
    clearInterval(housekeeping);
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
