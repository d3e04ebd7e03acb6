import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SQLITE_READERS } from '../db/database.ts';
import { type CallingWindow, parseCallingWindow } from '../telephony/calling-window.ts';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = z.coerce.number().int().positive();

// proxy-addr's names for address ranges, as Fastify's trustProxy accepts them.
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function proxyEntryValid(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** false, true, a hop count, or a comma-separated list of proxy addresses, CIDRs or range names. */
const trustProxy = z.string().transform((value, ctx): boolean | number | string[] => {
  const text = value.trim();
  if (text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !proxyEntryValid(entry));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `must be false, true, a hop count, or a comma-separated list of IP addresses or CIDRs ("${bad}" is none)` });
    return z.NEVER;
  }
  return entries;
});

const callingWindow = z.string().transform((text, ctx): CallingWindow => {
  const parsed = parseCallingWindow(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

/** The origin `/2010-04-01/Accounts/…` is appended to: scheme, host and port, no path. */
const apiOrigin = z.url().transform((text, ctx) => {
  const url = new URL(text);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash) {
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) origin such as https://api.twilio.com (no path)' });
    return z.NEVER;
  }
  return url.origin;
});

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
  AUTH_FAILURES_PER_MINUTE: positiveInt.default(30),
  SIGN_IN_FAILURES_PER_ACCOUNT: positiveInt.default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: positiveInt.default(20),
  TRUST_PROXY: trustProxy.default(false),
  DEFAULT_MONTHLY_MINUTES: z.coerce.number().int().min(0).default(1000),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  LLM_BASE_URL: z.url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_FIRST_TOKEN_TIMEOUT_MS: positiveInt.default(10_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  INTERVIEW_IDLE_NUDGE_SECONDS: positiveInt.default(60),
  INTERVIEW_ABANDON_MINUTES: positiveInt.default(10),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be an account SID: AC followed by 32 hexadecimal digits').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_API_BASE: apiOrigin.default('https://api.twilio.com'),
  // At most the attempts one interview may have (MAX_CALL_ATTEMPTS in call-attempts/service.ts).
  CALL_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  CALL_RETRY_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
  CALL_WINDOW: callingWindow.default(parseCallingWindow('09:00-20:00 Mon-Sat') as CallingWindow),
})
  // Half a Twilio configuration is a mistake, not "telephony off".
  .refine((e) => (e.TWILIO_ACCOUNT_SID === undefined) === (e.TWILIO_AUTH_TOKEN === undefined), {
    message: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set together or not at all',
    path: ['TWILIO_AUTH_TOKEN'],
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
  /** Unknown or malformed keys one client address may present per minute (per process). */
  authFailuresPerMinute: number;
  /** Failed console sign-ins per minute, per account and per client address (§15; per process). */
  signInFailuresPerMinute: { account: number; address: number };
  /** Which proxies' X-Forwarded-For is believed: none, all, the nearest N hops, or these addresses. */
  trustProxy: boolean | number | string[];
  defaultMonthlyMinutes: number;
  webhookAllowPrivateTargets: boolean;
  /** A request (headers and body) not fully received after this long is answered 408. */
  requestTimeoutMs: number;
  /** How long SIGTERM waits for running requests and tasks before it closes what is left. */
  shutdownGraceMs: number;
  /**
   * The model (interviewer and evaluator): on when LLM_BASE_URL and LLM_MODEL are both set (§13).
   * A model call with no first token after `firstTokenTimeoutMs` is abandoned; a failed call is
   * tried again at most `maxRetries` times before the structured interviewer takes over.
   */
  llm: { baseUrl: string; apiKey: string | undefined; model: string; firstTokenTimeoutMs: number; maxRetries: number } | null;
  /** Telephony (§13): on when the account SID and token are set; `apiBase` is an origin. */
  twilio: { accountSid: string; authToken: string; apiBase: string } | null;
  /** Phone attempts in all (the first included), minutes between them, and the candidate's calling window. */
  calls: { retryAttempts: number; retryMinutes: number; window: CallingWindow };
  /** The room's silence rules (§13): the one nudge of a silence, and when a started interview is abandoned. */
  interview: { idleNudgeSeconds: number; abandonMinutes: number };
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
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    signInFailuresPerMinute: { account: e.SIGN_IN_FAILURES_PER_ACCOUNT, address: e.SIGN_IN_FAILURES_PER_ADDRESS },
    trustProxy: e.TRUST_PROXY,
    defaultMonthlyMinutes: e.DEFAULT_MONTHLY_MINUTES,
    webhookAllowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL, firstTokenTimeoutMs: e.LLM_FIRST_TOKEN_TIMEOUT_MS, maxRetries: e.LLM_MAX_RETRIES }
        : null,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, apiBase: e.TWILIO_API_BASE }
        : null,
    calls: { retryAttempts: e.CALL_RETRY_ATTEMPTS, retryMinutes: e.CALL_RETRY_MINUTES, window: e.CALL_WINDOW },
    interview: { idleNudgeSeconds: e.INTERVIEW_IDLE_NUDGE_SECONDS, abandonMinutes: e.INTERVIEW_ABANDON_MINUTES },
  };
}
