import { type Kysely, sql } from 'kysely';
import type { TransactionClock } from '../db/feed-clock.ts';
import { lockCompany } from '../db/locks.ts';
import type { DB } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import { AppError } from '../errors/catalogue.ts';

/** [start, end) of the calendar month (UTC) that contains `at`, as stored text. */
export function monthOf(at: Date): { start: string; end: string } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { start: start.toISOString(), end: end.toISOString() };
}

/**
 * §10 "Committed": minutes actually used by interviews that finished this month, plus the
 * reservation (the agent's duration at creation) of every SCHEDULED or IN_PROGRESS interview.
 * Test and deleted interviews count nothing.
 */
export async function committedMinutes(scope: TenantScope, at: Date): Promise<number> {
  const month = monthOf(at);
  const row = await scope
    .selectFrom('interviews')
    .select(
      sql<number>`coalesce(sum(case
        when status in ('COMPLETED', 'FAILED') and finished_date >= ${month.start} and finished_date < ${month.end} then coalesce(duration_minutes, 0)
        when status in ('SCHEDULED', 'IN_PROGRESS') then reserved_minutes
        else 0 end), 0)`.as('committed'),
    )
    .where('deletedAt', 'is', null)
    .where('isTest', '=', 0)
    .executeTakeFirst();
  return Number(row?.committed ?? 0);
}

async function allowanceOf(db: Kysely<DB>, companyId: string, defaultMonthlyMinutes: number): Promise<number> {
  const company = await db.selectFrom('companies').select('monthlyMinutes').where('id', '=', companyId).executeTakeFirst();
  return company?.monthlyMinutes ?? defaultMonthlyMinutes;
}

/**
 * Refuses (402) a new reservation of `minutes` that would take the company past its monthly
 * allowance. Call inside the transaction that creates the interview: the company row lock makes
 * concurrent creates, in any process, check one after another.
 */
export async function reserveMinutes(scope: TxScope, time: TransactionClock, defaultMonthlyMinutes: number, minutes: number): Promise<void> {
  await lockCompany(scope.db, scope.companyId);
  const allowance = await allowanceOf(scope.db, scope.companyId, defaultMonthlyMinutes);
  const committed = await committedMinutes(scope, time.now());
  if (committed + minutes > allowance) {
    throw new AppError(
      'BILLING_LIMIT_REACHED',
      `This interview needs ${minutes} minutes but only ${Math.max(0, allowance - committed)} of the company's ${allowance} monthly minutes are left.`,
      { allowance, committed, requested: minutes },
    );
  }
}
