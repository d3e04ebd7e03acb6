import { InstantSchema } from '../http/common-schemas.ts';
import { z } from 'zod';

export const UsageQuery = z
  .object({
    start: InstantSchema.optional().describe('Default: 30 days before `end`.'),
    end: InstantSchema.optional().describe('Default: now.'),
    companyId: z.string().optional().describe('ATS keys: one managed company (default: all of them). Ignored for company keys.'),
  })
  .meta({ id: 'UsageQuery' });

const CompanyUsage = z.object({
  companyId: z.uuid(),
  companyName: z.string(),
  totalInterviews: z.number().int(),
  totalMinutesUsed: z.number().int(),
  committedMinutes: z
    .number()
    .int()
    .describe('Extension (§15): minutes committed in the current calendar month (UTC): used by interviews finished this month plus the reservations of scheduled and running ones.'),
  allowanceMinutes: z.number().int().describe("Extension (§15): the company's monthly allowance (its plan, or the server's default)."),
});

export const UsageSchema = z
  .object({
    companies: z.array(CompanyUsage),
    totalInterviews: z.number().int(),
    totalMinutesUsed: z.number().int(),
  })
  .meta({ id: 'Usage' });

export type UsageQuery = z.infer<typeof UsageQuery>;
export type Usage = z.infer<typeof UsageSchema>;
