import { createApiKey } from '../auth/api-keys.ts';
import { newCompanyRow } from '../companies/service.ts';
import { insertCompany } from '../companies/repository.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';
import { COMPANIES_FEED } from '../db/feed-clock.ts';
import { literalLimit } from '../db/literal-limit.ts';
import { withStartupLock } from '../db/migrations.ts';
import { transact } from '../db/transaction.ts';

export interface BootstrapResult {
  companyId: string;
  keyId: string;
  /** The plaintext key, shown once. */
  key: string;
}

/**
 * §3.3: on an empty database, create one company and one COMPANY key with every scope. Runs under
 * the start-up lock, so several processes starting together create exactly one.
 */
export async function bootstrapIfEmpty(database: Database, clock: Clock, bootstrapKey: string | undefined): Promise<BootstrapResult | null> {
  return withStartupLock(database, async () => {
    const existing = await database.db.selectFrom('companies').select('id').limit(literalLimit(1)).executeTakeFirst();
    if (existing) return null;
    return transact(database.db, clock, COMPANIES_FEED, undefined, async (trx, time) => {
      const company = newCompanyRow(time, { name: 'My company' });
      await insertCompany(trx, company);
      const { apiKey, plaintext } = await createApiKey(trx, time, { name: 'bootstrap', kind: 'COMPANY', companyId: company.id, plaintext: bootstrapKey });
      return { companyId: company.id, keyId: apiKey.id, key: plaintext };
    });
  });
}
