import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { literalLimit } from '../db/literal-limit.ts';
import type { DB } from '../db/schema.ts';
import { noPayload } from '../queue/recurring.ts';
import { taskKind } from '../queue/task-kind.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { companyTransaction } from '../db/transaction.ts';
import { ERASED, ERASED_ANALYSIS, eraseWords, forgetIdempotentAnswers } from './gdpr-erasure.ts';

export const GDPR_SWEEP_TASK = 'candidates.gdpr-sweep';
export const GDPR_SWEEP_EVERY_MS = 3600_000;

/** Candidates per transaction, and transactions per run: a run's work is bounded; the rest waits an hour. */
const BATCH = 100;
const MAX_BATCHES = 50;

type Candidates = ExpressionBuilder<DB, 'candidates'>;

/**
 * Past its date and still holding personal fields: not yet erased, or given personal data again
 * since (a PATCH after the erasure) — past the date nothing personal may remain, whichever path
 * wrote it.
 */
function personal(today: string) {
  return (eb: Candidates) =>
    eb.and([
      eb('candidates.gdprExpiryDate', '<', today),
      eb.or([
        eb('candidates.erasedAt', 'is', null),
        eb('candidates.firstName', '<>', ''),
        eb('candidates.lastName', '<>', ''),
        eb('candidates.email', 'is not', null),
        eb('candidates.phoneNumber', 'is not', null),
        eb('candidates.metadata', '<>', '{}'),
      ]),
    ]);
}

/** Past its date, and something of the candidate is left: personal fields, or words in an interview (one run after the erasure, say). */
function due(today: string) {
  return (eb: Candidates) => {
    const ofCandidate = eb.selectFrom('interviews').select(sql.lit(1).as('one')).whereRef('interviews.candidateId', '=', 'candidates.id');
    return eb.and([
      eb('candidates.gdprExpiryDate', '<', today),
      eb.or([
        personal(today)(eb),
        eb.exists(ofCandidate.innerJoin('transcriptTurns', 'transcriptTurns.interviewId', 'interviews.id').where('transcriptTurns.text', '<>', ERASED)),
        eb.exists(ofCandidate.where('interviews.analysis', 'is not', null).where('interviews.analysis', 'not like', ERASED_ANALYSIS)),
      ]),
    ]);
  };
}

/**
 * Extension (§9): erases what is left of every candidate whose `gdprExpiryDate` has passed — the
 * personal fields (names, email, phone, metadata; `erased_at` records when), the words of its
 * interviews and the stored answers that showed it (`gdpr-erasure.ts`). It is the operator's
 * deployment-wide duty, so it is the one candidate query that spans companies; the erasure itself
 * runs in transactions of one company each (in company and candidate id order), with that
 * company's time, like every other write of company data. Returns how many candidates had personal
 * fields erased.
 */
export async function eraseExpiredCandidates(db: Kysely<DB>, clock: Clock): Promise<number> {
  const today = clock.now().toISOString().slice(0, 10);
  let erased = 0;
  let after = { companyId: '', id: '' };
  for (let round = 0; round < MAX_BATCHES; round++) {
    const batch = await db
      .selectFrom('candidates')
      .select(['companyId', 'id'])
      .where(due(today))
      .where((eb) => eb.or([eb('companyId', '>', after.companyId), eb.and([eb('companyId', '=', after.companyId), eb('id', '>', after.id)])]))
      .orderBy('companyId')
      .orderBy('id')
      .limit(literalLimit(BATCH))
      .execute();
    for (const [companyId, ids] of byCompany(batch)) {
      erased += await companyTransaction(clock, { scope: new TenantScope(db, companyId) }, async (scope, time) => {
        const personalErased = await scope
          .updateTable('candidates')
          .set({ firstName: '', lastName: '', email: null, phoneNumber: null, metadata: '{}', erasedAt: time.at, updatedAt: time.at })
          .where('id', 'in', ids)
          .where(personal(today))
          .returning('id')
          .execute();
        await eraseWords(scope, time, ids);
        await forgetIdempotentAnswers(scope.db, personalErased.map((c) => c.id));
        return personalErased.length;
      });
    }
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1] as typeof after;
  }
  return erased;
}

function byCompany(rows: { companyId: string; id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.companyId, [...(groups.get(row.companyId) ?? []), row.id]);
  return groups;
}

/** Hourly: erases the candidates past their GDPR date. */
export function gdprSweepKind(db: Kysely<DB>, clock: Clock) {
  return taskKind({
    name: GDPR_SWEEP_TASK,
    payload: noPayload,
    repeatEveryMs: GDPR_SWEEP_EVERY_MS,
    concurrency: 1,
    run: async () => void (await eraseExpiredCandidates(db, clock)),
  });
}
