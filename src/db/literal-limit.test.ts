import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { literalLimit } from './literal-limit.ts';

describe('literal LIMIT', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is written into the SQL, with no parameter, on this database', async () => {
    const query = server.deps.database.db.selectFrom('agents').select('id').limit(literalLimit(20)).offset(40).compile();
    expect(query.sql).toMatch(/ limit 20 offset (\?|\$1)$/);
    expect(query.parameters).toEqual([40]);
    expect(await server.deps.database.db.selectFrom('agents').select('id').limit(literalLimit(0)).execute()).toEqual([]);
  });

  it('refuses anything but a non-negative integer', () => {
    for (const bad of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(() => literalLimit(bad)).toThrow(/non-negative integer/);
  });
});
