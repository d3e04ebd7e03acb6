import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors/catalogue.ts';

/** The console's session cookie (§15; CONSOLE-API.md). */
export const SESSION_COOKIE = 'interviewd_session';
/** A session unused this long ends (docs/decisions.md). */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** A session ends this long after sign-in, however busy. */
export const SESSION_ABSOLUTE_MS = 7 * 86_400_000;
/** One-time set-password links. */
export const INVITATION_TTL_MS = 24 * 3_600_000;

/** 256 random bits, URL-safe: a session cookie's value or an invitation token. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token: its SHA-256 (the token is random, so a fast hash suffices). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The session's CSRF token, derived from the cookie's value rather than stored: the page gets it
 * from /auth/session, a cross-site page cannot read it, and it cannot be turned back into the cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf\0${sessionToken}`).digest('base64url');
}

/** The session cookie's value in the request, or null. */
export function presentedSession(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
  }
  return null;
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_ABSOLUTE_MS / 1000}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF (§15) for a request authenticated by the session cookie: a state-changing method must carry
 * the session's token in `X-CSRF-Token`, and an `Origin`, when sent, must be this server's:
 * PUBLIC_URL's origin, or the host the request was sent to (a server reached on another address
 * than PUBLIC_URL, as in tests; a cross-site page's Origin names its own site, never our host).
 * Runs before the body is read, so a cross-site form POST is a 403, not a 415.
 */
export function checkCsrf(request: FastifyRequest, sessionToken: string, publicUrl: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, publicUrl, request.headers.host)) {
    throw errors.accessDenied(`Cross-site request refused: Origin ${origin.slice(0, 200)} is not this server.`);
  }
  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw errors.accessDenied('A request signed in by the console session must carry its X-CSRF-Token header (from /auth/session).');
  }
}

function sameOrigin(origin: string, publicUrl: string, host: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === new URL(publicUrl).origin) return true;
  return host !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === host.toLowerCase();
}
