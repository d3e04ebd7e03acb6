/**
 * §15 / CONSOLE-API.md: the console's own routes through the real server — sign-in, the session,
 * sign-out, invitation links — with the failure limits and the session lifetimes driven by a
 * ManualClock.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { TenantScope } from '../src/db/tenant-scope.ts';
import { createUser, updateUser } from '../src/users/service.ts';
import { secondProcess } from './auth-helpers.ts';
import { browserFrom, consoleUser, PASSWORD, signIn } from './console-helpers.ts';
import { expectError, expectValidation } from './domain-assertions.ts';
import { startTestServer } from './harness.ts';

const clock = new ManualClock();
// A small per-address limit keeps the test short (each failure costs a scrypt hash); the default is 20.
const server = await startTestServer({ clock, env: { SIGN_IN_FAILURES_PER_ADDRESS: '8' } });
const acme = await server.company('Acme');
afterAll(() => server.close());
const anonymous = server.anonymous;
const HOUR = 3_600_000;

/** Every failure window of earlier tests has ended. */
const nextMinute = () => clock.advance(61_000);

async function invite(email: string) {
  const created = await createUser(clock, { scope: new TenantScope(server.deps.database.db, acme.id) }, { email, role: 'recruiter' }, { publicUrl: server.deps.config.publicUrl });
  const url = new URL(created.invitationUrl as string);
  return { user: created.user, url, token: url.searchParams.get('token') as string };
}

describe('sign-in', () => {
  it('answers the user and a CSRF token, and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await consoleUser(server, acme.id, 'admin');
    const res = await anonymous('POST', '/auth/sign-in', { body: { email: user.email.toUpperCase(), password: PASSWORD } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.user).toEqual({ ...pick(user), lastSignInAt: clock.now().toISOString() });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.text).not.toMatch(/hash|password/i);
    const cookie = res.headers.get('set-cookie') as string;
    expect(cookie).toMatch(/^interviewd_session=[A-Za-z0-9_-]{40,};/);
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Path=/']) expect(cookie).toContain(flag);
    // PUBLIC_URL is http here: no Secure flag (see the https case below).
    expect(cookie).not.toContain('Secure');

    const browser = browserFrom(server, res);
    const session = await browser.cookieOnly('GET', '/auth/session');
    expect(session.status, session.text).toBe(200);
    expect(session.body).toEqual(res.body);
    // Only a hash of the cookie's value is stored.
    const rows = await server.deps.database.db.selectFrom('userSessions').selectAll().where('userId', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(browser.cookie.split('=')[1]);
  });

  it('refuses a wrong password, an unknown email, a user without a password and a disabled user alike: 401, no cookie', async () => {
    nextMinute();
    const user = await consoleUser(server, acme.id, 'recruiter');
    const disabled = await consoleUser(server, acme.id, 'recruiter');
    await updateUser(clock, { scope: new TenantScope(server.deps.database.db, acme.id) }, disabled.id, { disabled: true }, null);
    const { user: invited } = await invite(`invited.${Date.now()}@example.com`);
    const attempts = [
      { email: user.email, password: 'not the password at all' },
      { email: `nobody.${Date.now()}@example.com`, password: PASSWORD },
      { email: invited.email, password: PASSWORD },
      { email: disabled.email, password: PASSWORD },
    ];
    const messages = new Set<string>();
    for (const body of attempts) {
      const res = await anonymous('POST', '/auth/sign-in', { body });
      messages.add(expectError(res, 401, 'UNAUTHORIZED').message);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(messages.size, 'one generic message, whatever was wrong').toBe(1);
  });

  it('validates its body like every route', async () => {
    expectValidation(await anonymous('POST', '/auth/sign-in', { body: { email: 'a@example.com' } }), 'password');
    expectValidation(await anonymous('POST', '/auth/sign-in', { body: { email: 'a@example.com', password: 'x', extra: 1 } }));
    expectError(await anonymous('POST', '/auth/sign-in', { rawBody: '{', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
  });

  it('refuses the sixth wrong password in a minute with 429 and Retry-After, the right one too, until the minute is over', async () => {
    nextMinute();
    const user = await consoleUser(server, acme.id, 'admin');
    for (let i = 0; i < 5; i++) expectError(await anonymous('POST', '/auth/sign-in', { body: { email: user.email, password: `wrong password ${i}` } }), 401, 'UNAUTHORIZED');
    clock.advance(20_000);
    const sixth = await anonymous('POST', '/auth/sign-in', { body: { email: user.email, password: 'wrong password 6' } });
    const error = expectError(sixth, 429, 'RATE_LIMITED');
    expect(Number(sixth.headers.get('retry-after'))).toBe(40);
    expect(error.details.retryAfter).toBe(40);
    expectError(await anonymous('POST', '/auth/sign-in', { body: { email: user.email, password: PASSWORD } }), 429, 'RATE_LIMITED');
    // Another account from the same address is not locked by this one.
    const other = await consoleUser(server, acme.id, 'admin');
    await signIn(server, other.email);

    clock.advance(40_000);
    await signIn(server, user.email);
  }, 120_000);

  it('counts failures across processes: guesses spread over two servers of one database share the account limit', async () => {
    nextMinute();
    const user = await consoleUser(server, acme.id, 'admin');
    const other = await secondProcess(server, clock);
    try {
      const servers = [anonymous, other.client()];
      for (let i = 0; i < 5; i++) {
        expectError(await (servers[i % 2] as typeof anonymous)('POST', '/auth/sign-in', { body: { email: user.email, password: `wrong password ${i}` } }), 401, 'UNAUTHORIZED');
      }
      for (const client of servers) expectError(await client('POST', '/auth/sign-in', { body: { email: user.email, password: PASSWORD } }), 429, 'RATE_LIMITED');
      // What is stored is a hash of the key, never the email typed.
      const rows = await server.deps.database.db.selectFrom('signInFailures').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(user.email);
      nextMinute();
      expect((await other.client()('POST', '/auth/sign-in', { body: { email: user.email, password: PASSWORD } })).status).toBe(200);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('limits failures per client address across accounts', async () => {
    nextMinute();
    for (let i = 0; i < 8; i++) {
      expectError(await anonymous('POST', '/auth/sign-in', { body: { email: `guess${i}.${Date.now()}@example.com`, password: 'a guessed password' } }), 401, 'UNAUTHORIZED');
    }
    const user = await consoleUser(server, acme.id, 'admin');
    const res = await anonymous('POST', '/auth/sign-in', { body: { email: user.email, password: PASSWORD } });
    expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    nextMinute();
    await signIn(server, user.email);
  }, 120_000);

  it('successful sign-ins are not counted as failures', async () => {
    nextMinute();
    const user = await consoleUser(server, acme.id, 'admin');
    for (let i = 0; i < 8; i++) await signIn(server, user.email);
  }, 120_000);
});

describe('sign-out', () => {
  it('ends the session on the server and clears the cookie; the old cookie is refused everywhere', async () => {
    const user = await consoleUser(server, acme.id, 'admin');
    const browser = await signIn(server, user.email);
    expect((await browser.api('GET', '/v1/agents')).status).toBe(200);

    const out = await browser.api('POST', '/auth/sign-out');
    expect(out.status, out.text).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^interviewd_session=;.*Max-Age=0/);

    expectError(await browser.cookieOnly('GET', '/auth/session'), 401, 'UNAUTHORIZED');
    expectError(await browser.api('GET', '/v1/agents'), 401, 'UNAUTHORIZED');
    expectError(await browser.api('POST', '/v1/agents', { body: { name: 'After sign-out' } }), 401, 'UNAUTHORIZED');
    expectError(await browser.api('POST', '/auth/sign-out'), 401, 'UNAUTHORIZED');
  });

  it('is CSRF-checked: without the token, or from another site, it is refused and the session lives on', async () => {
    const user = await consoleUser(server, acme.id, 'admin');
    const browser = await signIn(server, user.email);
    expectError(await browser.cookieOnly('POST', '/auth/sign-out'), 403, 'RESOURCE_ACCESS_DENIED');
    expectError(await browser.api('POST', '/auth/sign-out', { headers: { origin: 'https://evil.example' } }), 403, 'RESOURCE_ACCESS_DENIED');
    // A cross-site HTML form: form-encoded body, no token. Refused before the body is read.
    const form = await browser.cookieOnly('POST', '/auth/sign-out', { rawBody: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expectError(form, 403, 'RESOURCE_ACCESS_DENIED');
    expect((await browser.cookieOnly('GET', '/auth/session')).status).toBe(200);
  });

  it('without a session is a 401', async () => {
    expectError(await anonymous('POST', '/auth/sign-out'), 401, 'UNAUTHORIZED');
    expectError(await anonymous('GET', '/auth/session'), 401, 'UNAUTHORIZED');
    expectError(await anonymous('GET', '/auth/session', { headers: { cookie: 'interviewd_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }), 401, 'UNAUTHORIZED');
  });
});

describe('session lifetimes', () => {
  it('ends a session idle for 12 hours; use keeps it alive', async () => {
    const user = await consoleUser(server, acme.id, 'recruiter');
    const browser = await signIn(server, user.email);
    clock.advance(12 * HOUR - 60_000);
    expect((await browser.api('GET', '/v1/agents')).status).toBe(200);
    clock.advance(12 * HOUR - 60_000);
    expect((await browser.cookieOnly('GET', '/auth/session')).status).toBe(200);
    clock.advance(12 * HOUR);
    expectError(await browser.api('GET', '/v1/agents'), 401, 'UNAUTHORIZED');
    expectError(await browser.cookieOnly('GET', '/auth/session'), 401, 'UNAUTHORIZED');
  });

  it('ends a session 7 days after sign-in, however busy', async () => {
    const user = await consoleUser(server, acme.id, 'recruiter');
    const browser = await signIn(server, user.email);
    const signedInAt = clock.now().getTime();
    while (clock.now().getTime() + 11 * HOUR < signedInAt + 7 * 24 * HOUR) {
      clock.advance(11 * HOUR);
      expect((await browser.api('GET', '/v1/agents')).status).toBe(200);
    }
    clock.set(new Date(signedInAt + 7 * 24 * HOUR));
    expectError(await browser.api('GET', '/v1/agents'), 401, 'UNAUTHORIZED');
  });
});

describe('invitation links', () => {
  it('set the password once and sign in; the link then stops working', async () => {
    const { user, url, token } = await invite(`new.${Date.now()}@example.com`);
    expect(url.origin + url.pathname).toBe(`${server.deps.config.publicUrl}/console/accept`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    expectValidation(await anonymous('POST', '/auth/invitations/accept', { body: { token, password: 'elevenchars' } }), 'password');
    const accepted = await anonymous('POST', '/auth/invitations/accept', { body: { token, password: 'twelve chars' } });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.user).toMatchObject({ id: user.id, email: user.email, role: 'recruiter' });
    const browser = browserFrom(server, accepted);
    expect((await browser.api('GET', '/v1/agents')).status).toBe(200);

    expectValidation(await anonymous('POST', '/auth/invitations/accept', { body: { token, password: 'another password' } }), 'token');
    await signIn(server, user.email, 'twelve chars');
    const stored = await server.deps.database.db.selectFrom('users').select('passwordHash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.passwordHash).not.toContain('twelve chars');
  });

  it('expire after 24 hours, and an unknown token is refused', async () => {
    const { token } = await invite(`late.${Date.now()}@example.com`);
    clock.advance(24 * HOUR);
    expectValidation(await anonymous('POST', '/auth/invitations/accept', { body: { token, password: 'twelve chars' } }), 'token');
    expectValidation(await anonymous('POST', '/auth/invitations/accept', { body: { token: 'x'.repeat(43), password: 'twelve chars' } }), 'token');
  });
});

describe('with an https PUBLIC_URL', () => {
  it('the cookie is Secure', async () => {
    const secure = await startTestServer({ env: { PUBLIC_URL: 'https://console.example.com' } });
    try {
      const company = await secure.company('Secure Co');
      const user = await consoleUser(secure, company.id, 'admin');
      const res = await secure.anonymous('POST', '/auth/sign-in', { body: { email: user.email, password: PASSWORD } });
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});

function pick(user: { id: string; companyId: string; email: string; role: string; disabledAt: string | null; createdAt: string }) {
  return { id: user.id, companyId: user.companyId, email: user.email, role: user.role, disabledAt: user.disabledAt, createdAt: user.createdAt };
}
