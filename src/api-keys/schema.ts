import { z } from 'zod';
import { SCOPES } from '../auth/scopes.ts';
import { CompanyIdQuery, InstantSchema, TimestampSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';

const ScopeSchema = z.enum(SCOPES);

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['COMPANY', 'ATS']),
    companyId: z.uuid().nullable(),
    keyPrefix: z.string().describe('The first characters of the key, to recognise it; the key itself is shown only at creation.'),
    scopes: z.array(ScopeSchema),
    isTest: z.boolean(),
    expiresAt: TimestampSchema.nullable(),
    allowedIps: z.array(z.string()).nullable(),
    rateLimitMinute: z.number().int().nullable(),
    rateLimitHour: z.number().int().nullable(),
    revokedAt: TimestampSchema.nullable(),
    suspendedAt: TimestampSchema.nullable(),
    suspendReason: z.string().nullable(),
    lastUsedAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'ApiKey', description: 'An API key (§3.1); never its plaintext or hash.' });

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().describe('The plaintext key, shown only in this answer: store it now.'),
}).meta({ id: 'CreatedApiKey' });

export const CreateApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scopes: z
    .array(ScopeSchema)
    .min(1)
    .max(SCOPES.length)
    .refine((list) => new Set(list).size === list.length, 'scopes must not repeat')
    .optional()
    .describe("Default: every scope the caller holds. A caller cannot grant a scope it lacks."),
  expiresAt: InstantSchema.nullable().optional(),
});

export const ApiKeyListQuery = ListQuerySchema.pick({ page: true, limit: true, order: true }).extend({ ...CompanyIdQuery });

export type ApiKeyView = z.infer<typeof ApiKeySchema>;
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyBody>;
export type ApiKeyListQuery = z.infer<typeof ApiKeyListQuery>;
