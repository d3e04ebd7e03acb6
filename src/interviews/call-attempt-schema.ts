import { z } from 'zod';
import { TimestampSchema } from '../http/common-schemas.ts';

export const CALL_ATTEMPT_STATUSES = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export const CALL_REASON_CODES = ['NO_ANSWER', 'BUSY', 'FAILED', 'VOICEMAIL', 'CANCELLED', 'COMPLETED', 'TELEPHONY_NOT_CONFIGURED', 'CANDIDATE_HUNG_UP'] as const;

/** §10 "Call attempts". */
export const CallAttemptSchema = z
  .object({
    id: z.uuid(),
    direction: z.enum(['OUTBOUND', 'INBOUND']),
    status: z.enum(CALL_ATTEMPT_STATUSES),
    reasonCode: z.enum(CALL_REASON_CODES).nullable(),
    notes: z.string().nullable(),
    retryNumber: z.number().int(),
    recordingUrl: z.string().nullable(),
    duration: z.number().int().nullable().describe('Seconds.'),
    scheduledAt: TimestampSchema,
    calledAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'CallAttempt' });

export type CallAttempt = z.infer<typeof CallAttemptSchema>;
