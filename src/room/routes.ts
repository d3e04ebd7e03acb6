/**
 * The candidate's room at `interviewUrl` (§14): no key, the token is the credential. The page is
 * HTML in the agent's language; live turns are pushed by server-sent events; the candidate's
 * actions are small JSON POSTs answered with the interview's status (errors in the §2 envelope).
 */
import { readFileSync } from 'node:fs';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, errors } from '../errors/catalogue.ts';
import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import type { RoomEvent } from '../interviews/runtime/session/room-hub.ts';
import { findInterviewByToken } from '../interviews/runtime/session/session-store.ts';
import { LINK_LIFETIME_MS } from '../interviews/runtime/session/session-tasks.ts';
import { roomView } from './room-view.ts';
import { notFoundPage, roomPage, statePage } from './page.ts';

/** The answer box's limit (the page's `maxlength` says the same). */
export const MAX_ANSWER_CHARS = 4000;

const ASSETS = {
  'room-speech.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./assets/room-speech.js', import.meta.url)) },
  'room.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./assets/room.js', import.meta.url)) },
  'room.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./assets/room.css', import.meta.url)) },
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
};

const open = { access: { public: true, scopes: [], companyScoped: false } };
const TokenParams = z.object({ token: z.string().min(1).max(200) });
const AnswerBody = z.strictObject({
  text: z.string().max(MAX_ANSWER_CHARS),
  clientId: z.string().min(1).max(100).describe('Made by the page for each answer: a resent answer is taken once.'),
});
const SpokenBody = z
  .strictObject({ turnId: z.string().min(1).max(100).describe('The interviewer turn the room finished saying.') })
  .nullish();

function html(reply: FastifyReply, status: 200 | 404, page: string) {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
}

/** The link itself (GET or HEAD of `/room/<token>`), not the page's API under it. */
const ROOM_LINK = /^\/room\/[^/?#]*(?:\?.*)?$/;

/**
 * The link is an HTML page, never JSON (§14): a token that cannot be one (over the router's
 * length limit, broken percent-encoding) is an unknown link, answered with the not-found page.
 * The router's errors come before any route or hook: `frameworkErrorHandler` asks this first.
 */
export function roomLinkRouterError(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !ROOM_LINK.test(request.url)) return undefined;
  return html(reply.headers(SECURITY_HEADERS), 404, notFoundPage());
}

/** The link's token refused by its checks (length, a NUL): an unknown link too; anything else goes to the app's handler. */
function linkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const refusedToken = error instanceof AppError ? error.code === 'VALIDATION_ERROR' : error.validationContext === 'params';
  if (!refusedToken) throw error;
  return html(reply, 404, notFoundPage());
}

export function roomRoutes(app: ZodApp, deps: AppDeps): void {
  const { sessions } = deps;
  const refOf = async (token: string) => {
    const ref = await findInterviewByToken(deps.database.db, token);
    if (!ref) throw errors.notFound('interview link', token.slice(0, 8), 'No interview has this link.');
    return ref;
  };

  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  app.addHook('preClose', async () => sessions.close());

  for (const [name, asset] of Object.entries(ASSETS)) {
    app.get(`/room-assets/${name}`, { config: open }, async (_request, reply) => reply.header('cache-control', 'public, max-age=300').type(asset.type).send(asset.body));
  }

  app.get('/room/:token', { schema: { params: TokenParams }, config: open, errorHandler: linkErrorHandler }, async (request, reply) => {
    const view = await roomView(deps, request.params.token);
    if (!view) return html(reply, 404, notFoundPage());
    const { interview, context } = view;
    const language = context.agent.language;
    const page = { language, companyName: context.companyName };
    const now = deps.clock.now().getTime();
    const scheduledAt = Date.parse(interview.scheduledAt);
    switch (interview.status) {
      case 'IN_PROGRESS':
        return html(reply, 200, roomPage({ token: request.params.token, agent: context.agent, companyName: context.companyName, started: true }));
      case 'SCHEDULED':
        if (now >= scheduledAt + LINK_LIFETIME_MS) return html(reply, 200, statePage({ ...page, page: 'expired' }));
        if (now < scheduledAt) return html(reply, 200, statePage({ ...page, page: 'notOpenYet', opensAt: interview.scheduledAt }));
        return html(reply, 200, roomPage({ token: request.params.token, agent: context.agent, companyName: context.companyName, started: false }));
      case 'CANCELLED':
        return html(reply, 200, statePage({ ...page, page: 'cancelled' }));
      case 'COMPLETED':
        return html(reply, 200, statePage({ ...page, page: 'finished' }));
      case 'FAILED':
        return html(reply, 200, statePage({ ...page, page: interview.statusReason === 'EXPIRED' ? 'expired' : 'failed' }));
    }
  });

  app.get('/room/:token/events', { schema: { params: TokenParams }, config: open }, async (request, reply) => {
    // The connection may close at any point, during the lookup too: what is set up after the
    // close is undone at once, so no subscription or keep-alive timer outlives its connection.
    let closed = false;
    const undo: (() => void)[] = [];
    const release = () => {
      closed = true;
      for (const step of undo.splice(0)) step();
    };
    request.raw.once('close', release);
    reply.raw.once('close', release);
    const ref = await refOf(request.params.token);
    reply.hijack();
    const raw = reply.raw;
    const end = () => {
      release();
      raw.end();
    };
    if (closed || request.raw.destroyed || raw.destroyed) return end();
    raw.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    const send = (event: RoomEvent | { event: 'snapshot'; data: unknown }) => raw.write(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
    raw.write('retry: 1000\n\n');
    // Events that arrive while the snapshot is read are sent after it; the page skips what it has.
    const early: RoomEvent[] = [];
    let live = false;
    undo.push(sessions.hub.subscribe(ref.interviewId, (event) => (live ? send(event) : early.push(event))));
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 20_000);
    heartbeat.unref();
    undo.push(() => clearInterval(heartbeat));
    undo.push(sessions.hub.onClose(end));
    let snapshot;
    try {
      snapshot = await sessions.snapshot(ref);
    } catch (err) {
      // Hijacked: no error answer can be sent. Ending it makes the page connect again.
      request.log.error({ err, interviewId: ref.interviewId }, 'the room snapshot failed; its push connection is ended (the page reconnects)');
      return end();
    }
    if (closed) return;
    send({ event: 'snapshot', data: snapshot });
    live = true;
    for (const event of early) send(event);
    // After a restart, the turn that was streaming is produced again.
    if (snapshot?.status === 'IN_PROGRESS') sessions.resume(ref);
  });

  app.post('/room/:token/start', { schema: { params: TokenParams }, config: open }, async (request) => sessions.start(await refOf(request.params.token)));

  app.post('/room/:token/answers', { schema: { params: TokenParams, body: AnswerBody }, config: open }, async (request) =>
    sessions.answer(await refOf(request.params.token), request.body.text, request.body.clientId),
  );

  app.post('/room/:token/typing', { schema: { params: TokenParams }, config: open }, async (request) => sessions.typing(await refOf(request.params.token)));

  app.post('/room/:token/spoken', { schema: { params: TokenParams, body: SpokenBody }, config: open }, async (request) =>
    sessions.spoken(await refOf(request.params.token), request.body?.turnId),
  );
}
