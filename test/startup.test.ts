import { afterAll, describe, expect, it } from 'vitest';
import { envelopeError, type FreshDatabase, freshDatabase, testDatabaseKind, testEnv } from './harness.ts';
import { countRows, type Exit, randomKey, runCli, type ServerProcess, startServerProcess } from './process-harness.ts';

const KEY = /sk_(live|test)_[A-Za-z0-9]{32,}/g;
const keysIn = (text: string) => text.match(KEY) ?? [];

describe(`start-up (${testDatabaseKind})`, () => {
  const databases: FreshDatabase[] = [];
  const servers: ServerProcess[] = [];
  const fresh = async () => {
    const database = await freshDatabase();
    databases.push(database);
    return database;
  };
  const start = async (url: string, env: Record<string, string> = {}) => {
    const server = await startServerProcess(url, { env: { LOG_LEVEL: 'info', ...env } });
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    for (const database of databases) await database.drop();
  });

  it('the first start on an empty database prints one key that works; the next start prints none; SIGTERM exits 0', async () => {
    const { url } = await fresh();
    const first = await start(url);
    const printed = keysIn(first.stdout() + first.stderr());
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^sk_live_/);
    // Printed on stdout, once (the request log never repeats it).
    expect(keysIn(first.stdout())).toHaveLength(1);
    // The log says which interviewer speaks, and why.
    expect(first.stdout()).toContain('interviewer: structured (LLM_BASE_URL and LLM_MODEL not set)');

    const api = first.api(printed[0]);
    const created = await api('POST', '/v1/agents', { body: { name: 'First agent' } });
    expect(created.status).toBe(201);
    const company = await api('GET', '/v1/company');
    expect(company.status).toBe(200);
    expect(company.body.data).toHaveLength(1);
    expect(keysIn(first.stdout() + first.stderr())).toHaveLength(1);
    // How to reach the console and create its first user (issue 15), with this company's id.
    const companyId = company.body.data[0].id as string;
    expect(first.stdout()).toContain(`${first.baseUrl}/console/`);
    expect(first.stdout()).toContain(`npx interviewd users create --company ${companyId} --email you@example.com --role admin`);

    expect(await first.kill('SIGTERM')).toEqual({ code: 0, signal: null });

    // A later start without any console user says how to create one; once one exists, nothing.
    const reminded = await start(url);
    expect(keysIn(reminded.stdout())).toEqual([]);
    expect(reminded.stdout()).toContain('No console user yet');
    const user = await runCli(['users', 'create', '--company', companyId, '--email', 'first@example.com', '--role', 'admin', '--json'], testEnv(url));
    expect(user.code, user.stderr).toBe(0);
    expect(await reminded.kill('SIGTERM')).toEqual({ code: 0, signal: null });

    const second = await start(url);
    expect(keysIn(second.stdout() + second.stderr())).toEqual([]);
    expect(second.stdout()).not.toContain('No console user yet');
    expect((await second.api(printed[0])('GET', `/v1/agents/${created.body.id}`)).status).toBe(200);
    expect(await countRows(url, 'companies')).toBe(1);
    expect(await countRows(url, 'apiKeys')).toBe(1);
  }, 120_000);

  it('INTERVIEWD_BOOTSTRAP_KEY becomes the first key, exactly', async () => {
    const { url } = await fresh();
    const key = randomKey();
    const server = await start(url, { INTERVIEWD_BOOTSTRAP_KEY: key });
    expect(keysIn(server.stdout())).toEqual([key]);
    expect((await server.api(key)('GET', '/v1/agents')).status).toBe(200);
    const other = await server.api(randomKey())('GET', '/v1/agents');
    expect(other.status).toBe(401);
    expect(envelopeError(other).code).toBe('INVALID_API_KEY');
  }, 120_000);

  // Migrations and the bootstrap are serialised across processes (advisory lock / lock file).
  it('three processes starting together on one empty database all become ready and bootstrap once', async () => {
    const { url } = await fresh();
    const three = await Promise.all([start(url), start(url), start(url)]);
    const printed = three.flatMap((s) => keysIn(s.stdout()));
    expect(printed).toHaveLength(1);
    for (const server of three) expect((await server.api(printed[0])('GET', '/v1/agents')).status).toBe(200);
    expect(await countRows(url, 'companies')).toBe(1);
    expect(await countRows(url, 'apiKeys')).toBe(1);
  }, 180_000);

  it('a bad configuration value stops the process with a message naming the variable', async () => {
    const url = `sqlite:/nonexistent-dir-never-used/x.db`;
    const cases: Array<[Record<string, string>, string]> = [
      [{ PORT: 'abc' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
      [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE'],
      [{ INTERVIEWD_BOOTSTRAP_KEY: 'sk_live_short' }, 'INTERVIEWD_BOOTSTRAP_KEY'],
      [{ AUTH_FAILURES_PER_MINUTE: '0' }, 'AUTH_FAILURES_PER_MINUTE'],
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '10.0.0.1, 10.0.0.0/33' }, 'TRUST_PROXY'],
      [{ REQUEST_TIMEOUT_MS: '0' }, 'REQUEST_TIMEOUT_MS'],
      [{ SHUTDOWN_GRACE_MS: 'soon' }, 'SHUTDOWN_GRACE_MS'],
    ];
    const results = await Promise.all(cases.map(([env]) => runCli(['serve'], { ...testEnv(url), ...env })));
    results.forEach((result, i) => {
      const [, variable] = cases[i]!;
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(variable);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    });
  }, 120_000);

  it('SIGTERM while requests are in flight answers them, then exits 0 promptly', async () => {
    const { url } = await fresh();
    const key = randomKey();
    const server = await start(url, { INTERVIEWD_BOOTSTRAP_KEY: key, LOG_LEVEL: 'warn' });
    const api = server.api(key);
    let created = 0;
    let exit: Promise<Exit> | undefined;
    let signalledAt = 0;
    // Keep-alive clients keep sending; SIGTERM lands while some of their requests are running.
    const worker = async (w: number) => {
      for (let i = 0; ; i++) {
        try {
          const response = await api('POST', '/v1/agents', { body: { name: `Drained ${w} ${i}` } });
          if (response.status === 201) created++;
          else expect(response.status).toBe(503); // arrived while closing
        } catch {
          /* refused or reset before it was read: never processed (checked below) */
        }
        if (created >= 30 && !exit) {
          signalledAt = Date.now();
          exit = server.kill('SIGTERM');
        }
        if (exit) return;
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, w) => worker(w)));
    expect(await exit).toEqual({ code: 0, signal: null });
    // Draining waits for running requests, not for idle keep-alive connections to time out.
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    // Every create that committed was answered.
    expect(await countRows(url, 'agents')).toBe(created);
  }, 120_000);
});
