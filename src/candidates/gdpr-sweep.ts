import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';

export const GDPR_SWEEP_TASK = 'candidates.gdpr-sweep';
export const GDPR_SWEEP_EVERY_MS = 3600_000;

/**
 * Extension (§9): erases the personal fields (names, email, phone, metadata) of every candidate
 * whose `gdprExpiryDate` has passed, and records when (`erased_at`). It is the operator's
 * deployment-wide duty, so it is the one candidate query that spans companies. Returns how many
 * candidates it erased.
 */
export async function eraseExpiredCandidates(db: Kysely<DB>, clock: Clock): Promise<number> {
  const now = clock.now();
  const today = now.toISOString().slice(0, 10);
  const result = await db
    .updateTable('candidates')
    .set({ firstName: '', lastName: '', email: null, phoneNumber: null, metadata: '{}', erasedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where('gdprExpiryDate', '<', today)
    // Not yet erased, or given personal data again since (a PATCH after the erasure): past the
    // date nothing personal may remain, whichever path wrote it.
    .where((eb) =>
      eb.or([
        eb('erasedAt', 'is', null),
        eb('firstName', '<>', ''),
        eb('lastName', '<>', ''),
        eb('email', 'is not', null),
        eb('phoneNumber', 'is not', null),
        eb('metadata', '<>', '{}'),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
