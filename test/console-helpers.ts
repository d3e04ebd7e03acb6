import type { Role } from '../src/auth/scopes.ts';
import { TenantScope } from '../src/db/tenant-scope.ts';
import { createUser } from '../src/users/service.ts';
import type { User } from '../src/users/schema.ts';
import { type ApiClient, type ApiResponse, apiClient, type TestServer } from './harness.ts';

let sequence = 0;
export const PASSWORD = 'correct horse battery staple';

/** A console user of the company with a password (as `users create --password-stdin` makes one). */
export async function consoleUser(server: TestServer, companyId: string, role: Role = 'admin', password = PASSWORD): Promise<User & { password: string }> {
  const email = `user${++sequence}.${Date.now().toString(36)}@example.com`;
  const { user } = await createUser(server.deps.clock, { scope: new TenantScope(server.deps.database.db, companyId) }, { email, role }, { publicUrl: server.deps.config.publicUrl, password });
  return { ...user, password };
}

/** The session cookie's `name=value` from a Set-Cookie answer. */
export function cookieOf(res: ApiResponse): string {
  const header = res.headers.get('set-cookie') ?? '';
  const pair = header.split(';')[0] ?? '';
  if (!pair.startsWith('interviewd_session=')) throw new Error(`no session cookie in ${header} (status ${res.status}: ${res.text.slice(0, 200)})`);
  return pair;
}

export interface Browser {
  cookie: string;
  csrfToken: string;
  user: User;
  /** Requests as the console page sends them: the cookie, plus the CSRF token and our Origin. */
  api: ApiClient;
  /** The cookie alone (what a cross-site page's request carries). */
  cookieOnly: ApiClient;
}

/** A client holding a session cookie (and the CSRF token) from a sign-in's answer. */
export function browserFrom(server: TestServer, res: ApiResponse<{ user: User; csrfToken: string }>): Browser {
  const cookie = cookieOf(res);
  const { user, csrfToken } = res.body;
  const plain = apiClient(server.baseUrl);
  const withHeaders =
    (headers: Record<string, string>): ApiClient =>
    (method, path, options = {}) =>
      plain(method, path, { ...options, headers: { ...headers, ...options.headers } });
  return { cookie, csrfToken, user, api: withHeaders({ cookie, 'x-csrf-token': csrfToken, origin: server.baseUrl }), cookieOnly: withHeaders({ cookie }) };
}

export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<Browser> {
  const res = await server.anonymous('POST', '/auth/sign-in', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.text.slice(0, 300)}`);
  return browserFrom(server, res);
}
