import { z } from 'zod';
import { TimestampSchema } from '../http/common-schemas.ts';
import { MetadataPatchSchema, MetadataSchema } from '../metadata/metadata.ts';

const PlanSchema = z.strictObject({ monthlyMinutes: z.number().int().min(0).max(10_000_000) });

const fields = {
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().min(1).max(1000).nullable(),
  ownerEmail: z.email().max(254).nullable(),
};

export const CreateCompanyBody = z.strictObject({
  name: fields.name,
  description: fields.description.optional(),
  ownerEmail: fields.ownerEmail.optional(),
  metadata: MetadataSchema.optional(),
  plan: PlanSchema.optional(),
});

export const UpdateCompanyBody = z.strictObject({
  name: fields.name.optional(),
  description: fields.description.optional(),
  ownerEmail: fields.ownerEmail.optional(),
  metadata: MetadataPatchSchema.optional().describe('JSON Merge Patch: a null value removes the key.'),
  plan: PlanSchema.optional(),
});

export const CompanySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    ownerEmail: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    plan: z.object({ monthlyMinutes: z.number().int() }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Company' });

export type CreateCompanyInput = z.infer<typeof CreateCompanyBody>;
export type UpdateCompanyInput = z.infer<typeof UpdateCompanyBody>;
export type Company = z.infer<typeof CompanySchema>;
