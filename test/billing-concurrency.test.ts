/**
 * §10 billing across processes: two `interviewd serve` processes on one PostgreSQL database, a
 * company with room for exactly three interviews, twenty concurrent creates spread over both →
 * exactly three 201s, the rest 402, and the committed minutes never above the allowance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { envelopeError, type FreshDatabase, freshDatabase, testDatabaseKind } from './harness.ts';
import { seedCompanyKey, type ServerProcess, startServerProcess } from './process-harness.ts';

const onPostgres = testDatabaseKind === 'postgres';
const ALLOWANCE = 90;
const DURATION = 30; // room for exactly ALLOWANCE / DURATION = 3 interviews
const CANDIDATE = { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com' };
const AGENT = { name: 'Generic interviewer', focus: 'GENERIC', duration: DURATION };

describe('billing across two server processes (PostgreSQL)', () => {
  let fresh: FreshDatabase | undefined;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    if (!onPostgres) return;
    fresh = await freshDatabase('postgres');
    await seedCompanyKey(fresh.url); // migrates before both processes start
    const env = { DEFAULT_MONTHLY_MINUTES: String(ALLOWANCE) };
    servers = await Promise.all([startServerProcess(fresh.url, { env }), startServerProcess(fresh.url, { env })]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    await fresh?.drop();
  });

  /** Reads what was committed straight from the database. */
  async function committed(companyId: string) {
    const database = openDatabase((fresh as FreshDatabase).url, { poolSize: 1 });
    try {
      const rows = await database.db.selectFrom('interviews').select(['status', 'reservedMinutes', 'isTest']).where('companyId', '=', companyId).where('deletedAt', 'is', null).execute();
      const reserved = rows.filter((r) => r.isTest === 0 && (r.status === 'SCHEDULED' || r.status === 'IN_PROGRESS')).reduce((sum, r) => sum + r.reservedMinutes, 0);
      const count = async (table: 'candidates' | 'agents') =>
        Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('companyId', '=', companyId).executeTakeFirstOrThrow()).n);
      return { interviews: rows.length, reserved, candidates: await count('candidates'), agents: await count('agents') };
    } finally {
      await database.close();
    }
  }

  /** Fires `bodies` at once, alternating between the two processes; answers the statuses. */
  async function burst(key: string, bodies: Record<string, unknown>[]): Promise<number[]> {
    const responses = await Promise.all(bodies.map((body, i) => (servers[i % 2] as ServerProcess).api(key)('POST', '/v1/interviews', { body })));
    for (const res of responses) {
      if (res.status === 201) continue;
      expect({ status: res.status, code: envelopeError(res).code }, res.text).toEqual({ status: 402, code: 'BILLING_LIMIT_REACHED' });
    }
    return responses.map((r) => r.status);
  }

  it.skipIf(!onPostgres)('existing candidate and agent: exactly 3 × 201, 17 × 402, committed never above the allowance', async () => {
    const { companyId, key } = await seedCompanyKey((fresh as FreshDatabase).url);
    const api = (servers[0] as ServerProcess).api(key);
    const agent = await api('POST', '/v1/agents', { body: AGENT });
    const candidate = await api('POST', '/v1/candidates', { body: CANDIDATE });
    expect([agent.status, candidate.status]).toEqual([201, 201]);

    const statuses = await burst(key, Array.from({ length: 20 }, () => ({ agentId: agent.body.id, candidateId: candidate.body.id })));
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 402)).toHaveLength(17);
    const state = await committed(companyId);
    expect(state).toMatchObject({ interviews: 3, reserved: ALLOWANCE });

    // Once full, both processes keep refusing; a cancellation frees exactly one slot.
    const more = await burst(key, Array.from({ length: 4 }, () => ({ agentId: agent.body.id, candidateId: candidate.body.id })));
    expect(more).toEqual([402, 402, 402, 402]);
    const list = await api('GET', '/v1/interviews', { query: { limit: 100 } });
    expect((await api('POST', `/v1/interviews/${list.body.data[0].id}/cancel`)).status).toBe(200);
    const again = await burst(key, Array.from({ length: 10 }, () => ({ agentId: agent.body.id, candidateId: candidate.body.id })));
    expect(again.filter((s) => s === 201)).toHaveLength(1);
    expect((await committed(companyId)).reserved).toBe(ALLOWANCE);
  }, 60_000);

  it.skipIf(!onPostgres)('inline candidate and agent in every request: exactly 3 × 201, the rest 402 and nothing left behind', async () => {
    const { companyId, key } = await seedCompanyKey((fresh as FreshDatabase).url);
    const bodies = Array.from({ length: 20 }, (_, i) => ({ agent: { ...AGENT, name: `Interviewer ${i}` }, candidate: { ...CANDIDATE, firstName: `Ana ${i}` } }));
    const statuses = await burst(key, bodies);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 402)).toHaveLength(17);
    expect(await committed(companyId)).toEqual({ interviews: 3, reserved: ALLOWANCE, candidates: 3, agents: 3 });
  }, 60_000);
});
