import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { newId } from '../core/ids.ts';
import { agentRoutes } from '../agents/routes.ts';
import { billingRoutes } from '../billing/routes.ts';
import { candidateRoutes } from '../candidates/routes.ts';
import { interviewRoutes } from '../interviews/routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { installAuthentication } from '../auth/authenticate.ts';
import { companyRoutes } from '../companies/routes.ts';
import { consoleRoutes } from '../console/routes.ts';
import { errors } from '../errors/catalogue.ts';
import { installIdempotency } from '../idempotency/idempotency.ts';
import { phoneNumberRoutes } from '../phone-numbers/routes.ts';
import { twilioCallbackRoutes } from '../telephony/twilio/routes.ts';
import { roomLinkRouterError, roomRoutes } from '../room/routes.ts';
import { webhookRoutes } from '../webhooks/routes.ts';
import { consoleAuthRoutes } from '../users/console-routes.ts';
import { userRoutes } from '../users/routes.ts';
import { apiKeyRoutes } from '../api-keys/routes.ts';
import type { Config } from '../config/config.ts';
import type { AppDeps, RouteModule, ZodApp } from './app-deps.ts';
import { frameworkErrorHandler, installErrorHandling } from './error-handler.ts';
import { installJsonBody } from './json-body.ts';
import { installNulRefusal } from './nul-refusal.ts';
import { installOpenApi } from './openapi.ts';
import { lazyChildLogger } from './request-logger.ts';
import { compileResponseSerializer } from './response-serializer.ts';
import { clientErrorHandler, missingHost, rememberRequest, ignoreUnknownExpectations } from './transport-errors.ts';

export const BODY_LIMIT = 1024 * 1024;
/** Longer than the idle timeout of common load balancers (60 s), so that they close first. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Every feature's routes; each is served under /v1 and without the prefix. */
const routeModules: RouteModule[] = [companyRoutes, phoneNumberRoutes, agentRoutes, jobRoutes, candidateRoutes, interviewRoutes, billingRoutes, webhookRoutes, userRoutes, apiKeyRoutes];

export interface BuildOptions {
  /** pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
}

/**
 * Which X-Forwarded-For hops `request.ip` believes (allow-lists, per-address limits). A hop count
 * becomes a function: Fastify no longer accepts a bare number (it trusts nothing then), because
 * a client that reaches the server directly can forge the header; the operator who sets a count
 * states that nothing reaches the server except through that many proxies.
 */
function trustedProxies(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return setting > 0 ? (_address, hop) => hop < setting : false;
}

/** The HTTP app, ready but not listening (tests inject or listen on port 0; `serve` listens). */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger =
    options.logger === false
      ? false
      : { level: deps.config.logLevel, redact: ['req.headers.authorization', 'headers.authorization'], ...(typeof options.logger === 'object' ? options.logger : {}) };
  const { requestTimeoutMs } = deps.config;
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    // A request's headers and body must arrive within requestTimeoutMs (else 408); Node checks
    // every connection periodically, so a request is cut off at most one check interval late.
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    http: {
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(requestTimeoutMs / 4))),
      // Node's own answer has no envelope: the onRequest hook below checks Host instead.
      requireHostHeader: false,
    },
    clientErrorHandler: clientErrorHandler({ clock: deps.clock, requestTimeoutMs }),
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId();
    },
    // Answered below in the envelope instead of Fastify's own body.
    return503OnClosing: false,
    trustProxy: trustedProxies(deps.config.trustProxy),
    frameworkErrors: frameworkErrorHandler(deps.clock, roomLinkRouterError),
    ...(logger ? { childLoggerFactory: lazyChildLogger } : {}),
  }).withTypeProvider<ZodTypeProvider>();

  ignoreUnknownExpectations(app.server);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(({ schema }) => compileResponseSerializer(schema as ZodType));
  installJsonBody(app);
  installErrorHandling(app, deps.clock, BODY_LIMIT);
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    rememberRequest(request, reply);
    // Shutting down (SIGTERM): Fastify has set `Connection: close`, so the client reconnects elsewhere.
    if (closing) return done(errors.unavailable('The server is shutting down; send the request again.'));
    done(missingHost(request) ?? undefined);
  });
  installAuthentication(app, { db: deps.database.db, clock: deps.clock, config: deps.config, keys: deps.keys, rateLimiter: deps.rateLimiter });
  installIdempotency(app, deps.database.db, deps.clock);
  installNulRefusal(app);
  await installOpenApi(app, deps.config);

  const open = { config: { access: { public: true, scopes: [], companyScoped: false } } };
  app.get('/healthz', open, async () => ({ status: 'ok' }));
  app.get('/readyz', open, async () => {
    if (await deps.database.ping()) return { status: 'ready' };
    throw errors.unavailable('The database does not answer.');
  });

  // The room's own context: its security headers and its shutdown hook stay on its routes.
  await app.register(async (room) => roomRoutes(room as unknown as ZodApp, deps));
  await twilioCallbackRoutes(app as unknown as ZodApp, deps);
  consoleAuthRoutes(app as unknown as ZodApp, deps);
  // The console's own context: its security headers stay on its routes.
  await app.register(async (web) => consoleRoutes(web));
  for (const prefix of ['/v1', '']) {
    await app.register(
      async (scoped) => {
        for (const register of routeModules) register(scoped as unknown as ZodApp, deps);
        // Sourcing needs data sources a self-hosted server does not have (contract, "Out of scope").
        scoped.all('/sourcing', open, async () => {
          throw errors.notImplemented('Candidate sourcing is not available on a self-hosted interviewd.');
        });
        scoped.all('/sourcing/*', open, async () => {
          throw errors.notImplemented('Candidate sourcing is not available on a self-hosted interviewd.');
        });
      },
      { prefix },
    );
  }
  await app.ready();
  return app;
}
