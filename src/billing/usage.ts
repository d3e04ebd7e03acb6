import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { errors } from '../errors/catalogue.ts';
import { committedMinutes } from './allowance.ts';
import type { Usage, UsageQuery } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_RANGE_MS = 30 * 86_400_000;

/** The companies a usage report covers: the key's own, or the ATS key's (one, or all managed). */
function reportedCompanies(actor: Actor, companyId: string | undefined): string[] {
  if (actor.apiKey.kind === 'COMPANY') return [actor.apiKey.companyId as string];
  if (companyId === undefined || companyId === '') return [...actor.companyIds].sort();
  if (!UUID.test(companyId)) throw errors.field('companyId', 'companyId must be a UUID', 'invalid_format');
  const id = companyId.toLowerCase();
  if (!actor.companyIds.has(id)) throw errors.accessDenied('This API key does not manage the company named by companyId.');
  return [id];
}

/**
 * §12: per company, the non-test interviews created in [start, end) (any status; deleted ones
 * excluded) and the minutes actually used by those of them that finished.
 */
export async function billingUsage(db: Kysely<DB>, clock: Clock, actor: Actor, query: UsageQuery, defaultMonthlyMinutes: number): Promise<Usage> {
  const end = query.end ? new Date(query.end) : clock.now();
  const start = query.start ? new Date(query.start) : new Date(end.getTime() - DEFAULT_RANGE_MS);
  if (start.getTime() > end.getTime()) throw errors.field('start', 'start must not be after end', 'invalid_range');
  // [start, end): an explicit end is exclusive, so adjacent ranges never count an interview twice;
  // the default end ("now") includes what was created up to this very millisecond.
  const endBound = query.end ? end : new Date(end.getTime() + 1);

  const companies: Usage['companies'] = [];
  for (const companyId of reportedCompanies(actor, query.companyId)) {
    const company = await db.selectFrom('companies').select(['name', 'monthlyMinutes']).where('id', '=', companyId).executeTakeFirst();
    if (!company) continue;
    const scope = new TenantScope(db, companyId);
    const totals = await scope
      .selectFrom('interviews')
      .select([
        sql<number>`count(*)`.as('interviews'),
        sql<number>`coalesce(sum(case when status in ('COMPLETED', 'FAILED') then coalesce(duration_minutes, 0) else 0 end), 0)`.as('minutes'),
      ])
      .where('deletedAt', 'is', null)
      .where('isTest', '=', 0)
      .where('createdAt', '>=', start.toISOString())
      .where('createdAt', '<', endBound.toISOString())
      .executeTakeFirst();
    companies.push({
      companyId,
      companyName: company.name,
      totalInterviews: Number(totals?.interviews ?? 0),
      totalMinutesUsed: Number(totals?.minutes ?? 0),
      // Extension (§15): this calendar month (UTC), whatever the range; what the 402 of §10 checks.
      committedMinutes: await committedMinutes(scope, clock.now()),
      allowanceMinutes: company.monthlyMinutes ?? defaultMonthlyMinutes,
    });
  }
  return {
    companies,
    totalInterviews: companies.reduce((sum, c) => sum + c.totalInterviews, 0),
    totalMinutesUsed: companies.reduce((sum, c) => sum + c.totalMinutesUsed, 0),
  };
}
