import { type Kysely, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.ts';
import { systemClock } from '../core/clock.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest, migrationsFor } from '../db/migrations.ts';
import { findCompanyById, insertCompany } from './repository.ts';
import { newCompanyRow, toCompany } from './service.ts';

describe('migration 0014: company timezone and defaultLanguage', () => {
  it('gives a company stored before it the defaults UTC and EN', async () => {
    const fresh = await freshDatabase();
    const database = openDatabase(fresh.url);
    try {
      const migrator = new Migrator({ db: database.db as unknown as Kysely<unknown>, provider: { getMigrations: async () => migrationsFor(database.kind) } });
      expect((await migrator.migrateTo('0010_interview_sessions')).error).toBeUndefined();
      const company = newCompanyRow(systemClock, { name: 'Before 0014' });
      await insertCompany(database.db, company);
      expect(await migrateToLatest(database)).toContain('0014_company_locale');
      const row = await findCompanyById(database.db, company.id);
      expect(row).toMatchObject({ timezone: 'UTC', defaultLanguage: 'EN' });
      expect(toCompany(row!, 1000)).toMatchObject({ name: 'Before 0014', timezone: 'UTC', defaultLanguage: 'EN' });
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
