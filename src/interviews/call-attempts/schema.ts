import { z } from 'zod';
import { CompanyIdQuery, InstantKeepingOffsetSchema, UuidSchema } from '../../http/common-schemas.ts';
import { ListQuerySchema } from '../../http/pagination.ts';

// The offset written in scheduledAt is where the candidate is: the calling window is read there.
const Instant = InstantKeepingOffsetSchema;

/** §10 `POST /v1/interviews/{id}/call-attempts`. */
export const CreateCallAttemptBody = z
  .strictObject({
    scheduledAt: Instant.optional().describe('When to call: from now up to 30 days ahead; omitted means now.'),
  })
  .meta({ id: 'CreateCallAttempt' });

/** §10 `PATCH /v1/interviews/{id}/call-attempts/{attemptId}`: reschedules a SCHEDULED attempt. */
export const UpdateCallAttemptBody = z
  .strictObject({
    scheduledAt: Instant.describe('The new time of the call: from now up to 30 days ahead.'),
  })
  .meta({ id: 'UpdateCallAttempt' });

export const CallAttemptParams = z.object({ id: UuidSchema, attemptId: UuidSchema });

export const CallAttemptListQuery = ListQuerySchema.extend({ ...CompanyIdQuery });

export type CreateCallAttemptInput = z.infer<typeof CreateCallAttemptBody>;
export type UpdateCallAttemptInput = z.infer<typeof UpdateCallAttemptBody>;
export type CallAttemptListQuery = z.infer<typeof CallAttemptListQuery>;
