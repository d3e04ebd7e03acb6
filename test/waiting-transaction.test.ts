import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAgentBody } from '../src/agents/schema.ts';
import { insertAgent } from '../src/agents/service.ts';
import { TenantScope } from '../src/db/tenant-scope.ts';
import { companyTransaction } from '../src/db/transaction.ts';
import { type SeededCompany, startTestServer, type TestServer } from './harness.ts';

/*
 * A transaction that waits (here a 200 ms timer, standing for a slow statement or a mistake) while
 * other requests and queries arrive: on SQLite it holds the one connection, so the others wait for
 * it; nothing hangs, fails or is lost. Outcomes only: how long anything took is not asserted.
 */

interface Agent {
  id: string;
  name: string;
}

describe('a transaction that waits on a timer', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let existing: Agent;

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
    existing = (await acme.api<Agent>('POST', '/v1/agents', { body: { name: 'Existing' } })).body;
  });
  afterAll(() => server.close());

  it('delays the requests and queries that arrive meanwhile, and fails none of them', async () => {
    const scope = new TenantScope(server.deps.database.db, acme.id);
    let waiting!: () => void;
    const isWaiting = new Promise<void>((resolve) => (waiting = resolve));
    const slow = (name: string, signal?: () => void) =>
      companyTransaction(server.deps.clock, { scope }, async (tx, time) => {
        const agent = await insertAgent(tx, time, CreateAgentBody.parse({ name }));
        signal?.();
        await sleep(200);
        return agent;
      });
    const first = slow('Slow one', waiting);
    await isWaiting;

    const requests = [
      ...Array.from({ length: 5 }, (_, i) => acme.api<Agent>('POST', '/v1/agents', { body: { name: `Meanwhile ${i}` } })),
      acme.api<Agent>('GET', `/v1/agents/${existing.id}`),
      acme.api('GET', '/v1/agents', { query: { limit: 100 } }),
      acme.api<Agent>('PATCH', `/v1/agents/${existing.id}`, { body: { name: 'Patched meanwhile' } }),
      acme.api('POST', '/v1/jobs', { body: { title: 'Meanwhile', description: 'A job created while a transaction waits.' } }),
    ];
    const second = slow('Slow two');
    const query = server.deps.database.db.selectFrom('agents').select('id').where('companyId', '=', acme.id).execute();

    const answers = await Promise.all(requests);
    for (const answer of answers) expect(answer.status, answer.text).toBeLessThan(300);
    const [one, two] = await Promise.all([first, second]);
    expect((await query).length).toBeGreaterThanOrEqual(1);

    const list = await acme.api<{ data: Agent[]; pagination?: unknown }>('GET', '/v1/agents', { query: { limit: 100 } });
    const names = list.body.data.map((a) => a.name).sort();
    expect(names).toEqual(['Meanwhile 0', 'Meanwhile 1', 'Meanwhile 2', 'Meanwhile 3', 'Meanwhile 4', 'Patched meanwhile', 'Slow one', 'Slow two']);
    expect(list.body.data.map((a) => a.id)).toEqual(expect.arrayContaining([one.id, two.id]));
  });
});
