import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';

export const GDPR_SWEEP_TASK = 'candidates.gdpr-sweep';
export const GDPR_SWEEP_EVERY_MS = 3600_000;

/**
 * Past its date and still holding something personal: not yet erased, or given personal data
 * again since (a PATCH after the erasure) — past the date nothing personal may remain, whichever
 * path wrote it.
 */
function due(today: string) {
  return (eb: ExpressionBuilder<DB, 'candidates'>) =>
    eb.and([
      eb('gdprExpiryDate', '<', today),
      eb.or([
        eb('erasedAt', 'is', null),
        eb('firstName', '<>', ''),
        eb('lastName', '<>', ''),
        eb('email', 'is not', null),
        eb('phoneNumber', 'is not', null),
        eb('metadata', '<>', '{}'),
      ]),
    ]);
}

/**
 * Extension (§9): erases the personal fields (names, email, phone, metadata) of every candidate
 * whose `gdprExpiryDate` has passed, and records when (`erased_at`). It is the operator's
 * deployment-wide duty, so it is the one candidate query that spans companies; the erasure itself
 * is one transaction per company (in id order), with that company's time, like every other write
 * of company data. Returns how many candidates it erased.
 */
export async function eraseExpiredCandidates(db: Kysely<DB>, clock: Clock): Promise<number> {
  const today = clock.now().toISOString().slice(0, 10);
  const companies = await db.selectFrom('candidates').select('companyId').distinct().where(due(today)).orderBy('companyId').execute();
  let erased = 0;
  for (const { companyId } of companies) {
    erased += await companyTransaction(clock, { scope: new TenantScope(db, companyId) }, async (scope, time) => {
      const result = await scope
        .updateTable('candidates')
        .set({ firstName: '', lastName: '', email: null, phoneNumber: null, metadata: '{}', erasedAt: time.at, updatedAt: time.at })
        .where(due(today))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    });
  }
  return erased;
}
