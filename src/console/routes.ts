/**
 * The console (§15): the built single-page app from `dist/console/`, served under `/console/`.
 * A path naming a built file gets that file; any other `/console/…` path gets index.html, so the
 * app's own routes survive a reload. `/` sends a browser to the console. No key: the app signs in
 * with /auth/* and then reads /v1 like any client.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONSOLE_DIST } from './build-paths.ts';

const open = { access: { public: true, scopes: [], companyScoped: false } };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The app talks to its own origin only; nothing is fetched from anywhere else. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const MISSING_BUILD =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>interviewd console</title>' +
  '<p>The console has not been built. Run <code>npm start</code> (it builds the console when needed) or <code>npm run console:build</code>.</p></html>';

/** A file inside `root` named by the URL path, or null (outside the root, a directory, or absent). */
async function builtFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

async function sendIndex(root: string, reply: FastifyReply) {
  reply.headers(SECURITY_HEADERS).header('cache-control', 'no-cache');
  try {
    return reply.type(TYPES['.html'] as string).send(await readFile(join(root, 'index.html')));
  } catch {
    return reply.code(503).type(TYPES['.html'] as string).send(MISSING_BUILD);
  }
}

export function consoleRoutes(app: FastifyInstance, root: string = CONSOLE_DIST): void {
  app.get('/', { config: open, schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/', 302));
  app.get('/console', { config: open, schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/', 302));
  app.get('/console/*', { config: open, schema: { hide: true } }, async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const file = rest ? await builtFile(root, rest) : null;
    if (!file || file.endsWith(`${sep}index.html`)) return sendIndex(root, reply);
    // Vite names every asset by its content hash: a changed file is a new name.
    const immutable = file.includes(`${sep}assets${sep}`);
    reply.headers(SECURITY_HEADERS).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.type(TYPES[extname(file)] ?? 'application/octet-stream').send(await readFile(file));
  });
}
