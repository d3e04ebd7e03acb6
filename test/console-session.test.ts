/**
 * §15: the console session on /v1 — it stands in for a company key of the user's company with
 * the role's scopes, passes the CSRF check on every state-changing request, and ends when the
 * user signs out, is disabled, or an admin revokes their sessions.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { consoleUser, signIn } from './console-helpers.ts';
import { expectError } from './domain-assertions.ts';
import { startTestServer } from './harness.ts';

const server = await startTestServer();
const acme = await server.company('Acme');
const globex = await server.company('Globex');
afterAll(() => server.close());

const admin = await consoleUser(server, acme.id, 'admin');
const recruiter = await consoleUser(server, acme.id, 'recruiter');
const outsider = await consoleUser(server, globex.id, 'admin');
const countAgents = async () => (await acme.api('GET', '/v1/agents', { query: { limit: 1 } })).body.total as number;

describe('roles', () => {
  it('a recruiter runs interviews but is refused webhooks, API keys, users and company changes (403 RESOURCE_ACCESS_DENIED)', async () => {
    const browser = await signIn(server, recruiter.email);
    const agent = await browser.api('POST', '/v1/agents', { body: { name: 'By a recruiter', questions: ['Why us?'] } });
    expect(agent.status, agent.text).toBe(201);
    expect(agent.body.companyId).toBe(acme.id);
    for (const [method, path] of [['GET', '/v1/agents'], ['GET', '/v1/interviews'], ['GET', '/v1/candidates'], ['GET', '/v1/jobs'], ['GET', '/v1/billing/usage']] as const) {
      expect((await browser.api(method, path)).status, `${method} ${path}`).toBe(200);
    }
    expect((await browser.api('DELETE', `/v1/agents/${agent.body.id}`)).status).toBe(200);

    const refused: [string, string, unknown?][] = [
      ['GET', '/v1/webhooks'],
      ['POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['interview.completed'] }],
      ['GET', '/v1/api-keys'],
      ['POST', '/v1/api-keys', { name: 'Sneaky' }],
      ['GET', '/v1/users'],
      ['POST', '/v1/users', { email: `sneaky.${Date.now()}@example.com`, role: 'admin' }],
      ['PATCH', `/v1/users/${recruiter.id}`, { role: 'admin' }],
      ['PATCH', `/v1/company/${acme.id}`, { name: 'Renamed by a recruiter' }],
      ['GET', '/v1/phone-numbers'],
    ];
    for (const [method, path, body] of refused) {
      const error = expectError(await browser.api(method, path, { body }), 403, 'RESOURCE_ACCESS_DENIED');
      expect(error.message, `${method} ${path}`).toMatch(/recruiter role/);
    }
    // Nothing changed: the recruiter is still a recruiter, the company keeps its name.
    expect((await acme.api('GET', `/v1/users/${recruiter.id}`)).body.role).toBe('recruiter');
    expect((await acme.api('GET', `/v1/company/${acme.id}`)).body.name).toBe('Acme');
  });

  it('an admin holds every scope of the company', async () => {
    const browser = await signIn(server, admin.email);
    for (const path of ['/v1/webhooks', '/v1/api-keys', '/v1/users', '/v1/phone-numbers', '/v1/agents', `/v1/company/${acme.id}`]) {
      const res = await browser.api('GET', path);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
    }
    const webhook = await browser.api('POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/admin-hook', events: ['interview.completed'] } });
    expect(webhook.status, webhook.text).toBe(201);
    expect(webhook.body.companyId).toBe(acme.id);
  });
});

describe('tenancy', () => {
  it("a user of another company gets 404 for our resources and sees none of them, whatever companyId says", async () => {
    const agent = await acme.api('POST', '/v1/agents', { body: { name: 'Ours' } });
    const browser = await signIn(server, outsider.email);
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await browser.api(method, `/v1/agents/${agent.body.id}`, { body: method === 'PATCH' ? { name: 'Theirs now' } : undefined, query: { companyId: acme.id } });
      expect(expectError(res, 404, 'RESOURCE_NOT_FOUND').details.resourceId).toBe(agent.body.id);
    }
    expectError(await browser.api('GET', `/v1/users/${admin.id}`), 404, 'RESOURCE_NOT_FOUND');
    expectError(await browser.api('PATCH', `/v1/users/${admin.id}`, { body: { disabled: true } }), 404, 'RESOURCE_NOT_FOUND');
    const list = await browser.api('GET', '/v1/agents', { query: { companyId: acme.id, limit: 100 } });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(acme.id);
    expect((await acme.api('GET', `/v1/agents/${agent.body.id}`)).body.name).toBe('Ours');
    expect((await acme.api('GET', `/v1/users/${admin.id}`)).body.disabledAt).toBeNull();
  });

  it('an Authorization header wins over the cookie', async () => {
    const browser = await signIn(server, outsider.email);
    const asAcme = await browser.cookieOnly('GET', '/v1/agents', { headers: { authorization: `Bearer ${acme.key}` }, query: { limit: 100 } });
    expect(asAcme.status).toBe(200);
    for (const row of asAcme.body.data) expect(row.companyId).toBe(acme.id);
    expectError(await browser.cookieOnly('GET', '/v1/agents', { headers: { authorization: 'Bearer nonsense' } }), 401, 'INVALID_API_KEY');
  });
});

describe('CSRF', () => {
  it('a cross-site form POST with the cookie is 403 and creates nothing', async () => {
    const browser = await signIn(server, admin.email);
    const before = await countAgents();
    const form = await browser.cookieOnly('POST', '/v1/agents', { rawBody: 'name=Evil', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expectError(form, 403, 'RESOURCE_ACCESS_DENIED');
    // The same without Origin (an old browser), and a JSON body without the token.
    expectError(await browser.cookieOnly('POST', '/v1/agents', { rawBody: 'name=Evil', headers: { 'content-type': 'text/plain' } }), 403, 'RESOURCE_ACCESS_DENIED');
    expectError(await browser.cookieOnly('POST', '/v1/agents', { body: { name: 'Evil' } }), 403, 'RESOURCE_ACCESS_DENIED');
    // The right token from the wrong site, and a wrong token from the right one.
    expectError(await browser.api('POST', '/v1/agents', { body: { name: 'Evil' }, headers: { origin: 'https://evil.example' } }), 403, 'RESOURCE_ACCESS_DENIED');
    expectError(await browser.api('POST', '/v1/agents', { body: { name: 'Evil' }, headers: { 'x-csrf-token': 'x'.repeat(43) } }), 403, 'RESOURCE_ACCESS_DENIED');
    expectError(await browser.cookieOnly('DELETE', `/v1/users/${recruiter.id}`), 403, 'RESOURCE_ACCESS_DENIED');
    expect(await countAgents()).toBe(before);
    expect((await acme.api('GET', `/v1/users/${recruiter.id}`)).status).toBe(200);
    // Control: the console's own request goes through; reads need no token.
    expect((await browser.api('POST', '/v1/agents', { body: { name: 'Fine' } })).status).toBe(201);
    expect((await browser.cookieOnly('GET', '/v1/agents')).status).toBe(200);
    expect(await countAgents()).toBe(before + 1);
  });

  it('idempotency keys and rate limits apply to the user like to a key', async () => {
    const browser = await signIn(server, admin.email);
    const headers = { 'idempotency-key': `console-${Date.now()}` };
    const first = await browser.api('POST', '/v1/agents', { body: { name: 'Once' }, headers });
    const again = await browser.api('POST', '/v1/agents', { body: { name: 'Once' }, headers });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.headers.get('x-ratelimit-limit-minute')).toBe('100000');
    expect(Number(again.headers.get('x-ratelimit-remaining-minute'))).toBeLessThan(Number(first.headers.get('x-ratelimit-remaining-minute')));

    // The company's own limit applies to its users: three requests a minute.
    const small = await server.company('Small');
    await server.deps.database.db.updateTable('companies').set({ rateLimitMinute: 3 }).where('id', '=', small.id).execute();
    const user = await signIn(server, (await consoleUser(server, small.id, 'recruiter')).email);
    for (let i = 0; i < 3; i++) expect((await user.api('GET', '/v1/agents')).status).toBe(200);
    const limited = await user.api('GET', '/v1/agents');
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('ending sessions', () => {
  it('a disabled user is refused at once, on every session', async () => {
    const user = await consoleUser(server, acme.id, 'recruiter');
    const [one, two] = [await signIn(server, user.email), await signIn(server, user.email)];
    const adminBrowser = await signIn(server, admin.email);
    const patched = await adminBrowser.api('PATCH', `/v1/users/${user.id}`, { body: { disabled: true } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.disabledAt).toEqual(expect.any(String));
    for (const browser of [one, two]) expectError(await browser.api('GET', '/v1/agents'), 401, 'UNAUTHORIZED');
    expectError(await server.anonymous('POST', '/auth/sign-in', { body: { email: user.email, password: user.password } }), 401, 'UNAUTHORIZED');
    // Enabled again: a new sign-in works; the old sessions stay ended.
    expect((await adminBrowser.api('PATCH', `/v1/users/${user.id}`, { body: { disabled: false } })).body.disabledAt).toBeNull();
    const three = await signIn(server, user.email);
    expect((await three.api('GET', '/v1/agents')).status).toBe(200);
    expectError(await one.api('GET', '/v1/agents'), 401, 'UNAUTHORIZED');
  });

  it("an admin revokes another user's sessions; the user may sign in again", async () => {
    const user = await consoleUser(server, acme.id, 'recruiter');
    const browser = await signIn(server, user.email);
    const adminBrowser = await signIn(server, admin.email);
    const res = await adminBrowser.api('PATCH', `/v1/users/${user.id}`, { body: { revokeSessions: true } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.disabledAt).toBeNull();
    expectError(await browser.api('GET', '/v1/agents'), 401, 'UNAUTHORIZED');
    expect((await adminBrowser.api('GET', '/v1/agents')).status, "the admin's own session lives on").toBe(200);
    expect((await (await signIn(server, user.email)).api('GET', '/v1/agents')).status).toBe(200);
  });

  it('a deleted user is refused and gone from the list', async () => {
    const user = await consoleUser(server, acme.id, 'recruiter');
    const browser = await signIn(server, user.email);
    const adminBrowser = await signIn(server, admin.email);
    expect((await adminBrowser.api('DELETE', `/v1/users/${user.id}`)).status).toBe(204);
    expectError(await browser.api('GET', '/v1/agents'), 401, 'UNAUTHORIZED');
    expectError(await adminBrowser.api('GET', `/v1/users/${user.id}`), 404, 'RESOURCE_NOT_FOUND');
    expectError(await adminBrowser.api('DELETE', `/v1/users/${user.id}`), 404, 'RESOURCE_NOT_FOUND');
    const list = await adminBrowser.api('GET', '/v1/users', { query: { limit: 100 } });
    expect(list.body.data.map((u: { id: string }) => u.id)).not.toContain(user.id);
  });

  it('an admin cannot disable, demote or delete themselves (409), and nothing changes', async () => {
    const browser = await signIn(server, admin.email);
    expectError(await browser.api('PATCH', `/v1/users/${admin.id}`, { body: { disabled: true } }), 409, 'CONFLICT');
    expectError(await browser.api('PATCH', `/v1/users/${admin.id}`, { body: { role: 'recruiter' } }), 409, 'CONFLICT');
    expectError(await browser.api('DELETE', `/v1/users/${admin.id}`), 409, 'CONFLICT');
    const self = await browser.api('GET', `/v1/users/${admin.id}`);
    expect(self.body).toMatchObject({ role: 'admin', disabledAt: null });
    // Revoking their own sessions is allowed (sign out everywhere), and so is a no-op role.
    expect((await browser.api('PATCH', `/v1/users/${admin.id}`, { body: { role: 'admin' } })).status).toBe(200);
  });
});

describe('invitations through /v1', () => {
  it('an admin invites a user: the link is shown once and signs them in; the same email again is a 409', async () => {
    const browser = await signIn(server, admin.email);
    const email = `invitee.${Date.now()}@example.com`;
    const res = await browser.api('POST', '/v1/users', { body: { email: email.toUpperCase(), role: 'recruiter' } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ email, role: 'recruiter', companyId: acme.id, disabledAt: null, lastSignInAt: null });
    const link = new URL(res.body.invitationUrl);
    expect((await browser.api('GET', `/v1/users/${res.body.id}`)).body.invitationUrl).toBeUndefined();
    expectError(await browser.api('POST', '/v1/users', { body: { email, role: 'admin' } }), 409, 'CONFLICT');
    // Even from another company: an email is one account in the deployment.
    expectError(await globex.api('POST', '/v1/users', { body: { email, role: 'admin' } }), 409, 'CONFLICT');
    const accepted = await server.anonymous('POST', '/auth/invitations/accept', { body: { token: link.searchParams.get('token'), password: 'a fine password' } });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.user.id).toBe(res.body.id);
  });
});

describe('API keys through /v1', () => {
  it('an admin creates a key (shown once), lists it without its secret, and revokes it: the server refuses it at once', async () => {
    const browser = await signIn(server, admin.email);
    const created = await browser.api('POST', '/v1/api-keys', { body: { name: 'Backend', scopes: ['read:agents', 'write:agents'], expiresAt: '2099-01-01T00:00:00+01:00' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: 'Backend', kind: 'COMPANY', companyId: acme.id, scopes: ['read:agents', 'write:agents'], expiresAt: '2098-12-31T23:00:00.000Z', revokedAt: null });
    expect(created.body.key).toMatch(/^sk_live_[A-Za-z0-9]{32,}$/);
    expect(created.body.keyPrefix).toBe(created.body.key.slice(0, 12));

    const key = server.anonymous;
    const withKey = (method: string, path: string) => key(method, path, { headers: { authorization: `Bearer ${created.body.key}` } });
    expect((await withKey('GET', '/v1/agents')).status).toBe(200);

    const list = await browser.api('GET', '/v1/api-keys', { query: { limit: 100 } });
    expect(list.status).toBe(200);
    const listed = list.body.data.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: 'Backend', keyPrefix: created.body.keyPrefix });
    expect(listed.key).toBeUndefined();
    expect(list.text).not.toContain(created.body.key);
    expect(list.text).not.toMatch(/hash/i);
    for (const row of list.body.data) expect(row.companyId).toBe(acme.id);

    expect((await browser.api('DELETE', `/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expectError(await withKey('GET', '/v1/agents'), 401, 'INVALID_API_KEY');
    expect((await browser.api('GET', `/v1/api-keys/${created.body.id}`)).body.revokedAt).toEqual(expect.any(String));
    expect((await browser.api('DELETE', `/v1/api-keys/${created.body.id}`)).status, 'revoking again changes nothing').toBe(204);
  });

  it('a key cannot grant scopes it lacks; the default is its own scopes', async () => {
    const narrow = await server.companyKey(acme.id, { scopes: ['read:api-keys', 'write:api-keys', 'read:agents'] });
    const refused = await narrow.api('POST', '/v1/api-keys', { body: { name: 'Escalate', scopes: ['read:agents', 'write:webhooks'] } });
    expectError(refused, 400, 'VALIDATION_ERROR');
    expect(refused.body.error.details.issues[0].path).toBe('scopes.1');
    const defaulted = await narrow.api('POST', '/v1/api-keys', { body: { name: 'Same scopes' } });
    expect(defaulted.status, defaulted.text).toBe(201);
    expect(defaulted.body.scopes).toEqual(['read:api-keys', 'write:api-keys', 'read:agents']);
    const past = await narrow.api('POST', '/v1/api-keys', { body: { name: 'Expired', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(expectError(past, 400, 'VALIDATION_ERROR').details.issues[0].path).toBe('expiresAt');
  });

  it("another company's key is a 404 and stays usable", async () => {
    const theirs = await server.companyKey(globex.id);
    const browser = await signIn(server, admin.email);
    expectError(await browser.api('GET', `/v1/api-keys/${theirs.keyId}`), 404, 'RESOURCE_NOT_FOUND');
    expectError(await browser.api('DELETE', `/v1/api-keys/${theirs.keyId}`), 404, 'RESOURCE_NOT_FOUND');
    expect((await theirs.api('GET', '/v1/agents')).status).toBe(200);
  });
});
