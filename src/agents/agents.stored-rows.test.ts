import { Writable } from 'node:stream';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeError, freshDatabase, type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { insertCompany } from '../companies/repository.ts';
import { newCompanyRow } from '../companies/service.ts';
import { systemClock } from '../core/clock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest, migrationsFor } from '../db/migrations.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { findAgentRow, toAgent, toAgentRow } from './repository.ts';
import type { Agent } from './schema.ts';

// Every answer is shaped in JavaScript from the row's columns through the route's response
// schema; a stored value the schema refuses is never served (docs/decisions.md).

/** A pino destination that keeps every line. */
function sink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

const agentAt = (id: string, companyId: string): Agent => ({
  id,
  companyId,
  name: 'Inserted by SQL',
  type: 'ONLINE',
  focus: 'SCREENING',
  language: 'EN',
  duration: 30,
  questions: ['Straight "into" the table?'],
  instructions: null,
  voiceId: null,
  companyPhoneNumberId: null,
  cefrLevel: null,
  backgroundSound: 'OFFICE',
  metadata: { source: 'sql' },
  createdAt: '2026-01-02T03:04:05.678Z',
  updatedAt: '2026-01-02T03:04:05.678Z',
});

describe('agents shaped from their columns', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  const log = sink();

  beforeAll(async () => {
    server = await startTestServer({ logger: { level: 'warn', stream: log.stream } });
    acme = await server.company();
    other = await server.company();
  });
  afterAll(() => server.close());

  /** GET and the list show exactly `expected`, in its key order. */
  async function expectShownAs(api: SeededCompany['api'], expected: Record<string, unknown>) {
    const single = await api('GET', `/v1/agents/${String(expected.id)}`);
    expect(single.status, single.text).toBe(200);
    expect(single.body).toStrictEqual(expected);
    expect(Object.keys(single.body)).toEqual(Object.keys(expected));
    const list = await api<{ data: Record<string, unknown>[] }>('GET', '/v1/agents', { query: { limit: 100 } });
    expect(list.status, list.text).toBe(200);
    const item = list.body.data.find((a) => a.id === expected.id);
    expect(item).toStrictEqual(expected);
    expect(Object.keys(item ?? {})).toEqual(Object.keys(expected));
  }

  it('GET and the list answer what POST and PATCH answered, every field, type and character', async () => {
    const tricky = [
      { name: 'Quotes " and \\ backslash', questions: ['Line one\nline two\ttab', 'Ünïcödé — 日本語 🎉', 'Control \u0001 char'], instructions: 'Be "kind"\r\n' },
      { name: 'Nested metadata', metadata: { team: { name: 'platform', tags: ['a', 'b'], n: 1.5, ok: true, none: null }, 'key with "quotes"': 'v' } },
      { name: 'Language test', focus: 'LANGUAGE_TEST', cefrLevel: 'B2', language: 'DE', voiceId: 'EMMA', backgroundSound: 'OFF', duration: 180 },
      { name: 'Empty things', questions: [], metadata: {} },
    ];
    for (const body of tricky) {
      const created = await acme.api('POST', '/v1/agents', { body });
      expect(created.status, created.text).toBe(201);
      await expectShownAs(acme.api, created.body);
      const patched = await acme.api('PATCH', `/v1/agents/${created.body.id}`, { body: { name: `${body.name} "patched"`, metadata: { added: { deep: 'ü' } } } });
      expect(patched.status, patched.text).toBe(200);
      expect(patched.body.metadata.added).toEqual({ deep: 'ü' });
      await expectShownAs(acme.api, patched.body);
    }
  });

  it('serves a row an operator wrote or changed by SQL from its columns', async () => {
    const agent = agentAt('01a231da-0000-7000-8000-000000000001', acme.id);
    await server.deps.database.db.insertInto('agents').values({ ...toAgentRow(agent), companyId: acme.id }).execute();
    await expectShownAs(acme.api, { ...agent });
    await server.deps.database.db.updateTable('agents').set({ name: 'Updated by SQL', duration: 45, metadata: '{"source":"sql","n":2}' }).where('id', '=', agent.id).execute();
    await expectShownAs(acme.api, { ...agent, name: 'Updated by SQL', duration: 45, metadata: { source: 'sql', n: 2 } });
  });

  it('answers INTERNAL_ERROR for a stored value outside the schema, on GET and the list, and logs the row, field and value', async () => {
    const created = (await acme.api('POST', '/v1/agents', { body: { name: 'Operator broke me' } })).body;
    const byOther = await other.api('POST', '/v1/agents', { body: { name: 'Another tenant' } });
    await server.deps.database.db.updateTable('agents').set({ focus: 'NOT_A_FOCUS' }).where('id', '=', created.id).execute();

    for (const [path, field] of [
      [`/v1/agents/${created.id}`, 'focus'],
      ['/v1/agents', /^data\[\d+\]\.focus$/],
    ] as const) {
      const requestId = `unservable-${path.length}`;
      const answer = await acme.api('GET', path, { headers: { 'x-request-id': requestId } });
      expect(answer.status).toBe(500);
      expect(envelopeError(answer)).toEqual({ code: 'INTERNAL_ERROR', message: expect.any(String), details: {} });
      expect(answer.headers.get('x-request-id')).toBe(requestId);
      expect(answer.text).not.toContain('NOT_A_FOCUS');
      expect(answer.text).not.toMatch(/ResponseShapeError|\n\s+at /);
      const line = log.lines.find((l) => l.reqId === requestId && l.level === 50);
      expect(line, JSON.stringify(log.lines)).toMatchObject({ resourceId: created.id, field: expect.stringMatching(field), value: '"NOT_A_FOCUS"', route: expect.stringContaining('/agents') });
    }
    // The list of an unaffected page, and another tenant, are served.
    expect((await acme.api('GET', '/v1/agents', { query: { focus: 'OUTREACH' } })).status).toBe(200);
    const others = await other.api('GET', '/v1/agents');
    expect(others.status).toBe(200);
    expect(others.body.data).toEqual([byOther.body]);

    // The operator fixes the row: it is served again.
    await server.deps.database.db.updateTable('agents').set({ focus: 'SCREENING' }).where('id', '=', created.id).execute();
    expect((await acme.api('GET', `/v1/agents/${created.id}`)).body).toStrictEqual(created);
  });

  it('answers INTERNAL_ERROR, not the client\'s INVALID_JSON, for a stored JSON column that does not parse', async () => {
    const created = (await acme.api('POST', '/v1/agents', { body: { name: 'Broken metadata' } })).body;
    await server.deps.database.db.updateTable('agents').set({ metadata: '{not json' }).where('id', '=', created.id).execute();
    const answer = await acme.api('GET', `/v1/agents/${created.id}`, { headers: { 'x-request-id': 'unparseable-metadata' } });
    expect(answer.status).toBe(500);
    expect(envelopeError(answer).code).toBe('INTERNAL_ERROR');
    expect(log.lines.find((l) => l.reqId === 'unparseable-metadata' && l.level === 50)).toMatchObject({ msg: 'unhandled error', err: expect.objectContaining({ type: 'SyntaxError' }) });
    await server.deps.database.db.updateTable('agents').set({ metadata: '{}' }).where('id', '=', created.id).execute();
  });

  it('does the same for any resource: a job status written by SQL', async () => {
    const job = (await acme.api('POST', '/v1/jobs', { body: { title: 'Engineer', description: 'Builds things.' } })).body;
    await server.deps.database.db.updateTable('jobs').set({ status: 'ARCHIVED_BY_HAND' }).where('id', '=', job.id).execute();
    const answer = await acme.api('GET', `/v1/jobs/${job.id}`, { headers: { 'x-request-id': 'unservable-job' } });
    expect(answer.status).toBe(500);
    expect(envelopeError(answer).code).toBe('INTERNAL_ERROR');
    expect(log.lines.find((l) => l.reqId === 'unservable-job' && l.level === 50)).toMatchObject({ resourceId: job.id, field: 'status', value: '"ARCHIVED_BY_HAND"' });
  });
});

describe('migration 0011 drops api_json and its triggers', () => {
  it('leaves the agents stored before it served from their columns, and plain inserts working', async () => {
    const fresh = await freshDatabase();
    const database: Database = openDatabase(fresh.url);
    /** The triggers (and PostgreSQL's function) that rendered api_json. */
    const renderers = async () =>
      (database.kind === 'sqlite'
        ? await sql`select name from sqlite_master where type = 'trigger' and name like 'agents_api_json%'`.execute(database.db)
        : await sql`select tgname as name from pg_trigger where tgname like 'agents_api_json%' union all select proname from pg_proc where proname = 'agents_render_api_json'`.execute(database.db)
      ).rows;
    try {
      const migrator = new Migrator({ db: database.db as unknown as Kysely<unknown>, provider: { getMigrations: async () => migrationsFor(database.kind) } });
      expect((await migrator.migrateTo('0010_interview_sessions')).error).toBeUndefined();
      const company = newCompanyRow(systemClock, { name: 'Before 0011' });
      await insertCompany(database.db, company);
      const agent = agentAt('01a231da-0000-7000-8000-000000000002', company.id);
      // At 0010 the triggers render api_json for an insert that leaves it out.
      await database.db.insertInto('agents').values({ ...toAgentRow(agent), companyId: company.id }).execute();
      const before = await sql<{ rendered: string }>`select api_json as rendered from agents where id = ${agent.id}`.execute(database.db);
      expect(JSON.parse(before.rows[0]?.rendered ?? 'null')).toEqual(agent);
      expect((await renderers()).length).toBeGreaterThan(0);

      expect(await migrateToLatest(database)).toContain('0011_drop_agents_api_json');
      const column =
        database.kind === 'sqlite'
          ? await sql`select 1 from pragma_table_info('agents') where name = 'api_json'`.execute(database.db)
          : await sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = 'agents' and column_name = 'api_json'`.execute(database.db);
      expect(column.rows).toEqual([]);
      expect(await renderers()).toEqual([]);

      const scope = new TenantScope(database.db, company.id);
      const row = await findAgentRow(scope, agent.id);
      expect(row && toAgent(row)).toStrictEqual(agent);
      const second = agentAt('01a231da-0000-7000-8000-000000000003', company.id);
      await database.db.insertInto('agents').values({ ...toAgentRow(second), companyId: company.id }).execute();
      const inserted = await findAgentRow(scope, second.id);
      expect(inserted && toAgent(inserted)).toStrictEqual(second);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
