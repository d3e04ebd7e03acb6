import { CompiledQuery, type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAgentRows, toAgentRow } from '../agents/repository.ts';
import type { AgentListQuery } from '../agents/schema.ts';
import { listCandidateRows } from '../candidates/repository.ts';
import type { CandidateListQuery } from '../candidates/schema.ts';
import { insertCompany } from '../companies/repository.ts';
import { newCompanyRow } from '../companies/service.ts';
import { systemClock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { listInterviewRecords } from '../interviews/repository.ts';
import type { InterviewListQuery } from '../interviews/schema.ts';
import { listJobRows } from '../jobs/repository.ts';
import type { JobListQuery } from '../jobs/schema.ts';
import { listPhoneNumberRows } from '../phone-numbers/repository.ts';
import type { PhoneNumberListQuery } from '../phone-numbers/schema.ts';
import { type FreshDatabase, freshDatabase, testDatabaseKind } from '../../test/harness.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest, migrationsFor } from './migrations.ts';
import type { DB } from './schema.ts';
import { TenantScope } from './tenant-scope.ts';

/*
 * Migration 0008 on a database that already holds rows (the upgrade path), and the plans of the
 * statements the lists really send: each reads its table through a partial index over live rows.
 */

const TABLES = ['agents', 'jobs', 'candidates', 'interviews', 'phone_numbers'] as const;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
const page = { page: 1, limit: 20, sort: 'createdAt', order: 'desc' } as const;

/** Rows of every listed table as version 0007 stored them; every fourth one soft-deleted. */
async function seedAt0007(db: Kysely<DB>, companyId: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const stamps = { createdAt: at(i), updatedAt: at(i + 30), deletedAt: i % 4 === 3 ? at(50) : null };
    const agent = { ...toAgentRow({ id: newId(), companyId, name: `Agent ${i}`, type: 'ONLINE', focus: 'SCREENING', language: 'EN', duration: 30, questions: [], instructions: null, voiceId: null, companyPhoneNumberId: null, cefrLevel: null, backgroundSound: 'OFFICE', metadata: {}, ...stamps }), ...stamps };
    const job = { id: newId(), title: `Job ${i}`, description: 'Stored before 0008.', status: 'OPEN', jobUrl: null, benefits: null, requiredSkills: '[]', niceToHaveSkills: '[]', languageRequirements: '[]', education: '[]', experience: null, contractType: null, location: null, salary: null, metadata: '{}', ...stamps };
    const candidate = { id: newId(), firstName: 'Ada', lastName: `Number ${i}`, email: null, phoneNumber: null, gdprExpiryDate: '2030-01-01', status: 'APPLIED', metadata: '{}', erasedAt: null, ...stamps };
    const phone = { id: newId(), number: `+1415555${String(1000 + i)}`, capabilities: '["OUTBOUND"]', provider: 'TWILIO', status: 'AVAILABLE', numberType: 'LOCAL', location: null, custom: 0, ...stamps };
    const interview = { id: newId(), candidateId: candidate.id, agentId: agent.id, jobId: job.id, channel: 'ONLINE', status: 'SCHEDULED', scheduledAt: at(i), startedAt: null, finishedDate: null, durationMinutes: null, reservedMinutes: 30, isTest: 0, metadata: '{}', roomToken: newId(), analysis: null, ...stamps };
    for (const [table, row] of [['agents', agent], ['jobs', job], ['candidates', candidate], ['phoneNumbers', phone], ['interviews', interview]] as const) {
      await db.insertInto(table).values({ ...row, companyId } as never).execute();
    }
  }
}

async function indexes(database: Database): Promise<{ name: string; definition: string }[]> {
  const query =
    database.kind === 'sqlite'
      ? sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and sql is not null`
      : sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes where schemaname = current_schema()`;
  return (await query.execute(database.db)).rows;
}

describe('migration 0008: list indexes over live rows', () => {
  let fresh: FreshDatabase;
  let database: Database;
  let scope: TenantScope;

  beforeAll(async () => {
    fresh = await freshDatabase();
    database = openDatabase(fresh.url);
    const migrator = new Migrator({ db: database.db as unknown as Kysely<unknown>, provider: { getMigrations: async () => migrationsFor(database.kind) } });
    expect((await migrator.migrateTo('0007_agents_api_json')).error).toBeUndefined();
    const company = newCompanyRow(systemClock, { name: 'Before 0008' });
    await insertCompany(database.db, company);
    await seedAt0007(database.db, company.id);
    scope = new TenantScope(database.db, company.id);
    expect(await migrateToLatest(database)).toContain('0008_live_list_indexes');
  });
  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
  });

  it('replaces each list index by one over live rows carrying the filter columns, on a database that holds rows', async () => {
    const found = await indexes(database);
    for (const table of TABLES) {
      for (const sort of ['created', 'updated']) {
        const index = found.find((i) => i.name === `${table}_live_${sort}`);
        expect(index?.definition, `${table}_live_${sort}`).toMatch(/where \(?"?deleted_at"? is null\)?/i);
        expect(found.some((i) => i.name === `${table}_company_${sort}`)).toBe(false);
      }
    }
    expect(found.find((i) => i.name === 'agents_live_created')?.definition).toMatch(/"?company_id"?, "?created_at"?, "?id"?, "?name"?, "?type"?, "?focus"?, "?language"?/);
    // The rows stored before are listed as before: the six live ones of eight, newest first.
    const agents = await listAgentRows(scope, page as AgentListQuery);
    expect(agents.total).toBe(6);
    expect(agents.rows.map((a) => a.name)).toEqual(['Agent 6', 'Agent 5', 'Agent 4', 'Agent 2', 'Agent 1', 'Agent 0']);
    expect((await listJobRows(scope, page as JobListQuery)).total).toBe(6);
    expect((await listCandidateRows(scope, page as CandidateListQuery)).total).toBe(6);
    expect((await listInterviewRecords(scope, page as InterviewListQuery)).total).toBe(6);
    expect((await listPhoneNumberRows(scope, page as PhoneNumberListQuery)).total).toBe(6);
  });

  it('is what every list statement reads its table through: page, total, filters, updatedSince and a deep page', async () => {
    const sent = captureStatements(database);
    const since = { updatedSince: at(33), sort: 'updatedAt' } as const;
    const lists: [string, () => Promise<unknown>][] = [
      ['agents', () => listAgentRows(scope, { ...page, search: 'agent', type: 'ONLINE', focus: 'SCREENING', language: 'EN' } as AgentListQuery)],
      ['agents', () => listAgentRows(scope, { ...page, ...since } as AgentListQuery)],
      ['agents', () => listAgentRows(scope, { ...page, page: 3, limit: 2 } as AgentListQuery)],
      ['agents', () => listAgentRows(scope, { ...page, page: 9 } as AgentListQuery)],
      ['jobs', () => listJobRows(scope, { ...page, status: 'OPEN', search: 'job' } as JobListQuery)],
      ['jobs', () => listJobRows(scope, { ...page, ...since, page: 2, limit: 2 } as JobListQuery)],
      ['candidates', () => listCandidateRows(scope, { ...page, status: 'APPLIED', search: 'ada' } as CandidateListQuery)],
      ['interviews', () => listInterviewRecords(scope, { ...page, ...since, status: 'SCHEDULED', agentId: newId() } as InterviewListQuery)],
      ['phone_numbers', () => listPhoneNumberRows(scope, { ...page, status: 'AVAILABLE', page: 2, limit: 3 } as PhoneNumberListQuery)],
    ];
    for (const [table, list] of lists) {
      sent.length = 0;
      await list();
      expect(sent.length, table).toBeGreaterThan(0);
      for (const statement of sent) {
        const plan = await planOf(database, statement);
        expect(readsThroughLiveIndex(database, plan, table), `${statement.sql}\n${plan.join('\n')}`).toBe(true);
      }
    }
  });

  describe.runIf(testDatabaseKind === 'postgres')('PostgreSQL, a company of many rows per table (one in fifty matching a search), analysed: the planner\'s own choice', () => {
    const ROWS = 100_000;
    let bigScope: TenantScope;

    beforeAll(async () => {
      const big = newCompanyRow(systemClock, { name: 'Large' });
      await insertCompany(database.db, big);
      for (const [table, column] of [['agents', 'name'], ['jobs', 'title'], ['candidates', 'last_name']] as const) await multiplyRows(database, table, big.id, column, ROWS);
      // As autovacuum leaves a table in production: statistics, and the visibility map set.
      await sql`vacuum analyze`.execute(database.db);
      bigScope = new TenantScope(database.db, big.id);
    });

    it('finds the rows of a search through a trigram index over live rows, led by the company (migration 0018)', async () => {
      const found = await indexes(database);
      for (const [table, columns] of [['agents', ['name']], ['jobs', ['title']], ['candidates', ['first_name', 'last_name', 'email']]] as const) {
        const definition = found.find((i) => i.name === `${table}_live_search`)?.definition ?? '';
        expect(definition, table).toMatch(new RegExp(`using gin \\(company_id, ${columns.map((c) => `lower\\(${c}\\) gin_trgm_ops`).join(', ')}\\) where \\(deleted_at is null\\)`, 'i'));
      }
      const sent = captureStatements(database);
      for (const [table, list] of [
        ['agents', () => listAgentRows(bigScope, { ...page, search: 'kotlin' } as AgentListQuery)],
        ['jobs', () => listJobRows(bigScope, { ...page, search: 'kotlin' } as JobListQuery)],
        ['candidates', () => listCandidateRows(bigScope, { ...page, search: 'kotlin' } as CandidateListQuery)],
      ] as const) {
        sent.length = 0;
        expect((await list()).total, table).toBe(ROWS / 50);
        const plans = await Promise.all(sent.map((statement) => planOf(database, statement, {})));
        expect(plans.flat().join('\n'), table).toMatch(new RegExp(`Bitmap Index Scan on ${table}_live_search`));
      }
    });

    it('counts a list, unfiltered or by a few-valued filter, through an index on the company and those filters over live rows, without parallel workers (migration 0020)', async () => {
      const found = await indexes(database);
      for (const table of TABLES) expect(found.find((i) => i.name === `${table}_live_count`)?.definition, table).toMatch(/\(company_id(, (type|focus|language|status))*\) where \(deleted_at is null\)/i);
      const sent = captureStatements(database);
      for (const [table, list] of [
        ['agents', () => listAgentRows(bigScope, page as AgentListQuery)],
        ['agents', () => listAgentRows(bigScope, { ...page, page: 4_000 } as AgentListQuery)],
        ['agents', () => listAgentRows(bigScope, { ...page, language: 'EN' } as AgentListQuery)],
        ['jobs', () => listJobRows(bigScope, page as JobListQuery)],
        ['jobs', () => listJobRows(bigScope, { ...page, status: 'OPEN' } as JobListQuery)],
        ['candidates', () => listCandidateRows(bigScope, { ...page, page: 2 } as CandidateListQuery)],
      ] as const) {
        sent.length = 0;
        expect((await list()).total, table).toBe(ROWS);
        // The pool's named statements are planned generically after a few runs, without the
        // company's size: both plans must count through the index.
        for (const settings of [{}, { plan_cache_mode: 'force_generic_plan' }] as Record<string, string>[]) {
          const plans = (await Promise.all(sent.map((statement) => planOf(database, statement, settings)))).flat().join('\n');
          expect(plans, `${table} ${JSON.stringify(settings)}`).toMatch(new RegExp(`Index Only Scan using ${table}_live_count on ${table}`));
          expect(plans, table).not.toMatch(/Gather|Parallel/);
        }
      }
    });
  });
});

/** `n` copies of one of `table`'s rows in `companyId`, `column` numbered, every fiftieth containing "Kotlin". */
async function multiplyRows(database: Database, table: string, companyId: string, column: string, n: number): Promise<void> {
  const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(database.db);
  const values = rows.map(({ name }) => {
    if (name === 'id') return 'gen_random_uuid()::text';
    if (name === 'company_id') return `'${companyId}'`;
    if (name === 'deleted_at') return 'null';
    if (name === column) return `'Row ' || g || case when g % 50 = 0 then ' Kotlin' else '' end`;
    return name;
  });
  const columns = rows.map((r) => r.name).join(', ');
  await sql.raw(`insert into ${table} (${columns}) select ${values.join(', ')} from (select * from ${table} limit 1) t, generate_series(1, ${n}) g`).execute(database.db);
}

/** The statements the lists send (SQLite's to the reader threads' database, PostgreSQL's to the pool). */
function captureStatements(database: Database): { sql: string; parameters: readonly unknown[] }[] {
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];
  const current = database.listDb.executeQuery;
  if (vi.isMockFunction(current)) current.mockRestore(); // an earlier test's capture
  const execute = database.listDb.executeQuery.bind(database.listDb);
  vi.spyOn(database.listDb, 'executeQuery').mockImplementation(((query: CompiledQuery) => (sent.push(query), execute(query))) as never);
  return sent;
}

/**
 * The plan's lines; on PostgreSQL under `settings`, by default with sequential scans priced out
 * (they win on a tiny table); `{}` is the planner's own choice.
 */
async function planOf(database: Database, statement: { sql: string; parameters: readonly unknown[] }, settings: Record<string, string> = { enable_seqscan: 'off' }): Promise<string[]> {
  if (database.kind === 'sqlite') {
    const { rows } = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]));
    return rows.map((r) => r.detail);
  }
  return database.db.connection().execute(async (conn) => {
    for (const [setting, value] of Object.entries(settings)) await sql.raw(`set ${setting} = ${value}`).execute(conn);
    try {
      const { rows } = await conn.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${statement.sql}`, [...statement.parameters]));
      return rows.map((r) => r['QUERY PLAN']);
    } finally {
      for (const setting of Object.keys(settings)) await sql.raw(`reset ${setting}`).execute(conn);
    }
  });
}

/** Every read of `table` in the plan goes through `<table>_live_…` (PostgreSQL may add primary-key lookups of a deep page's ids). */
function readsThroughLiveIndex(database: Database, plan: string[], table: string): boolean {
  const reads = database.kind === 'sqlite' ? plan.filter((line) => new RegExp(`^(SCAN|SEARCH) ${table}\\b`).test(line)) : plan.filter((line) => new RegExp(`(Scan|Scan Backward) .*\\bon ${table}\\b`).test(line));
  const allowed = database.kind === 'sqlite' ? new RegExp(`USING (COVERING )?INDEX ${table}_live_`) : new RegExp(`using (${table}_live_\\w+|${table}_pkey) on`);
  // A bitmap heap scan reads the rows its bitmap index scan found (PostgreSQL's search index).
  const bitmapFromLive = plan.some((line) => new RegExp(`Bitmap Index Scan on ${table}_live_`).test(line));
  const fine = (line: string) => allowed.test(line) || (bitmapFromLive && new RegExp(`Bitmap Heap Scan on ${table}\\b`).test(line));
  return reads.length > 0 && reads.every(fine) && plan.some((line) => line.includes(`${table}_live_`));
}
