import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { insertCompany } from '../companies/repository.ts';
import { newCompanyRow } from '../companies/service.ts';
import { systemClock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { openDatabase } from '../db/database.ts';
import { renderJsonColumn } from '../db/json-rows.ts';
import { migrationsFor } from '../db/migrations.ts';
import { toAgentRow } from './repository.ts';
import type { Agent } from './schema.ts';

// GET's agent and the list's items are the JSON kept with the row in `api_json`
// (src/db/json-rows.ts): they must be exactly the agent POST answered with, whoever wrote the row —
// this code (the response shaper), or the database's triggers for a writer that left it out.
describe('agents rendered by the database are exactly the agents POST answers', () => {
  let server: TestServer;
  let acme: SeededCompany;

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company();
  });
  afterAll(() => server.close());

  const tricky = [
    { name: 'Plain' },
    { name: 'Quotes " and \\ backslash', questions: ['Line one\nline two\ttab', 'Ünïcödé — 日本語 🎉', 'Control \u0001 char'], instructions: 'Be "kind"\r\n' },
    { name: 'Nested metadata', metadata: { team: { name: 'platform', tags: ['a', 'b'], n: 1.5, ok: true, none: null }, 'key with "quotes"': 'v' } },
    { name: 'Language test', focus: 'LANGUAGE_TEST', cefrLevel: 'B2', language: 'DE', voiceId: 'EMMA', backgroundSound: 'OFF', duration: 180 },
    { name: 'Empty things', questions: [], metadata: {} },
  ];

  /** GET and the list show exactly `expected`, in its key order. */
  async function expectShownAs(expected: Record<string, unknown>) {
    const single = await acme.api('GET', `/v1/agents/${String(expected.id)}`);
    expect(single.status).toBe(200);
    expect(single.body).toStrictEqual(expected);
    expect(Object.keys(single.body)).toEqual(Object.keys(expected));
    const list = await acme.api<{ data: Record<string, unknown>[] }>('GET', '/v1/agents', { query: { limit: 100 } });
    const item = list.body.data.find((a) => a.id === expected.id);
    expect(item).toStrictEqual(expected);
    expect(Object.keys(item ?? {})).toEqual(Object.keys(expected));
  }

  it('keeps every field, type and character', async () => {
    const created: Record<string, unknown>[] = [];
    for (const body of tricky) {
      const response = await acme.api('POST', '/v1/agents', { body });
      expect(response.status, response.text).toBe(201);
      created.push(response.body);
    }
    const list = await acme.api('GET', '/v1/agents', { query: { limit: 100, order: 'asc' } });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: tricky.length, page: 1, limit: 100, totalPages: 1 });
    expect(list.body.data).toStrictEqual(created);
    for (const [i, item] of list.body.data.entries()) expect(Object.keys(item)).toEqual(Object.keys(created[i] as object));
    for (const agent of created) await expectShownAs(agent);
  });

  it('the database renders a row exactly as the shaper does, character for character', async () => {
    const db = server.deps.database.db;
    for (const body of tricky) {
      const created = await acme.api('POST', '/v1/agents', { body });
      // The same columns inserted without api_json, under another id: the database renders them.
      const { apiJson: _rendered, ...columns } = await db.selectFrom('agents').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
      const copyId = newId();
      await db.insertInto('agents').values({ ...columns, id: copyId }).execute();
      const copy = await acme.api('GET', `/v1/agents/${copyId}`);
      expect(copy.text).toBe(created.text.replace(created.body.id, copyId));
    }
  });

  it('follows every PATCH', async () => {
    const created = (await acme.api('POST', '/v1/agents', { body: { name: 'To patch', instructions: 'Be brief.', metadata: { a: 1, b: { c: 2 } } } })).body;
    const patched = await acme.api('PATCH', `/v1/agents/${created.id}`, { body: { name: 'Patched "once"', instructions: null, metadata: { a: null, b: { d: 'ü' } }, questions: ['New?'] } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Patched "once"', instructions: null, metadata: { b: { c: 2, d: 'ü' } }, questions: ['New?'] });
    await expectShownAs(patched.body);
  });

  it('follows rows written outside this code (an operator’s SQL, another process)', async () => {
    const db = server.deps.database.db;
    const now = new Date().toISOString();
    const agent: Agent = {
      id: '01a231da-0000-7000-8000-000000000001',
      companyId: acme.id,
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
      createdAt: now,
      updatedAt: now,
    };
    const { apiJson: _rendered, ...columns } = toAgentRow(agent);
    await db.insertInto('agents').values({ ...columns, companyId: acme.id }).execute();
    await expectShownAs({ ...agent });
    await db.updateTable('agents').set({ name: 'Updated by SQL', duration: 45, metadata: '{"source":"sql","n":2}' }).where('id', '=', agent.id).execute();
    await expectShownAs({ ...agent, name: 'Updated by SQL', duration: 45, metadata: { source: 'sql', n: 2 } });
  });

  const storedJson = async (id: string) => (await server.deps.database.db.selectFrom('agents').select('apiJson').where('id', '=', id).executeTakeFirstOrThrow()).apiJson;

  it('re-renders on an update of any one rendered column alone, and when api_json is set to NULL (SQLite: with recursive triggers on, too)', async () => {
    const db = server.deps.database.db;
    // An operator's session may turn recursive triggers on; the triggers must not fire themselves.
    if (server.deps.database.kind === 'sqlite') await sql`pragma recursive_triggers = on`.execute(db);
    const phone = await acme.api('POST', '/v1/phone-numbers', { body: { number: '+4930999001' } });
    const created = (await acme.api('POST', '/v1/agents', { body: { name: 'One column at a time' } })).body;
    const changes: Record<string, [column: string, stored: unknown, shown: unknown]> = {
      name: ['name', 'Renamed', 'Renamed'],
      type: ['type', 'PHONE', 'PHONE'],
      focus: ['focus', 'TECHNICAL', 'TECHNICAL'],
      language: ['language', 'DE', 'DE'],
      duration: ['duration', 42, 42],
      questions: ['questions', '["Q?"]', ['Q?']],
      instructions: ['instructions', 'Now set', 'Now set'],
      voiceId: ['voiceId', 'EMMA', 'EMMA'],
      companyPhoneNumberId: ['companyPhoneNumberId', phone.body.id, phone.body.id],
      cefrLevel: ['cefrLevel', 'C2', 'C2'],
      backgroundSound: ['backgroundSound', 'OFF', 'OFF'],
      metadata: ['metadata', '{"k":[1,2]}', { k: [1, 2] }],
      createdAt: ['createdAt', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'],
      updatedAt: ['updatedAt', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'],
    };
    let expected = { ...created };
    for (const [field, [column, stored, shown]] of Object.entries(changes)) {
      await db.updateTable('agents').set({ [column]: stored } as never).where('id', '=', created.id).execute();
      expected = { ...expected, [field]: shown };
      await expectShownAs(expected);
    }
    await db.updateTable('agents').set({ apiJson: null } as never).where('id', '=', created.id).execute();
    expect(JSON.parse(await storedJson(created.id))).toStrictEqual(expected);
    await expectShownAs(expected);
    await db.updateTable('agents').set((eb) => ({ name: eb.ref('name') })).where('id', '=', created.id).execute();
    await expectShownAs(expected);
    if (server.deps.database.kind === 'sqlite') await sql`pragma recursive_triggers = off`.execute(db);
  });

  it('keeps what the writer wrote: the triggers render nothing the repository already rendered', async () => {
    const db = server.deps.database.db;
    const created = (await acme.api('POST', '/v1/agents', { body: { name: 'Written by the repository' } })).body;
    const { apiJson: _rendered, ...columns } = await db.selectFrom('agents').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    const id = newId();
    await db.insertInto('agents').values({ ...columns, id, apiJson: '{"sentinel":1}' }).execute();
    expect(await storedJson(id)).toBe('{"sentinel":1}');
    await db.updateTable('agents').set({ name: 'Changed', apiJson: '{"sentinel":2}' }).where('id', '=', id).execute();
    expect(await storedJson(id)).toBe('{"sentinel":2}');
  });

  it('a soft delete re-renders the row with its new updatedAt', async () => {
    const created = (await acme.api('POST', '/v1/agents', { body: { name: 'To delete' } })).body;
    await new Promise((resolve) => setTimeout(resolve, 5)); // so the delete's updatedAt differs
    expect((await acme.api('DELETE', `/v1/agents/${created.id}`)).status).toBe(200);
    const row = await server.deps.database.db.selectFrom('agents').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.deletedAt).not.toBeNull();
    expect(row.updatedAt > created.updatedAt).toBe(true);
    expect(JSON.parse(row.apiJson)).toStrictEqual({ ...created, updatedAt: row.updatedAt });
  });
});

describe('migration 0007 renders the agents stored before it', () => {
  it('gives an existing agent its api_json, equal to what the API would answer; a later spec renders anew', async () => {
    const fresh = await freshDatabase();
    const database = openDatabase(fresh.url);
    try {
      const migrator = new Migrator({ db: database.db as unknown as Kysely<unknown>, provider: { getMigrations: async () => migrationsFor(database.kind) } });
      expect((await migrator.migrateTo('0006_queue_claim_order')).error).toBeUndefined();
      const company = newCompanyRow(systemClock, { name: 'Before 0007' });
      await insertCompany(database.db, company);
      const agent: Agent = {
        id: '01a231da-0000-7000-8000-000000000002',
        companyId: company.id,
        name: 'Stored before the column existed',
        type: 'PHONE',
        focus: 'LANGUAGE_TEST',
        language: 'FR',
        duration: 12,
        questions: ['Parlez-vous « français » ?'],
        instructions: 'Line\nbreak',
        voiceId: null,
        companyPhoneNumberId: null,
        cefrLevel: 'C1',
        backgroundSound: 'OFF',
        metadata: { nested: { list: [1, 'two', null] } },
        createdAt: '2026-01-02T03:04:05.678Z',
        updatedAt: '2026-01-02T03:04:05.678Z',
      };
      const { apiJson: _rendered, ...columns } = toAgentRow(agent);
      await database.db.insertInto('agents').values({ ...columns, companyId: company.id }).execute();
      expect((await migrator.migrateTo('0007_agents_api_json')).results?.map((r) => r.migrationName)).toEqual(['0007_agents_api_json']);
      const row = await database.db.selectFrom('agents').select('apiJson').where('id', '=', agent.id).executeTakeFirstOrThrow();
      expect(row.apiJson).toBe(JSON.stringify(agent));

      // What a later migration does when the agent's JSON changes: the same call with a new spec
      // replaces the triggers and renders every row anew.
      await renderJsonColumn(database.db as unknown as Kysely<unknown>, database.kind, { table: 'agents', column: 'api_json', spec: { id: { column: 'id' }, label: { column: 'name' } } });
      const again = await database.db.selectFrom('agents').select('apiJson').where('id', '=', agent.id).executeTakeFirstOrThrow();
      expect(again.apiJson).toBe(JSON.stringify({ id: agent.id, label: agent.name }));
      await database.db.updateTable('agents').set({ name: 'Renamed' }).where('id', '=', agent.id).execute();
      const renamed = await database.db.selectFrom('agents').select('apiJson').where('id', '=', agent.id).executeTakeFirstOrThrow();
      expect(renamed.apiJson).toBe(JSON.stringify({ id: agent.id, label: 'Renamed' }));
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
