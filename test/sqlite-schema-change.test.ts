import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededCompany, startTestServer, type TestServer, testDatabaseKind } from './harness.ts';

/*
 * A schema change made by another connection (an operator's SQL, a migration run by another
 * process) while the server runs, with its statements prepared and cached: every read and write
 * afterwards still puts each value under its own name. `select *` changes its columns' order when
 * a table is rebuilt (SQLite's way to change a column), so the names must be read with the rows.
 */

interface AgentBody {
  id: string;
  name: string;
  [field: string]: unknown;
}

const AGENTS = [
  { name: 'Backend screener', type: 'ONLINE', focus: 'SCREENING', language: 'EN', duration: 25, questions: ['Tell me about a system you scaled.'], instructions: 'Be brief.', metadata: { team: 'platform' } },
  { name: 'German test', focus: 'LANGUAGE_TEST', language: 'DE', cefrLevel: 'B2', questions: ['Wie geht es?'], backgroundSound: 'OFF' },
  { name: 'Outreach', focus: 'OUTREACH', duration: 10 },
];

/** Rebuilds `table` with its columns in reverse order (plus `note` first), keeping its key, indexes and triggers. */
function rebuildReversed(file: string, table: string): void {
  const other = new BetterSqlite3(file);
  try {
    other.pragma('foreign_keys = OFF');
    other.pragma('busy_timeout = 5000');
    const columns = other.pragma(`table_xinfo(${table})`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const dependents = other.prepare(`select sql from sqlite_master where tbl_name = ? and type in ('index', 'trigger') and sql is not null`).all(table) as { sql: string }[];
    const definitions = [...columns]
      .reverse()
      .map((c) => `"${c.name}" ${c.type}${c.pk ? ' primary key' : ''}${c.notnull ? ' not null' : ''}${c.dflt_value === null ? '' : ` default ${c.dflt_value}`}`);
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    other.exec(`begin immediate;
      alter table ${table} add column added_later text not null default 'added';
      create table ${table}_rebuilt (note text, ${definitions.join(', ')}, added_later text not null default 'added');
      insert into ${table}_rebuilt (note, ${names}, added_later) select 'rebuilt', ${names}, added_later from ${table};
      drop table ${table};
      alter table ${table}_rebuilt rename to ${table};
      ${dependents.map((d) => `${d.sql};`).join('\n')}
      commit;`);
  } finally {
    other.close();
  }
}

describe.runIf(testDatabaseKind === 'sqlite')('a schema change under the running server (SQLite)', () => {
  let server: TestServer;
  let acme: SeededCompany;
  const before = new Map<string, AgentBody>();

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
    for (const agent of AGENTS) {
      const created = await acme.api<AgentBody>('POST', '/v1/agents', { body: agent });
      expect(created.status, created.text).toBe(201);
      before.set(created.body.id, created.body);
    }
  });
  afterAll(() => server.close());

  const get = async (id: string) => {
    const res = await acme.api<AgentBody>('GET', `/v1/agents/${id}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const list = async () => {
    const res = await acme.api<{ data: AgentBody[] }>('GET', '/v1/agents', { query: { limit: 100, order: 'asc' } });
    expect(res.status, res.text).toBe(200);
    return res.body.data;
  };
  const patch = async (id: string, body: object) => {
    const res = await acme.api<AgentBody>('PATCH', `/v1/agents/${id}`, { body });
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  it('reads and writes every field under its own name afterwards (GET, list, PATCH, a new interview)', async () => {
    const [first, second] = [...before.keys()] as [string, string];
    // Every statement these paths use is prepared and cached now.
    for (const id of before.keys()) expect(await get(id)).toEqual(before.get(id));
    expect(await list()).toEqual([...before.values()]);
    const patched = await patch(first, { instructions: 'Be briefer.' });
    before.set(first, patched);

    rebuildReversed(server.databaseUrl.slice('sqlite:'.length), 'agents');

    for (const id of before.keys()) expect(await get(id)).toEqual(before.get(id));
    expect(await list()).toEqual([...before.values()]);
    const again = await patch(second, { duration: 40 });
    expect(again).toEqual({ ...before.get(second), duration: 40, updatedAt: again.updatedAt });
    expect(await get(second)).toEqual(again);
    const interview = await acme.api('POST', '/v1/interviews', { body: { agentId: first, candidate: { firstName: 'Ada', lastName: 'L', email: 'ada@example.com' }, job: { title: 'Backend engineer', description: 'Builds the API.' } } });
    expect(interview.status, interview.text).toBe(201);
    expect((interview.body as { agentId: string }).agentId).toBe(first);
  });
});
