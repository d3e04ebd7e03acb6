import type { AppDeps, ZodApp } from '../http/app-deps.ts';
import { requireActor } from '../http/request-context.ts';
import { routeSchema } from '../http/route-docs.ts';
import { UsageQuery, UsageSchema } from './schema.ts';
import { billingUsage } from './usage.ts';

/** §12. */
export function billingRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/billing/usage',
    routeSchema({
      method: 'GET',
      operationId: 'getBillingUsage',
      summary: 'Interviews and minutes used, per company',
      description: 'Test and deleted interviews are excluded. ATS keys see every company they manage, or the one companyId names.',
      tags: ['Billing'],
      access: { scopes: ['read:billing'], companyScoped: false },
      querystring: UsageQuery,
      success: { 200: UsageSchema },
    }),
    async (request) => billingUsage(deps.database.db, deps.clock, requireActor(request), request.query, deps.config.defaultMonthlyMinutes),
  );
}
