import { z } from 'zod';
import type { AppError } from './catalogue.ts';
import { ERROR_STATUS } from './catalogue.ts';

export const ErrorEnvelopeSchema = z
  .object({
    success: z.literal(false),
    data: z.null(),
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
    timestamp: z.string(),
  })
  .meta({ id: 'ErrorEnvelope', description: 'Every error answer has this body (contract §2).' });

export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

export function toEnvelope(error: AppError, now: Date): ErrorEnvelope {
  return {
    success: false,
    data: null,
    error: { code: error.code, message: error.message, details: error.details },
    timestamp: now.toISOString(),
  };
}
