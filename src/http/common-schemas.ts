import { z } from 'zod';

/** A UUID in a path or body; compared in lower case, as generated. */
export const UuidSchema = z.uuid().transform((value) => value.toLowerCase());

export const IdParamsSchema = z.object({ id: UuidSchema });

/** Every company-scoped route takes it; the auth layer checks it before validation (§3.3). */
export const CompanyIdQuery = {
  companyId: z.string().optional().describe('ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys.'),
};

export const TimestampSchema = z.string().describe('ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z');

/** DELETE of agents, candidates, jobs and interviews answers the JSON body `true` (§1). */
export const DeletedSchema = z.literal(true);
