import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgentRow, insertAgentRow } from '../agents/repository.ts';
import { CreateAgentBody } from '../agents/schema.ts';
import { insertAgent } from '../agents/service.ts';
import { newId } from '../core/ids.ts';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { isUniqueViolation } from './constraint-errors.ts';
import type { DB } from './schema.ts';
import { TenantScope, TxScope } from './tenant-scope.ts';
import { companyTransaction, transact } from './transaction.ts';

/*
 * Transactions on both databases: a root-database query from inside a transaction's callback is
 * refused at once (SQLite would wait for ever for the connection the transaction holds; PostgreSQL
 * would run it outside the transaction), work outside it is not, and Kysely's savepoints work.
 */

const input = CreateAgentBody.parse({ name: 'Transaction test' });

/** Fails instead of hanging when a query waits for the transaction that waits for it. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), 5_000).unref())]);
}

describe('transactions', () => {
  let server: TestServer;
  let scope: TenantScope;

  beforeAll(async () => {
    server = await startTestServer();
    scope = new TenantScope(server.deps.database.db, (await server.company()).id);
  });
  afterAll(() => server.close());

  const clock = () => server.deps.clock;
  const trxScope = (trx: Transaction<DB>) => new TxScope(trx, scope.companyId);

  it('refuse a read through the request scope inside the callback, at once and naming the mistake; the transaction rolls back', async () => {
    let agentId = '';
    const attempt = companyTransaction(clock(), { scope }, async (tx, time) => {
      agentId = (await insertAgent(tx, time, input)).id;
      return findAgentRow(scope, agentId); // the request's scope, not `tx`
    });
    await expect(within(attempt, 'the read waited for the transaction')).rejects.toThrow(/from inside one of its transactions/);
    expect(await findAgentRow(scope, agentId)).toBeUndefined();
  });

  it('refuse the root database inside transact(), and a transaction nested in it', async () => {
    const { db } = server.deps.database;
    const read = transact(db, clock(), scope.companyId, undefined, () => db.selectFrom('companies').select('id').execute());
    await expect(within(read, 'the read waited')).rejects.toThrow(/from inside one of its transactions/);
    const nested = transact(db, clock(), scope.companyId, undefined, () => transact(db, clock(), scope.companyId, undefined, async () => 1));
    await expect(within(nested, 'the nested transaction waited')).rejects.toThrow(/from inside one of its transactions/);
  });

  it('let work started inside the callback use the root database once the transaction has ended', async () => {
    // The work waits for the commit itself, not for a timer: on a busy machine a timer could fire
    // between the callback's end and the COMMIT, where PostgreSQL does not yet show the row.
    let committed!: () => void;
    const commit = new Promise<void>((resolve) => (committed = resolve));
    let later!: Promise<unknown>;
    const agent = await companyTransaction(clock(), { scope }, async (tx, time) => {
      const created = await insertAgent(tx, time, input);
      later = commit.then(() => findAgentRow(scope, created.id));
      return created;
    });
    committed();
    expect(await later).toMatchObject({ id: agent.id });
  });

  it('leave queries of other async chains alone while a transaction is open', async () => {
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const transaction = companyTransaction(clock(), { scope }, async (tx, time) => {
      const created = await insertAgent(tx, time, input);
      opened();
      await finished;
      return created;
    });
    await isOpen;
    // SQLite: it waits for the connection until the transaction ends; PostgreSQL: it runs now.
    const outside = findAgentRow(scope, 'not-an-agent');
    finish();
    await transaction;
    expect(await outside).toBeUndefined();
  });

  it('support Kysely savepoints: roll back to one after a failed statement and commit the rest', async () => {
    const { db } = server.deps.database;
    const rowOf = (name: string) => ({ ...input, id: newId(), companyId: scope.companyId, name, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
    const [kept, undone] = [rowOf('Kept'), rowOf('Undone')];
    const trx = await db.startTransaction().execute();
    try {
      await insertAgentRow(trxScope(trx), kept);
      const afterKept = await trx.savepoint('after_kept').execute();
      await insertAgentRow(trxScope(afterKept), undone);
      // A failed statement aborts a PostgreSQL transaction unless its savepoint is rolled back.
      const duplicate = await insertAgentRow(trxScope(afterKept), kept).catch((error: unknown) => error);
      expect(isUniqueViolation(duplicate)).toBe(true);
      const rolledBack = await afterKept.rollbackToSavepoint('after_kept').execute();
      const released = await rolledBack.releaseSavepoint('after_kept').execute();
      await released.commit().execute();
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
    expect((await findAgentRow(scope, kept.id))?.name).toBe('Kept');
    expect(await findAgentRow(scope, undone.id)).toBeUndefined();
  });

  // Checked by `tsc` (npm test's typecheck), never run: writing through the request's scope
  // inside a transaction does not compile.
  function _compileOnly() {
    void companyTransaction(clock(), { scope }, async (_tx, time) => {
      // @ts-expect-error the request's scope only reads; writes need the transaction's TxScope
      await insertAgent(scope, time, input);
      // @ts-expect-error likewise a repository write
      await insertAgentRow(scope, { ...input, id: '', companyId: '', createdAt: '', updatedAt: '' });
    });
  }
  void _compileOnly;
});
