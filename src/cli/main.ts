import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config/config.ts';
import { AppError } from '../errors/catalogue.ts';
import { registerOperatorCommands } from './operator-commands.ts';
import { registerUserCommands } from './user-commands.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations.ts';

const program = new Command('interviewd')
  .description('Self-hosted AI interviews with an InstaView-compatible API')
  // §13: a failure is one line on stderr (commander's message), never the help text after it.
  .exitOverride();

program
  .command('serve')
  .description('Serve the API and the web pages (what npm start runs)')
  // Loaded on demand: the operator commands start without the HTTP stack.
  .action(async () => (await import('../server/serve.ts')).serve(loadConfig()));

program
  .command('migrate')
  .description('Bring the database schema to the latest version')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const database = openDatabase(loadConfig().databaseUrl);
    try {
      const applied = await migrateToLatest(database);
      process.stdout.write(options.json ? `${JSON.stringify({ applied })}\n` : `Applied ${applied.length} migration(s).\n`);
    } finally {
      await database.close();
    }
  });

registerOperatorCommands(program);
registerUserCommands(program);

function failure(error: unknown): string {
  if (error instanceof AppError || error instanceof ConfigError || error instanceof InvalidArgumentError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'failed';
  return String(error);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
  if (typeof code === 'string' && code.startsWith('commander.')) process.exit(1);
  process.stderr.write(`interviewd: ${failure(error)}\n`);
  process.exit(1);
}
