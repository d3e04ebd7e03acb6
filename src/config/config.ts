import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SQLITE_READERS } from '../db/database.ts';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .default('sqlite:./data/interviewd.db'),
  SQLITE_READERS: z.coerce.number().int().min(0).max(8).default(DEFAULT_SQLITE_READERS),
  INTERVIEWD_BOOTSTRAP_KEY: z
    .string()
    .regex(/^sk_(live|test)_[A-Za-z0-9]{32,}$/, 'must look like sk_live_ followed by 32+ base62 characters')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(60),
  RATE_LIMIT_PER_HOUR: positiveInt.default(2000),
  DEFAULT_MONTHLY_MINUTES: z.coerce.number().int().min(0).default(1000),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  LLM_BASE_URL: z.url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_API_BASE: z.url().default('https://api.twilio.com'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  /** Reader threads for SQLite list pages (src/db/sqlite-readers.ts); 0 reads them on the serving connection. */
  sqliteReaders: number;
  bootstrapKey: string | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  rateLimit: { perMinute: number; perHour: number };
  defaultMonthlyMinutes: number;
  webhookAllowPrivateTargets: boolean;
  llm: { baseUrl: string; apiKey: string | undefined; model: string | undefined } | null;
  twilio: { accountSid: string; authToken: string; apiBase: string } | null;
};

export class ConfigError extends Error {}

/** Builds the one configuration object from an environment (the real one wins over `.env`). */
export function loadConfig(env: Record<string, string | undefined> = process.env, envFile = '.env'): Config {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[name] = value;

  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    sqliteReaders: e.SQLITE_READERS,
    bootstrapKey: e.INTERVIEWD_BOOTSTRAP_KEY,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, perHour: e.RATE_LIMIT_PER_HOUR },
    defaultMonthlyMinutes: e.DEFAULT_MONTHLY_MINUTES,
    webhookAllowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    llm: e.LLM_BASE_URL ? { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL } : null,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, apiBase: e.TWILIO_API_BASE }
        : null,
  };
}
