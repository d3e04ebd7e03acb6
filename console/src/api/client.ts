/**
 * The console is a client of the public API (issue 15): every page reads and writes `/v1` through
 * this typed client (types generated from the served OpenAPI document), with the session cookie
 * standing in for a key and the session's CSRF token on every state-changing request.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export interface Issue {
  path: string;
  message: string;
}

/** An error answer in the contract's envelope (§2), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
    readonly retryAfter: string | null = null,
  ) {
    super(message);
  }
}

export interface User {
  id: string;
  companyId: string;
  email: string;
  role: 'admin' | 'recruiter';
  disabledAt: string | null;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

let csrfToken: string | null = null;
/** Called when a request finds the session gone (401): the app goes back to sign-in. */
let onSignedOut: () => void = () => {};

export function setSession(session: Session | null): void {
  csrfToken = session?.csrfToken ?? null;
}

export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin, credentials: 'same-origin' });
api.use(session);

interface Envelope {
  error?: { code?: string; message?: string; details?: { issues?: Issue[] } };
}

async function errorOf(response: Response, body?: unknown): Promise<ApiError> {
  let parsed = body as Envelope | undefined;
  if (parsed === undefined) {
    try {
      parsed = (await response.json()) as Envelope;
    } catch {
      parsed = undefined;
    }
  }
  const error = parsed?.error;
  return new ApiError(response.status, error?.code ?? 'HTTP_' + response.status, error?.message ?? response.statusText, error?.details?.issues ?? [], response.headers.get('retry-after'));
}

/** The data of an openapi-fetch answer, or the envelope's error thrown. A 401 on /v1 means the session ended. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  if (result.response.ok) return result.data as T;
  const error = await errorOf(result.response, result.error);
  if (error.status === 401) onSignedOut();
  return Promise.reject(error);
}

/** The console-specific routes (§15: sign-in, session, sign-out, accepting an invitation). */
async function auth<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) throw await errorOf(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const authApi = {
  session: () => auth<Session>('GET', '/auth/session'),
  signIn: (email: string, password: string) => auth<Session>('POST', '/auth/sign-in', { email, password }),
  signOut: () => auth<void>('POST', '/auth/sign-out'),
  accept: (token: string, password: string) => auth<Session>('POST', '/auth/invitations/accept', { token, password }),
};
