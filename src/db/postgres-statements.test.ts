/**
 * Named statements on PostgreSQL are a bounded least-recently-used set per connection: an evicted
 * statement is deallocated on the server at the connection's next checkout, and a text that comes
 * back is prepared again under a new name. Read from the server's own `pg_prepared_statements`.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase, testDatabaseKind } from '../../test/harness.ts';
import { withNamedStatements } from './postgres-statements.ts';

describe.skipIf(testDatabaseKind !== 'postgres')('PostgreSQL named statements: a bounded LRU set per connection', () => {
  let fresh: FreshDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    fresh = await freshDatabase('postgres');
    pool = new pg.Pool({ connectionString: fresh.url, max: 1 }); // one connection: every checkout is the same one
  });
  afterAll(async () => {
    await pool.end();
    await fresh.drop();
  });

  const text = (n: number) => `select ${n}::int as n`;

  /** The statements prepared on the pool's one connection, as the server lists them (read unnamed). */
  async function preparedTexts(): Promise<string[]> {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ statement: string }>('select statement from pg_prepared_statements order by statement');
      return rows.map((r) => r.statement);
    } finally {
      client.release();
    }
  }

  it('keeps the most recently used, deallocates the evicted at the next checkout, and prepares a returning text again', async () => {
    const named = withNamedStatements(pool, 3);
    const run = async (n: number) => {
      const connection = await named.connect();
      try {
        const result = await connection.query(text(n), []);
        expect(result.rows).toEqual([{ n }]);
      } finally {
        connection.release();
      }
    };

    for (const n of [1, 2, 3]) await run(n);
    expect(await preparedTexts()).toEqual([text(1), text(2), text(3)]);

    await run(1); // 1 is now the most recently used: 2 is the oldest
    await run(4); // evicts 2
    await run(1); // a checkout: 2 is deallocated
    expect(await preparedTexts()).toEqual([text(1), text(3), text(4)]);

    await run(2); // back again: prepared anew, evicting 3
    await run(4);
    expect(await preparedTexts()).toEqual([text(1), text(2), text(4)]);

    for (let n = 10; n < 60; n++) await run(n);
    await run(59);
    expect(await preparedTexts()).toEqual([text(57), text(58), text(59)]);
  });
});
