import { z } from 'zod';
import { LANGUAGES } from '../agents/schema.ts';
import { canonicalTimeZone } from '../core/time-zone.ts';
import { TimestampSchema } from '../http/common-schemas.ts';
import { MetadataPatchSchema, MetadataSchema } from '../metadata/metadata.ts';

const PlanSchema = z.strictObject({ monthlyMinutes: z.number().int().min(0).max(10_000_000) });

export const DEFAULT_TIMEZONE = 'UTC';
export const DEFAULT_LANGUAGE = 'EN';

/** An IANA time zone name, stored in its canonical spelling. */
const TimeZone = z
  .string()
  .max(64)
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: `"${name}" is not an IANA time zone name (e.g. Europe/Berlin, America/New_York, UTC)` });
      return z.NEVER;
    }
    return canonical;
  })
  .describe('An IANA time zone name (e.g. Europe/Berlin); stored in its canonical spelling.');

/** An agent language (§5) other than UNDEFINED: a fallback must be a language one can speak. */
const CompanyLanguage = z.enum(LANGUAGES).exclude(['UNDEFINED']);

const fields = {
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().min(1).max(1000).nullable(),
  ownerEmail: z.email().max(254).nullable(),
  timezone: TimeZone.describe('Extension: the fallback time zone of calling windows (an IANA name, default UTC).'),
  defaultLanguage: CompanyLanguage.describe('Extension: the language for callers the server cannot place (default EN).'),
};

export const CreateCompanyBody = z.strictObject({
  name: fields.name,
  description: fields.description.optional(),
  ownerEmail: fields.ownerEmail.optional(),
  timezone: fields.timezone.optional(),
  defaultLanguage: fields.defaultLanguage.optional(),
  metadata: MetadataSchema.optional(),
  plan: PlanSchema.optional(),
});

export const UpdateCompanyBody = z.strictObject({
  name: fields.name.optional(),
  description: fields.description.optional(),
  ownerEmail: fields.ownerEmail.optional(),
  timezone: fields.timezone.optional(),
  defaultLanguage: fields.defaultLanguage.optional(),
  metadata: MetadataPatchSchema.optional().describe('JSON Merge Patch: a null value removes the key.'),
  plan: PlanSchema.optional(),
});

export const CompanySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    ownerEmail: z.string().nullable(),
    timezone: z.string().describe('Extension: IANA time zone name.'),
    defaultLanguage: CompanyLanguage.describe('Extension.'),
    metadata: z.record(z.string(), z.unknown()),
    plan: z.object({ monthlyMinutes: z.number().int() }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Company' });

export type CreateCompanyInput = z.infer<typeof CreateCompanyBody>;
export type UpdateCompanyInput = z.infer<typeof UpdateCompanyBody>;
export type Company = z.infer<typeof CompanySchema>;
