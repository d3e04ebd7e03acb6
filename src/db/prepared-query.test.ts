import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgentRow } from '../agents/repository.ts';
import { CreateAgentBody } from '../agents/schema.ts';
import { insertAgent } from '../agents/service.ts';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { TransactionClock } from './feed-clock.ts';
import { PreparedQuery } from './prepared-query.ts';
import { TenantScope, TxScope } from './tenant-scope.ts';
import { companyTransaction } from './transaction.ts';

// An agent with every default, as a create request without options would make it.
const input = CreateAgentBody.parse({ name: 'Prepared' });

describe('prepared queries', () => {
  let server: TestServer;
  let scope: TenantScope;
  let other: TenantScope;

  beforeAll(async () => {
    server = await startTestServer();
    scope = new TenantScope(server.deps.database.db, (await server.company()).id);
    other = new TenantScope(server.deps.database.db, (await server.company()).id);
  });
  afterAll(() => server.close());

  it('fill the caller company in: another company never sees the row', async () => {
    const agent = await companyTransaction(server.deps.clock, { scope }, (tx, time) => insertAgent(tx, time, input));
    expect((await findAgentRow(scope, agent.id))?.id).toBe(agent.id);
    expect(await findAgentRow(other, agent.id)).toBeUndefined();
  });

  it('never read what a transaction has not committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: (id: string) => void;
    const insertedId = new Promise<string>((resolve) => (inserted = resolve));
    const transaction = server.deps.database.db.transaction().execute(async (trx) => {
      const agent = await insertAgent(new TxScope(trx, scope.companyId), new TransactionClock(scope.companyId, new Date().toISOString()), input);
      inserted(agent.id);
      await held;
      throw new Error('roll back');
    });
    const id = await insertedId;
    // Issued while the transaction is open (SQLite: it waits for the connection), answered after
    // the rollback: the row never existed for anyone else.
    const during = findAgentRow(scope, id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(transaction).rejects.toThrow('roll back');
    expect(await during).toBeUndefined();
    expect(await findAgentRow(scope, id)).toBeUndefined();
  });

  it('refuse a builder that transforms an argument instead of passing it on', async () => {
    const lowered = new PreparedQuery((s, args: { name: string }) => s.selectFrom('agents').selectAll().where('name', '=', String(args.name).toLowerCase()));
    await expect(lowered.execute(scope, { name: 'X' })).rejects.toThrow(/never reach the SQL/);
  });
});
