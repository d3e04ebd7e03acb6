import { type Command, InvalidArgumentError } from 'commander';
import { type ApiKey, createApiKey, grantCompany, listApiKeys, revokeApiKey, suspendApiKey } from '../auth/api-keys.ts';
import { isScope, type Scope } from '../auth/scopes.ts';
import { CreateCompanyBody } from '../companies/schema.ts';
import { findCompanyById, insertCompany, listAllCompanies } from '../companies/repository.ts';
import { newCompanyRow, setCompanyPlan, toCompany } from '../companies/service.ts';
import { loadConfig } from '../config/config.ts';
import { systemClock } from '../core/clock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { COMPANIES_FEED } from '../db/feed-clock.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { transact } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { RegisterPhoneNumberBody } from '../phone-numbers/schema.ts';
import { registerPhoneNumber } from '../phone-numbers/service.ts';

export interface Output {
  json?: boolean;
}

/** Opens the configured database (migrated), runs `fn`, prints its result, closes. */
export async function withDatabase<T>(output: Output, fn: (database: Database, defaultMinutes: number) => Promise<T>, describe: (value: T) => string): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl, { poolSize: 2 });
  try {
    await migrateToLatest(database);
    const value = await fn(database, config.defaultMonthlyMinutes);
    process.stdout.write(output.json ? `${JSON.stringify(value)}\n` : `${describe(value)}\n`);
  } finally {
    await database.close();
  }
}

const positiveInt = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a positive whole number');
  return Number(value);
};
const minutes = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of minutes');
  return Number(value);
};
const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

function parseScopes(values: string[] | undefined): Scope[] | undefined {
  if (!values) return undefined;
  for (const value of values) if (!isScope(value)) throw new Error(`unknown scope "${value}"`);
  return values as Scope[];
}

function describeKey(key: ApiKey & { key?: string }): string {
  const state = key.revokedAt ? 'revoked' : key.suspendedAt ? 'suspended' : 'active';
  const base = `${key.id}  ${key.kind}  ${key.keyPrefix}…  ${key.name}  ${key.companyId ?? '(ATS)'}  ${state}`;
  return key.key ? `${base}\nKey (shown once): ${key.key}` : base;
}

export async function requireCompany(database: Database, id: string): Promise<void> {
  if (!(await findCompanyById(database.db, id))) throw errors.notFound('company', id);
}

export function registerOperatorCommands(program: Command): void {
  const companies = program.command('companies').description('Manage companies');
  companies
    .command('create')
    .requiredOption('--name <name>')
    .option('--description <text>')
    .option('--json', 'print JSON')
    .action((options: Output & { name: string; description?: string }) =>
      withDatabase(
        options,
        async (database, defaultMinutes) => {
          const parsed = CreateCompanyBody.safeParse({ name: options.name, description: options.description });
          if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
          const row = await transact(database.db, systemClock, COMPANIES_FEED, undefined, async (trx, time) => {
            const created = newCompanyRow(time, parsed.data);
            await insertCompany(trx, created);
            return created;
          });
          return toCompany(row, defaultMinutes);
        },
        (c) => `Created company ${c.id} (${c.name})`,
      ),
    );
  companies
    .command('list')
    .option('--json', 'print JSON')
    .action((options: Output) =>
      withDatabase(
        options,
        async (database, defaultMinutes) => (await listAllCompanies(database.db)).map((r) => toCompany(r, defaultMinutes)),
        (rows) => rows.map((c) => `${c.id}  ${c.name}  ${c.plan.monthlyMinutes} min/month`).join('\n') || '(no companies)',
      ),
    );
  companies
    .command('set-plan <companyId>')
    .requiredOption('--monthly-minutes <n>', 'interview minutes per calendar month (UTC)', minutes)
    .option('--json', 'print JSON')
    .action((companyId: string, options: Output & { monthlyMinutes: number }) =>
      withDatabase(
        options,
        (database, defaultMinutes) => setCompanyPlan({ db: database.db, clock: systemClock, defaultMonthlyMinutes: defaultMinutes }, companyId, options.monthlyMinutes),
        (c) => `Company ${c.id} now has ${c.plan.monthlyMinutes} minutes per month`,
      ),
    );

  const keys = program.command('keys').description('Manage API keys');
  keys
    .command('create')
    .requiredOption('--name <name>')
    .option('--company <companyId>', 'a COMPANY key for this company')
    .option('--ats', 'an ATS key, managing the companies it creates or is granted')
    .option('--scopes <list>', 'comma-separated scopes (default: all)', list)
    .option('--expires-at <iso>', 'expiry instant')
    .option('--allowed-ips <list>', 'comma-separated IPs or CIDRs', list)
    .option('--rate-limit-minute <n>', 'requests per minute', positiveInt)
    .option('--rate-limit-hour <n>', 'requests per hour', positiveInt)
    .option('--test', 'an sk_test_ sandbox key')
    .option('--json', 'print JSON')
    .action(
      (options: Output & { name: string; company?: string; ats?: boolean; scopes?: string[]; expiresAt?: string; allowedIps?: string[]; rateLimitMinute?: number; rateLimitHour?: number; test?: boolean }) =>
        withDatabase(
          options,
          async (database) => {
            if (Boolean(options.company) === Boolean(options.ats)) throw new Error('give exactly one of --company <id> or --ats');
            if (options.company) await requireCompany(database, options.company);
            if (options.expiresAt !== undefined && Number.isNaN(Date.parse(options.expiresAt))) throw new Error('--expires-at must be an ISO 8601 instant');
            const { apiKey, plaintext } = await createApiKey(database.db, systemClock, {
              name: options.name,
              kind: options.ats ? 'ATS' : 'COMPANY',
              companyId: options.company ?? null,
              scopes: parseScopes(options.scopes),
              test: options.test ?? false,
              expiresAt: options.expiresAt ? new Date(options.expiresAt).toISOString() : null,
              allowedIps: options.allowedIps ?? null,
              rateLimitMinute: options.rateLimitMinute ?? null,
              rateLimitHour: options.rateLimitHour ?? null,
            });
            return { ...apiKey, key: plaintext };
          },
          describeKey,
        ),
    );
  keys
    .command('list')
    .option('--company <companyId>')
    .option('--json', 'print JSON')
    .action((options: Output & { company?: string }) =>
      withDatabase(options, (database) => listApiKeys(database.db, options.company), (rows) => rows.map(describeKey).join('\n') || '(no keys)'),
    );
  const changeKey = (fn: (database: Database) => Promise<ApiKey | null>, keyId: string) => async (database: Database) => {
    const key = await fn(database);
    if (!key) throw errors.notFound('API key', keyId);
    return key;
  };
  keys
    .command('revoke <keyId>')
    .option('--json', 'print JSON')
    .action((keyId: string, options: Output) => withDatabase(options, changeKey((d) => revokeApiKey(d.db, systemClock, keyId), keyId), describeKey));
  keys
    .command('suspend <keyId>')
    .requiredOption('--reason <text>')
    .option('--json', 'print JSON')
    .action((keyId: string, options: Output & { reason: string }) =>
      withDatabase(options, changeKey((d) => suspendApiKey(d.db, systemClock, keyId, options.reason), keyId), describeKey),
    );
  keys
    .command('grant <atsKeyId>')
    .requiredOption('--company <companyId>')
    .option('--json', 'print JSON')
    .action((atsKeyId: string, options: Output & { company: string }) =>
      withDatabase(
        options,
        async (database) => {
          const key = (await listApiKeys(database.db)).find((k) => k.id === atsKeyId);
          if (!key) throw errors.notFound('API key', atsKeyId);
          if (key.kind !== 'ATS') throw new Error('only ATS keys can be granted companies');
          await requireCompany(database, options.company);
          await grantCompany(database.db, systemClock, atsKeyId, options.company);
          return { apiKeyId: atsKeyId, companyId: options.company };
        },
        (g) => `ATS key ${g.apiKeyId} now manages company ${g.companyId}`,
      ),
    );

  program
    .command('phone-numbers')
    .description('Manage phone numbers')
    .command('add')
    .requiredOption('--company <companyId>')
    .requiredOption('--number <e164>')
    .option('--capabilities <list>', 'OUTBOUND,INBOUND', list)
    .option('--provider <provider>', 'TWILIO')
    .option('--json', 'print JSON')
    .action((options: Output & { company: string; number: string; capabilities?: string[]; provider?: string }) =>
      withDatabase(
        options,
        async (database) => {
          await requireCompany(database, options.company);
          const parsed = RegisterPhoneNumberBody.safeParse({ number: options.number, capabilities: options.capabilities, provider: options.provider });
          if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
          return registerPhoneNumber(systemClock, { scope: new TenantScope(database.db, options.company) }, parsed.data);
        },
        (n) => `Registered ${n.number} as ${n.id}`,
      ),
    );
}
