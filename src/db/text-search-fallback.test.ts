/**
 * Migration 0018 on a PostgreSQL where the search extensions cannot be installed (a role that may
 * create tables but not extensions): the migration skips the trigram indexes, every other
 * migration runs, and search still answers, by scanning.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase, PG_ADMIN_URL, testDatabaseKind } from '../../test/harness.ts';
import { listAgentRows, toAgentRow } from '../agents/repository.ts';
import type { AgentListQuery } from '../agents/schema.ts';
import { insertCompany } from '../companies/repository.ts';
import { newCompanyRow } from '../companies/service.ts';
import { systemClock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';
import { TenantScope } from './tenant-scope.ts';

describe.runIf(testDatabaseKind === 'postgres')('migration 0018 without the right to install extensions', () => {
  const role = `no_extensions_${newId().replace(/-/g, '').slice(-12)}`;
  let fresh: FreshDatabase;
  let database: Database;

  async function asAdmin(databaseUrl: string, statements: string[]): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    fresh = await freshDatabase('postgres');
    await asAdmin(PG_ADMIN_URL, [`create role ${role} login`]);
    // May create tables in the schema, but not extensions (that needs CREATE on the database).
    await asAdmin(fresh.url, [`revoke create on database "${new URL(fresh.url).pathname.slice(1)}" from public`, `grant usage, create on schema public to ${role}`]);
    const url = new URL(fresh.url);
    url.username = role;
    database = openDatabase(url.toString());
  });
  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
    await asAdmin(PG_ADMIN_URL, [`drop role if exists ${role}`]);
  });

  it('skips the trigram indexes; the schema is complete and search still answers', async () => {
    expect(await migrateToLatest(database)).toContain('0018_text_search_indexes');
    const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where indexname like '%_live_search'`.execute(database.db);
    expect(rows).toEqual([]);

    const company = newCompanyRow(systemClock, { name: 'Plain search' });
    await insertCompany(database.db, company);
    for (const name of ['Kotlin screener', 'Go screener', 'Senior KOTLIN']) {
      const at = systemClock.now().toISOString();
      await database.db.insertInto('agents').values({ ...toAgentRow({ id: newId(), companyId: company.id, name, type: 'ONLINE', focus: 'SCREENING', language: 'EN', duration: 30, questions: [], instructions: null, voiceId: null, companyPhoneNumberId: null, cefrLevel: null, backgroundSound: 'OFFICE', metadata: {}, createdAt: at, updatedAt: at }), createdAt: at, updatedAt: at, deletedAt: null, companyId: company.id } as never).execute();
    }
    const found = await listAgentRows(new TenantScope(database.db, company.id), { page: 1, limit: 20, sort: 'createdAt', order: 'desc', search: 'kotlin' } as AgentListQuery);
    expect([found.total, found.rows.map((a) => a.name).sort()]).toEqual([2, ['Kotlin screener', 'Senior KOTLIN']]);
  });
});
