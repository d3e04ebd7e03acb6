import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, envelopeError, type FreshDatabase, freshDatabase, testDatabaseKind, testEnv } from './harness.ts';
import { type CliResult, runCli, type ServerProcess, startServerProcess } from './process-harness.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** §13 through real processes: `node bin/interviewd.mjs …` on a fresh database, a server on the same one. */
describe(`interviewd CLI (${testDatabaseKind})`, () => {
  let fresh: FreshDatabase;
  let server: ServerProcess;
  let env: Record<string, string>;
  let companyId: string;
  let number = 0;

  const cli = (...args: string[]) => runCli(args, env);
  /** Runs with --json: exit 0, nothing on stderr, exactly one JSON document on stdout. */
  const json = async (...args: string[]) => {
    const result = await cli(...args, '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    return JSON.parse(result.stdout);
  };
  const expectFailure = (result: CliResult, reason: RegExp) => {
    expect(result.code, result.stdout).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(reason);
    expect(result.stdout).toBe('');
  };
  const phone = () => `+1415555${String(1000 + ++number)}`;

  beforeAll(async () => {
    fresh = await freshDatabase();
    env = testEnv(fresh.url);
    // The server creates the schema (and its own bootstrap company) first.
    server = await startServerProcess(fresh.url);
    companyId = (await json('companies', 'create', '--name', 'Acme Corp', '--description', 'Made by the CLI')).id;
  }, 120_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await fresh?.drop();
  });

  it('migrate and companies create/list/set-plan', async () => {
    const [migrated, listed, planned, text] = await Promise.all([
      json('migrate'),
      json('companies', 'list'),
      json('companies', 'set-plan', companyId, '--monthly-minutes', '750'),
      cli('companies', 'list'),
    ]);
    expect(migrated).toEqual({ applied: [] });
    expect(Array.isArray(listed)).toBe(true);
    const acme = listed.find((c: { id: string }) => c.id === companyId);
    expect(acme).toMatchObject({ name: 'Acme Corp', description: 'Made by the CLI', metadata: {} });
    expect(planned).toMatchObject({ id: companyId, plan: { monthlyMinutes: 750 } });
    // Without --json: readable text, still exit 0.
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(companyId);
    expect((await json('companies', 'list')).find((c: { id: string }) => c.id === companyId).plan.monthlyMinutes).toBe(750);
  }, 120_000);

  it('keys create for a company prints the key once; it works against the running server', async () => {
    const created = await json('keys', 'create', '--name', 'Backend', '--company', companyId);
    expect(created).toMatchObject({ kind: 'COMPANY', companyId, name: 'Backend', revokedAt: null });
    expect(created.id).toMatch(UUID);
    expect(created.key).toMatch(/^sk_live_[A-Za-z0-9]{32,}$/);
    expect(created.scopes).toContain('write:agents');
    expect(JSON.stringify(created)).not.toMatch(/hash/i);

    const api = server.api(created.key);
    expect((await api('POST', '/v1/agents', { body: { name: 'Via a CLI key' } })).status).toBe(201);
    const listed = await json('keys', 'list', '--company', companyId);
    expect(listed.map((k: { id: string }) => k.id)).toEqual([created.id]);
    expect(listed[0].key).toBeUndefined();
  }, 120_000);

  it('keys create --ats with scopes, expiry, allowed IPs, rate limit and --test; grant', async () => {
    const [ats, expired, elsewhere] = await Promise.all([
      json('keys', 'create', '--name', 'ATS', '--ats', '--scopes', 'read:agents,write:agents', '--expires-at', '2099-01-01T00:00:00Z',
        '--allowed-ips', '127.0.0.1,10.0.0.0/8,::1', '--rate-limit-minute', '7', '--rate-limit-hour', '99', '--test'),
      json('keys', 'create', '--name', 'Expired', '--company', companyId, '--expires-at', '2020-01-01T00:00:00+02:00'),
      json('keys', 'create', '--name', 'Elsewhere', '--company', companyId, '--allowed-ips', '10.0.0.0/8'),
    ]);
    expect(ats).toMatchObject({
      kind: 'ATS', companyId: null, scopes: ['read:agents', 'write:agents'], expiresAt: '2099-01-01T00:00:00.000Z',
      allowedIps: ['127.0.0.1', '10.0.0.0/8', '::1'], rateLimitMinute: 7, rateLimitHour: 99, isTest: true,
    });
    expect(ats.key).toMatch(/^sk_test_/);
    expect(expired.expiresAt).toBe('2019-12-31T22:00:00.000Z');

    const api = server.api(ats.key);
    const before = await api('GET', '/v1/agents', { query: { companyId } });
    expect(before.status).toBe(403);
    expect(envelopeError(before).code).toBe('RESOURCE_ACCESS_DENIED');
    expect(await json('keys', 'grant', ats.id, '--company', companyId)).toEqual({ apiKeyId: ats.id, companyId });
    const after = await eventually(() => api<{ data: Array<{ id: string }> }>('GET', '/v1/agents', { query: { companyId } }), 200);
    expect(after.headers.get('x-ratelimit-limit-minute')).toBe('7');
    expect(after.headers.get('x-ratelimit-limit-hour')).toBe('99');
    // The scopes were narrowed: deleting is not allowed.
    const agent = after.body.data[0]!;
    const denied = await api('DELETE', `/v1/agents/${agent.id}`, { query: { companyId } });
    expect(envelopeError(denied).code).toBe('INSUFFICIENT_PERMISSIONS');

    expect(envelopeError(await server.api(expired.key)('GET', '/v1/agents')).code).toBe('INVALID_API_KEY');
    expect(envelopeError(await server.api(elsewhere.key)('GET', '/v1/agents')).code).toBe('RESOURCE_ACCESS_DENIED');
  }, 120_000);

  it('phone-numbers add', async () => {
    const [plain, both] = await Promise.all([
      json('phone-numbers', 'add', '--company', companyId, '--number', phone()),
      json('phone-numbers', 'add', '--company', companyId, '--number', phone(), '--capabilities', 'OUTBOUND,INBOUND', '--provider', 'TWILIO'),
    ]);
    expect(plain).toMatchObject({ companyId, capabilities: ['OUTBOUND'], provider: 'TWILIO', status: 'AVAILABLE', custom: true });
    expect(both.capabilities).toEqual(['OUTBOUND', 'INBOUND']);
    const duplicate = await cli('phone-numbers', 'add', '--company', companyId, '--number', plain.number, '--json');
    expectFailure(duplicate, new RegExp(plain.number.replace('+', '\\+')));
  }, 120_000);

  it('failures exit 1 with one line on stderr', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    const cases: Array<[string[], RegExp]> = [
      [['keys', 'create', '--name', 'x', '--company', unknown, '--json'], /company/i], // unknown company
      [['keys', 'create', '--name', 'x', '--ats', '--scopes', 'read:agents,fly:planes', '--json'], /fly:planes/], // bad scope
      [['keys', 'create', '--ats', '--json'], /--name/], // missing option
      [['keys', 'create', '--name', 'x', '--ats', '--company', companyId], /--company|--ats/],
      [['keys', 'create', '--name', 'x', '--ats', '--expires-at', 'tomorrow'], /expires-at/],
      [['keys', 'create', '--name', 'x', '--ats', '--allowed-ips', '300.1.1.1'], /300\.1\.1\.1/],
      [['companies', 'set-plan', unknown, '--monthly-minutes', '10'], /company/i],
      [['keys', 'revoke', unknown, '--json'], /key/i],
      [['phone-numbers', 'add', '--company', companyId, '--number', '555-1234'], /number/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(...args)));
    const reasons = cases.map(([, reason]) => reason);
    results.forEach((result, i) => expectFailure(result, reasons[i]!));
  }, 180_000);

  it('revoking or suspending a key with the CLI makes the running server refuse it within 1 s', async () => {
    const [toRevoke, toSuspend] = await Promise.all([
      json('keys', 'create', '--name', 'Soon revoked', '--company', companyId),
      json('keys', 'create', '--name', 'Soon suspended', '--company', companyId),
    ]);
    const watch = (key: string) => refusedAt(server.api(key));
    const revokedWatch = watch(toRevoke.key);
    const suspendedWatch = watch(toSuspend.key);
    const [revoked, suspended] = await Promise.all([json('keys', 'revoke', toRevoke.id), json('keys', 'suspend', toSuspend.id, '--reason', 'Unpaid invoice')]);
    expect(revoked).toMatchObject({ id: toRevoke.id, revokedAt: expect.any(String) });
    expect(revoked.key).toBeUndefined();
    expect(suspended).toMatchObject({ id: toSuspend.id, suspendReason: 'Unpaid invoice', suspendedAt: expect.any(String) });

    const [r, s] = await Promise.all([revokedWatch, suspendedWatch]);
    expect(envelopeError(r.response).code).toBe('INVALID_API_KEY');
    expect(envelopeError(s.response)).toMatchObject({ code: 'API_KEY_SUSPENDED', details: { reason: 'Unpaid invoice', suspendedAt: suspended.suspendedAt } });
    // Measured from the instant the CLI wrote the change (just before it committed).
    expect(r.at - Date.parse(revoked.revokedAt)).toBeLessThan(1000);
    expect(s.at - Date.parse(suspended.suspendedAt)).toBeLessThan(1000);
  }, 120_000);

  it('users create with --password-stdin: the user signs in to the running server as their role', async () => {
    const email = `Admin.${Date.now()}@Example.com`;
    const result = await runCli(['users', 'create', '--company', companyId, '--email', email, '--role', 'admin', '--password-stdin', '--json'], env, 'a long enough password\r\nignored second line\n');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const created = JSON.parse(result.stdout);
    expect(created).toMatchObject({ companyId, email: email.toLowerCase(), role: 'admin', disabledAt: null, lastSignInAt: null, invitationUrl: null });
    expect(created.id).toMatch(UUID);
    expect(JSON.stringify(created)).not.toMatch(/hash|long enough/i);

    const signedIn = await server.api()('POST', '/auth/sign-in', { body: { email, password: 'a long enough password' } });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: created.id, role: 'admin' });
    const cookie = (signedIn.headers.get('set-cookie') as string).split(';')[0] as string;
    const agents = await server.api()('GET', '/v1/agents', { headers: { cookie } });
    expect(agents.status, agents.text).toBe(200);

    // users disable ends the session at once, and sign-in is refused.
    const disabled = await json('users', 'disable', created.id);
    expect(disabled).toMatchObject({ id: created.id, disabledAt: expect.any(String) });
    expect((await server.api()('GET', '/v1/agents', { headers: { cookie } })).status).toBe(401);
    expect((await server.api()('POST', '/auth/sign-in', { body: { email, password: 'a long enough password' } })).status).toBe(401);
  }, 120_000);

  it('users create without a password prints a one-time set-password link; users list shows the users', async () => {
    const email = `recruiter.${Date.now()}@example.com`;
    const created = await json('users', 'create', '--company', companyId, '--email', email, '--role', 'recruiter');
    expect(created).toMatchObject({ email, role: 'recruiter', companyId });
    const link = new URL(created.invitationUrl);
    expect(link.pathname).toBe('/console/accept');
    expect(Date.parse(created.invitationExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const accepted = await server.api()('POST', '/auth/invitations/accept', { body: { token: link.searchParams.get('token'), password: 'chosen by the recruiter' } });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.user).toMatchObject({ id: created.id, role: 'recruiter' });

    const listed = await json('users', 'list', '--company', companyId);
    expect(listed.map((u: { email: string }) => u.email)).toContain(email);
    expect(JSON.stringify(listed)).not.toMatch(/hash|invitationUrl/i);
    const text = await cli('users', 'create', '--company', companyId, '--email', `text.${Date.now()}@example.com`, '--role', 'recruiter');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Set-password link \(shown once, valid 24 hours\): http\S+\/console\/accept\?token=/);
  }, 120_000);

  it('users commands fail with one line: a bad role, a short password, a duplicate email, an unknown company or user', async () => {
    const email = `dup.${Date.now()}@example.com`;
    await json('users', 'create', '--company', companyId, '--email', email, '--role', 'recruiter');
    expectFailure(await cli('users', 'create', '--company', companyId, '--email', email, '--role', 'owner'), /--role/);
    expectFailure(await runCli(['users', 'create', '--company', companyId, '--email', `short.${email}`, '--role', 'admin', '--password-stdin'], env, 'too short\n'), /at least 12 characters/);
    expectFailure(await cli('users', 'create', '--company', companyId, '--email', email.toUpperCase(), '--role', 'admin'), /already exists/);
    expectFailure(await cli('users', 'create', '--company', companyId, '--email', 'not-an-email', '--role', 'admin'), /--email/);
    expectFailure(await cli('users', 'create', '--company', crypto.randomUUID(), '--email', `x.${email}`, '--role', 'admin'), /company/);
    expectFailure(await cli('users', 'disable', crypto.randomUUID()), /user/);
  }, 120_000);
});

/** Polls with the key (keeping the server's cache warm) until it is refused; when that happened. */
async function refusedAt(api: ApiClient) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const response = await api('GET', '/v1/agents', { query: { limit: 1 } });
    if (response.status === 401) return { response, at: Date.now() };
    if (response.status !== 200) throw new Error(`unexpected ${response.status}: ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the key was never refused');
}

/** A grant reaches the server within the key cache's lifetime (< 1 s). */
async function eventually<T>(call: () => Promise<ApiResponse<T>>, status: number): Promise<ApiResponse<T>> {
  const deadline = Date.now() + 1500;
  for (;;) {
    const response = await call();
    if (response.status === status || Date.now() > deadline) {
      expect(response.status, response.text).toBe(status);
      return response;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
