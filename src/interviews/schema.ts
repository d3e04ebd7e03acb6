import { z } from 'zod';
import { CreateAgentBody } from '../agents/schema.ts';
import { CreateCandidateBody } from '../candidates/schema.ts';
import { CompanyIdQuery, InstantSchema, TimestampSchema, UuidSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';
import { CreateJobBody } from '../jobs/schema.ts';
import { MetadataPatchSchema, MetadataSchema } from '../metadata/metadata.ts';
import { AnalysisSchema } from './analysis-schema.ts';
import { CallAttemptSchema } from './call-attempt-schema.ts';

export const INTERVIEW_STATUSES = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** §10 extension: why an interview ended as it did. */
export const STATUS_REASONS = [
  'COMPLETED', 'ABANDONED', 'EXPIRED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'CALL_FAILED', 'CANDIDATE_HUNG_UP', 'TELEPHONY_NOT_CONFIGURED', 'CANCELLED', 'TIME_LIMIT',
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

const Instant = InstantSchema.describe('ISO 8601 instant with an offset; from now up to 30 days ahead.');

export const CreateInterviewBody = z
  .strictObject({
    candidateId: UuidSchema.optional(),
    candidate: CreateCandidateBody.optional().describe('Inline candidate (§9), created with the interview.'),
    agentId: UuidSchema.optional(),
    agent: CreateAgentBody.optional().describe('Inline agent (§5), created with the interview.'),
    jobId: UuidSchema.optional(),
    job: CreateJobBody.optional().describe('Inline job (§8), created with the interview.'),
    scheduledAt: Instant.optional(),
    scheduleTime: Instant.optional().describe('Alias of scheduledAt.'),
    isTest: z.boolean().default(false),
    metadata: MetadataSchema.default({}),
  })
  .meta({ id: 'CreateInterview' });

export const UpdateInterviewBody = z
  .strictObject({
    metadata: MetadataPatchSchema.optional().describe('JSON Merge Patch (RFC 7396): a null value removes the key.'),
  })
  .meta({ id: 'UpdateInterview' });

export const InterviewSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    candidateId: z.uuid(),
    agentId: z.uuid(),
    jobId: z.uuid().nullable(),
    status: z.enum(INTERVIEW_STATUSES),
    statusReason: z.enum(STATUS_REASONS).nullable().describe('Why the interview ended as it did (extension); null until it ends.'),
    scheduledAt: TimestampSchema,
    startedAt: TimestampSchema.nullable(),
    finishedDate: TimestampSchema.nullable(),
    durationMinutes: z.number().int().nullable().describe('Minutes actually used.'),
    isTest: z.boolean(),
    metadata: z.record(z.string(), z.unknown()),
    callAttempts: z.array(CallAttemptSchema),
    analysis: AnalysisSchema.nullable(),
    interviewUrl: z.string().nullable().describe("ONLINE interviews: the candidate's join link (extension)."),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Interview' });

export const InterviewListQuery = ListQuerySchema.extend({
  ...CompanyIdQuery,
  candidateId: UuidSchema.optional(),
  agentId: UuidSchema.optional(),
  jobId: UuidSchema.optional(),
  status: z.enum(INTERVIEW_STATUSES).optional(),
  createdAfter: InstantSchema.optional().describe('Extension (§15): only interviews created at or after this instant.'),
  createdBefore: InstantSchema.optional().describe('Extension (§15): only interviews created before this instant.'),
});

export const TranscriptTurnSchema = z.object({
  id: z.uuid(),
  role: z.enum(['agent', 'candidate']),
  text: z.string(),
  startedAt: TimestampSchema,
  endedAt: TimestampSchema,
});

export const TranscriptSchema = z.array(TranscriptTurnSchema).meta({ id: 'Transcript' });
export const AnalysisPdfSchema = z.object({ analysisPdfBase64: z.string() }).meta({ id: 'AnalysisPdf' });

export type Interview = z.infer<typeof InterviewSchema>;
export type CreateInterviewInput = z.infer<typeof CreateInterviewBody>;
export type UpdateInterviewInput = z.infer<typeof UpdateInterviewBody>;
export type InterviewListQuery = z.infer<typeof InterviewListQuery>;
export type TranscriptTurn = z.infer<typeof TranscriptTurnSchema>;
