import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAgentRows } from '../agents/repository.ts';
import { CreateAgentBody, type AgentListQuery } from '../agents/schema.ts';
import { insertAgent } from '../agents/service.ts';
import { ManualClock } from '../core/clock.ts';
import { listJobRows } from '../jobs/repository.ts';
import type { JobListQuery } from '../jobs/schema.ts';
import { type SeededCompany, startTestServer, type TestServer, testDatabaseKind } from '../../test/harness.ts';
import { openDatabase } from './database.ts';
import { TenantScope, TxScope } from './tenant-scope.ts';
import { TransactionClock } from './feed-clock.ts';
import { companyTransaction } from './transaction.ts';

/*
 * List pages run apart from the serving connection (src/db/paging.ts): on SQLite on reader
 * threads, on PostgreSQL on the pool. What must hold whatever runs them: a page never waits for a
 * transaction, sees what was committed before it was asked and nothing uncommitted, and is the
 * same page the serving connection would give; deep pages (PostgreSQL reads their ids first) are
 * exactly the slices of the whole list.
 */

const clock = new ManualClock('2026-03-01T08:00:00.000Z');
const firstPage = { page: 1, limit: 100, sort: 'createdAt', order: 'desc' } as const;

/** Fails instead of hanging when the list waits for something that waits for it. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), 10_000).unref())]);
}

describe('list pages', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let scope: TenantScope;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    scope = new TenantScope(server.deps.database.db, acme.id);
    const languages = ['EN', 'DE', 'FR'] as const;
    for (let i = 0; i < 30; i++) {
      // Three agents share each instant: only the id orders them.
      if (i % 3 === 0) clock.advance(1_000);
      const res = await acme.api('POST', '/v1/agents', { body: { name: `${i % 4 === 0 ? 'Kotlin' : 'Java'} screener ${i}`, language: languages[i % 3] } });
      expect(res.status, res.text).toBe(201);
      if (i % 5 === 0) clock.advance(100);
      if (i % 5 === 0) expect((await acme.api('PATCH', `/v1/agents/${(res.body as { id: string }).id}`, { body: { duration: 45 } })).status).toBe(200);
      if (i % 7 === 6) expect((await acme.api('DELETE', `/v1/agents/${(res.body as { id: string }).id}`)).status).toBe(200);
    }
    for (let i = 0; i < 9; i++) {
      const res = await acme.api('POST', '/v1/jobs', { body: { title: `Job number ${i}`, description: 'A job to list, page by page.', status: i % 2 ? 'OPEN' : 'CLOSED' } });
      expect(res.status, res.text).toBe(201);
    }
  });
  afterAll(() => server.close());

  const agentIds = async (query: Partial<AgentListQuery>) => {
    const page = await listAgentRows(scope, { ...firstPage, ...query } as AgentListQuery);
    return { ids: page.rows.map((a) => a.id), total: page.total };
  };

  it('answer while a transaction holds the serving connection: every row committed before, none of its uncommitted ones', async () => {
    const committed = await companyTransaction(clock, { scope }, (tx, time) => insertAgent(tx, time, CreateAgentBody.parse({ name: 'Committed before the list' })));
    const jobsBefore = await listJobRows(scope, { ...firstPage } as JobListQuery);
    const during = await server.deps.database.db.transaction().execute(async (trx) => {
      const pending = await insertAgent(new TxScope(trx, acme.id), new TransactionClock(scope.companyId, clock.now().toISOString()), CreateAgentBody.parse({ name: 'Not committed yet' }));
      // On SQLite this transaction holds the serving connection until it ends: a page that needed
      // it would wait for the transaction, which waits for the page.
      const agents = await within(agentIds({}), 'the agents page waited for the transaction');
      const jobs = await within(listJobRows(scope, { ...firstPage } as JobListQuery), 'the jobs page waited for the transaction');
      return { agents, jobs, pendingId: pending.id };
    });
    expect(during.agents.ids).toContain(committed.id);
    expect(during.agents.ids).not.toContain(during.pendingId);
    expect(during.jobs).toEqual(jobsBefore);
    const after = await agentIds({});
    expect(after.ids.slice(0, 2).sort()).toEqual([committed.id, during.pendingId].sort());
    expect(after.total).toBe(during.agents.total + 1);
  });

  it('page deep lists exactly as the whole list, with filters, updatedSince, both sorts and orders', async () => {
    const queries: Partial<AgentListQuery>[] = [{}, { search: 'kotlin' }, { language: 'DE' }, { updatedSince: '2026-03-01T08:00:05.000Z' }, { search: 'screener', language: 'FR' }];
    for (const query of queries) {
      for (const sort of ['createdAt', 'updatedAt'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const whole = await agentIds({ ...query, sort, order });
          const paged: string[] = [];
          for (let page = 1; page <= Math.ceil(whole.total / 4) + 1; page++) {
            const slice = await agentIds({ ...query, sort, order, page, limit: 4 });
            expect(slice.total).toBe(whole.total);
            paged.push(...slice.ids);
          }
          expect(paged, JSON.stringify({ query, sort, order })).toEqual(whole.ids);
        }
      }
    }
    const jobs = (query: Partial<JobListQuery>) => listJobRows(scope, { ...firstPage, ...query } as JobListQuery);
    const wholeJobs = await jobs({ status: 'OPEN', order: 'asc' });
    const pagedJobs = [];
    for (let page = 1; page <= 3; page++) pagedJobs.push(...(await jobs({ status: 'OPEN', order: 'asc', page, limit: 2 })).rows);
    expect(pagedJobs).toEqual(wholeJobs.rows);
  });

  it.skipIf(testDatabaseKind !== 'sqlite')('give from a reader thread exactly what the serving connection gives', async () => {
    const threads = openDatabase(server.databaseUrl);
    const serving = openDatabase(server.databaseUrl, { sqliteReaders: 0 });
    try {
      const [onThreads, onServing] = [new TenantScope(threads.db, acme.id), new TenantScope(serving.db, acme.id)];
      for (const query of [{}, { search: 'kotlin', page: 2, limit: 3 }, { page: 50 }, { updatedSince: '2026-03-01T08:00:05.000Z', sort: 'updatedAt' as const }]) {
        const agentQuery = { ...firstPage, ...query } as AgentListQuery;
        expect(await listAgentRows(onThreads, agentQuery)).toEqual(await listAgentRows(onServing, agentQuery));
        const jobQuery = { ...firstPage, ...query } as JobListQuery;
        expect(await listJobRows(onThreads, jobQuery)).toEqual(await listJobRows(onServing, jobQuery));
      }
    } finally {
      await threads.close();
      await serving.close();
    }
  });
});
