import { z } from 'zod';
import { CompanyIdQuery, TimestampSchema, UuidSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';
import { MetadataSchema } from '../metadata/metadata.ts';
import { E164Schema } from '../phone-numbers/schema.ts';

export const CANDIDATE_STATUSES = ['UNDEFINED', 'APPLIED', 'IN_PROCESS', 'REJECTED', 'ACCEPTED'] as const;

/** §9's field rules, written once for create, update and inline creation inside an interview. */
const field = {
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(254).nullable(),
  phoneNumber: E164Schema.nullable(),
  gdprExpiryDate: z.iso.date().describe('YYYY-MM-DD, in the future; default today + 365 days.'),
  jobIds: z
    .array(UuidSchema)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'jobIds must not repeat'),
  jobId: UuidSchema.nullable().describe('Deprecated: a single job; use jobIds.'),
  status: z.enum(CANDIDATE_STATUSES),
};

export const CreateCandidateBody = z
  .strictObject({
    firstName: field.firstName,
    lastName: field.lastName,
    email: field.email.optional(),
    phoneNumber: field.phoneNumber.optional(),
    gdprExpiryDate: field.gdprExpiryDate.optional(),
    jobIds: field.jobIds.optional(),
    jobId: field.jobId.optional(),
    status: field.status.default('APPLIED'),
    metadata: MetadataSchema.default({}),
  })
  .meta({ id: 'CreateCandidate' });

export const UpdateCandidateBody = z
  .strictObject({
    firstName: field.firstName.optional(),
    lastName: field.lastName.optional(),
    email: field.email.optional(),
    phoneNumber: field.phoneNumber.optional(),
    gdprExpiryDate: field.gdprExpiryDate.optional(),
    jobIds: field.jobIds.optional().describe('Replaces the list.'),
    jobId: field.jobId.optional(),
    status: field.status.optional(),
    metadata: MetadataSchema.optional().describe('Replaces the whole metadata object (§4).'),
  })
  .meta({ id: 'UpdateCandidate' });

export const CandidateSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phoneNumber: z.string().nullable(),
    gdprExpiryDate: z.string(),
    jobIds: z.array(z.uuid()),
    jobId: z.uuid().nullable().describe('Deprecated: the first of jobIds.'),
    status: z.enum(CANDIDATE_STATUSES),
    metadata: z.record(z.string(), z.unknown()),
    interviewCount: z.number().int(),
    analysisCount: z.number().int(),
    overallRating: z.number().nullable().describe('Mean overall rating of completed analyses, or null.'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Candidate' });

export const CandidateListQuery = ListQuerySchema.extend({
  ...CompanyIdQuery,
  jobId: UuidSchema.optional(),
  status: z.enum(CANDIDATE_STATUSES).optional(),
  search: z.string().max(200).optional().describe('Case-insensitive substring of first name, last name or email.'),
});

export type Candidate = z.infer<typeof CandidateSchema>;
export type CreateCandidateInput = z.infer<typeof CreateCandidateBody>;
export type UpdateCandidateInput = z.infer<typeof UpdateCandidateBody>;
export type CandidateListQuery = z.infer<typeof CandidateListQuery>;
