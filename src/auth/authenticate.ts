import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { RouteAccess } from '../http/route-docs.ts';
import { prependRouteHook } from '../http/route-hooks.ts';
import type { Config } from '../config/config.ts';
import type { Clock } from '../core/clock.ts';
import { errors } from '../errors/catalogue.ts';
import type { RateDecision, RateLimiter } from '../rate-limit/rate-limiter.ts';
import { type ApiKey, ipAllowed, touchApiKey } from './api-keys.ts';
import { checkCsrf, presentedSession } from './console-session.ts';
import { ROLE_SCOPES } from './scopes.ts';
import { type LiveSession, resolveSession } from '../users/sessions.ts';
import { FailedAuthThrottle } from './failed-auth-throttle.ts';
import { KEY_PATTERN } from './key-format.ts';
import { type KeyResolver, type ResolvedKey, UNSEEN } from './key-resolver.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import './actor.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOUCH_INTERVAL_MS = 60_000;

interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  keys: KeyResolver;
  rateLimiter: RateLimiter;
}

/**
 * The request's way in (§3): key valid → rate limit → scope → company. Runs before the body is
 * read, so nothing unauthenticated is parsed. Attached to each route that needs a key as that
 * route's own hook (so the route's access rules are known without a lookup per request), and
 * synchronous whenever the key is cached and the rate limiter holds local tokens: a request then
 * pays no promise for authentication.
 *
 * Unknown and malformed keys are counted per client address; past the limit, that address's
 * requests with such keys get 429 without a database lookup, while its requests with a key this
 * process already knows keep working (a NAT's valid clients are not locked out by one broken
 * neighbour). A missing key is a plain 401, never counted: it guesses nothing and costs nothing.
 */
export function installAuthentication(app: FastifyInstance, deps: AuthDeps): void {
  const lastTouched = new Map<string, number>();
  const failures = new FailedAuthThrottle(deps.config.authFailuresPerMinute, deps.clock);
  app.decorateRequest('actor', null);

  /** The answer to an unknown or malformed key: 401, counted; 429 once the address is past its limit. */
  const refuse = (request: FastifyRequest, error: Error): Error => {
    const wait = failures.waitSeconds(request.ip);
    if (wait > 0) return errors.authFailuresLimited(wait);
    failures.record(request.ip);
    return error;
  };
  const known = (request: FastifyRequest, resolved: ResolvedKey | null): ResolvedKey => {
    if (!resolved) throw refuse(request, errors.invalidApiKey());
    return resolved;
  };

  const admit = (request: FastifyRequest, reply: FastifyReply, access: RouteAccess, resolved: ResolvedKey): void | Promise<void> => {
    checkKey(request, resolved, deps.clock);
    const decision = deps.rateLimiter.consume(resolved.apiKey.id, limitsFor(resolved, deps.config));
    if (decision instanceof Promise) return decision.then((d) => authorize(request, reply, access, resolved, d));
    authorize(request, reply, access, resolved, decision);
  };

  const authorize = (request: FastifyRequest, reply: FastifyReply, access: RouteAccess, resolved: ResolvedKey, decision: RateDecision): void => {
    setRateHeaders(reply, decision);
    if (!decision.allowed) throw errors.rateLimited(decision.retryAfter, decision.window);

    for (const scope of access.scopes) if (!resolved.apiKey.scopes.includes(scope)) throw errors.insufficientPermissions(scope);

    // §3.3: a company key acts in its own company and ignores companyId, in whatever shape it comes
    // (`?companyId=a&companyId=b` included), so the route never sees it.
    if (resolved.apiKey.kind === 'COMPANY' && request.query && typeof request.query === 'object') delete (request.query as Record<string, unknown>).companyId;

    request.actor = {
      apiKey: resolved.apiKey,
      companyIds: resolved.companyIds,
      companyId: access.companyScoped ? actingCompany(request, resolved) : null,
    };

    const now = Date.now();
    if ((lastTouched.get(resolved.apiKey.id) ?? 0) + TOUCH_INTERVAL_MS < now) {
      lastTouched.set(resolved.apiKey.id, now);
      // lastUsedAt is advisory; it must never slow or fail the request.
      touchApiKey(deps.db, resolved.apiKey.id, deps.clock.now().toISOString()).catch((err) => request.log.warn({ err }, 'lastUsedAt update failed'));
    }
  };

  /**
   * §15: the console's session cookie stands in for a company key of the user's company with the
   * role's scopes. Order: live session → CSRF → rate limit (per user, like a key) → scope.
   */
  const admitSession = async (request: FastifyRequest, reply: FastifyReply, access: RouteAccess, token: string): Promise<void> => {
    const session = await resolveSession(deps.db, deps.clock, token);
    if (!session) throw errors.unauthorized('The console session has ended (signed out, expired or revoked); sign in again.');
    checkCsrf(request, token, deps.config.publicUrl);
    const apiKey = sessionKey(session);
    const decision = await deps.rateLimiter.consume(apiKey.id, {
      minute: session.companyLimits.minute ?? deps.config.rateLimit.perMinute,
      hour: session.companyLimits.hour ?? deps.config.rateLimit.perHour,
    });
    setRateHeaders(reply, decision);
    if (!decision.allowed) throw errors.rateLimited(decision.retryAfter, decision.window);
    for (const scope of access.scopes) {
      if (!apiKey.scopes.includes(scope)) throw errors.accessDenied(`The ${session.user.role} role does not allow this (it lacks the ${scope} scope).`);
    }
    if (request.query && typeof request.query === 'object') delete (request.query as Record<string, unknown>).companyId;
    const companyId = session.user.companyId;
    request.actor = {
      apiKey,
      user: { id: session.user.id, role: session.user.role, sessionIdHash: session.idHash },
      companyIds: new Set([companyId]),
      companyId: access.companyScoped ? companyId : null,
    };
  };

  const authenticate = (request: FastifyRequest, reply: FastifyReply, access: RouteAccess): void | Promise<void> => {
    // An Authorization header wins over the cookie (CONSOLE-API.md).
    if (request.headers.authorization === undefined) {
      const token = presentedSession(request);
      if (token) return admitSession(request, reply, access, token);
    }
    const plaintext = presentedKey(request);
    if (plaintext instanceof Error) throw refuse(request, plaintext);
    // A key never found before is looked up only for an address within its limit.
    let wait = 0;
    const resolved = deps.keys.resolve(plaintext, () => (wait = failures.waitSeconds(request.ip)) === 0);
    if (resolved === UNSEEN) throw errors.authFailuresLimited(wait);
    if (resolved instanceof Promise) return resolved.then((r) => admit(request, reply, access, known(request, r)));
    return admit(request, reply, access, known(request, resolved));
  };

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || access.public) return;
    const hook: onRequestHookHandler = (request, reply, done) => {
      let pending: void | Promise<void>;
      try {
        pending = authenticate(request, reply, access);
      } catch (error) {
        return done(error as Error);
      }
      if (pending) pending.then(() => done(), done);
      else done();
    };
    // First, so a route's own hooks see the actor.
    prependRouteHook(route, 'onRequest', hook);
  });
}

/** The key in the Authorization header; throws when there is none, returns the error when it is malformed. */
function presentedKey(request: FastifyRequest): string | Error {
  const header = request.headers.authorization;
  if (!header) throw errors.invalidApiKey();
  const plaintext = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!plaintext || !KEY_PATTERN.test(plaintext)) return errors.invalidApiKey();
  return plaintext;
}

/**
 * The company key a session stands for. Its id is the user's: idempotency keys and rate limits are
 * the user's across their sessions (ids are UUIDs, so they never meet a key's).
 */
function sessionKey(session: LiveSession): ApiKey {
  const { user } = session;
  return {
    id: user.id,
    name: `console: ${user.email}`,
    kind: 'COMPANY',
    companyId: user.companyId,
    keyPrefix: '',
    scopes: [...ROLE_SCOPES[user.role]],
    isTest: false,
    expiresAt: null,
    allowedIps: null,
    rateLimitMinute: null,
    rateLimitHour: null,
    revokedAt: null,
    suspendedAt: null,
    suspendReason: null,
    lastUsedAt: null,
    createdAt: user.createdAt,
  };
}

function checkKey(request: FastifyRequest, resolved: ResolvedKey, clock: Clock): void {
  const { apiKey } = resolved;
  if (apiKey.revokedAt) throw errors.invalidApiKey('The API key has been revoked.');
  if (apiKey.expiresAt && apiKey.expiresAt <= clock.now().toISOString()) throw errors.invalidApiKey('The API key has expired.');
  if (apiKey.suspendedAt) throw errors.apiKeySuspended(apiKey.suspendedAt, apiKey.suspendReason);
  if (resolved.allowList && !ipAllowed(resolved.allowList, request.ip)) {
    throw errors.accessDenied(`Requests from ${request.ip} are not allowed for this API key.`);
  }
}

function limitsFor(resolved: ResolvedKey, config: Config) {
  return {
    minute: resolved.apiKey.rateLimitMinute ?? resolved.companyLimits.minute ?? config.rateLimit.perMinute,
    hour: resolved.apiKey.rateLimitHour ?? resolved.companyLimits.hour ?? config.rateLimit.perHour,
  };
}

function setRateHeaders(reply: FastifyReply, d: RateDecision): void {
  reply.headers({
    'x-ratelimit-limit-minute': d.limits.minute,
    'x-ratelimit-limit-hour': d.limits.hour,
    'x-ratelimit-remaining-minute': d.remaining.minute,
    'x-ratelimit-remaining-hour': d.remaining.hour,
    'x-ratelimit-reset-minute': d.reset.minute,
    'x-ratelimit-reset-hour': d.reset.hour,
  });
}

/** §3.3: a COMPANY key acts in its company; an ATS key names a company it manages. */
function actingCompany(request: FastifyRequest, resolved: ResolvedKey): string {
  const { apiKey } = resolved;
  if (apiKey.kind === 'COMPANY') return apiKey.companyId as string;
  const raw = (request.query as Record<string, unknown> | undefined)?.companyId;
  if (raw === undefined || raw === '') throw errors.companyIdRequired();
  if (typeof raw !== 'string' || !UUID.test(raw)) throw errors.field('companyId', 'companyId must be a UUID', 'invalid_format');
  const companyId = raw.toLowerCase();
  if (!resolved.companyIds.has(companyId)) throw errors.accessDenied('This API key does not manage the company named by companyId.');
  return companyId;
}
