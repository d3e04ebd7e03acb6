import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase, testDatabaseKind } from './harness.ts';
import { randomKey, type ServerProcess, startServerProcess } from './process-harness.ts';

/**
 * A committed create survives a crash: the server is killed with SIGKILL in the middle of a burst
 * of concurrent POST /v1/agents, restarted on the same database, and every create it answered
 * 201 is there with the same body.
 */
describe(`crash safety (${testDatabaseKind})`, () => {
  let fresh: FreshDatabase;
  const key = randomKey();
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    for (const server of servers) await server.kill('SIGKILL');
    await fresh?.drop();
  });

  const start = async () => {
    const server = await startServerProcess(fresh.url, { env: { INTERVIEWD_BOOTSTRAP_KEY: key } });
    servers.push(server);
    return server;
  };

  it('every agent answered 201 before a SIGKILL is readable after a restart', async () => {
    const answered = new Map<string, Record<string, unknown>>();
    let failedAfterKill = 0;

    // Two rounds: a crash, a restart, another crash (recovery itself must leave a sound database).
    for (let round = 0; round < 2; round++) {
      const server = await start();
      const api = server.api(key);
      let killed = false;
      let roundSuccesses = 0;
      const worker = async (w: number) => {
        for (let i = 0; ; i++) {
          try {
            const response = await api('POST', '/v1/agents', { body: { name: `Agent r${round} w${w} #${i}`, questions: ['Why?'], metadata: { round, w, i } } });
            if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${response.text}`);
            const body = response.body as Record<string, unknown>;
            answered.set(body.id as string, body);
            if (++roundSuccesses === 60) {
              // Kill while the other workers' requests are in flight.
              killed = true;
              server.child.kill('SIGKILL');
            }
          } catch (error) {
            if (!killed) throw error;
            failedAfterKill++;
            return;
          }
        }
      };
      await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
      const exit = await server.exited;
      expect(exit.signal).toBe('SIGKILL');
    }
    // The kill really interrupted requests in flight.
    expect(failedAfterKill).toBeGreaterThan(0);
    expect(answered.size).toBeGreaterThanOrEqual(120);

    const server = await start();
    const api = server.api(key);
    for (const [id, body] of answered) {
      const response = await api('GET', `/v1/agents/${id}`);
      expect(response.status, `agent ${id}`).toBe(200);
      expect(response.body).toEqual(body);
    }
    const list = await api('GET', '/v1/agents', { query: { limit: 1 } });
    expect(list.status).toBe(200);
    // Rows committed but never answered may exist; none answered may be missing.
    expect(list.body.total).toBeGreaterThanOrEqual(answered.size);
    // The restarted server works normally.
    const after = await api('POST', '/v1/agents', { body: { name: 'After the crash' } });
    expect(after.status).toBe(201);
  }, 180_000);
});
