import { z } from 'zod';
import { checkCsrf, clearedSessionCookie, presentedSession, sessionCookie } from '../auth/console-session.ts';
import { errors } from '../errors/catalogue.ts';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { routeSchema } from '../http/route-docs.ts';
import { toUser } from './repository.ts';
import { AcceptInvitationBody, SessionSchema, SignInBody } from './schema.ts';
import { acceptInvitation, resolveSession, signIn, signOut, type StartedSession } from './sessions.ts';
import { SignInLimits } from './sign-in-limits.ts';

const tags = ['Console'];
const open = { public: true, scopes: [], companyScoped: false };

/**
 * The console's own routes (§15, CONSOLE-API.md): sign in, the current session, sign out, and
 * accepting an invitation. Not under /v1 and not in the OpenAPI document: everything else the
 * console does goes through /v1 with the session cookie.
 */
export function consoleAuthRoutes(app: ZodApp, deps: AppDeps): void {
  const { config, clock } = deps;
  const db = deps.database.db;
  const secure = config.publicUrl.startsWith('https:');
  const limits = new SignInLimits(db, clock, config.signInFailuresPerMinute);
  app.decorateRequest('consoleSession', null);
  const started = (reply: { header(name: string, value: string): unknown }, session: StartedSession) => {
    reply.header('set-cookie', sessionCookie(session.token, secure));
    reply.header('cache-control', 'no-store');
    return { user: session.user, csrfToken: session.csrfToken };
  };

  app.post(
    '/auth/sign-in',
    routeSchema({ method: 'POST', operationId: 'signIn', summary: 'Sign in to the console', tags, access: open, body: SignInBody, success: { 200: SessionSchema }, errors: [401, 429] }),
    async (request, reply) => started(reply, await signIn(db, clock, limits, request.body, request.ip)),
  );

  app.get(
    '/auth/session',
    routeSchema({ method: 'GET', operationId: 'getSession', summary: 'The signed-in user and the CSRF token', tags, access: open, success: { 200: SessionSchema }, errors: [401] }),
    async (request, reply) => {
      const token = presentedSession(request);
      const session = token ? await resolveSession(db, clock, token) : null;
      if (!session) throw errors.unauthorized('Not signed in.');
      reply.header('cache-control', 'no-store');
      return { user: toUser(session.user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/sign-out',
    {
      ...routeSchema({ method: 'POST', operationId: 'signOut', summary: 'Sign out (ends the session on the server)', tags, access: open, success: { 204: z.undefined() }, errors: [401, 403] }),
      // Before the body is read, like the check on /v1: a cross-site form POST is a 403, not a 415.
      onRequest: async (request) => {
        const token = presentedSession(request);
        const session = token ? await resolveSession(db, clock, token) : null;
        if (!session || !token) throw errors.unauthorized('Not signed in.');
        checkCsrf(request, token, config.publicUrl);
        request.consoleSession = session;
      },
    },
    async (request, reply) => {
      if (request.consoleSession) await signOut(db, request.consoleSession);
      return reply.code(204).header('set-cookie', clearedSessionCookie(secure)).send();
    },
  );

  app.post(
    '/auth/invitations/accept',
    routeSchema({ method: 'POST', operationId: 'acceptInvitation', summary: 'Set a password from a one-time link and sign in', tags, access: open, body: AcceptInvitationBody, success: { 200: SessionSchema } }),
    async (request, reply) => started(reply, await acceptInvitation(db, clock, request.body)),
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on /auth/sign-out once its session and CSRF token are checked. */
    consoleSession: import('./sessions.ts').LiveSession | null;
  }
}
