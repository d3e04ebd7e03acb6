import { z } from 'zod';
import { TimestampSchema, UuidSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';
import { EVENT_TYPES, EventListSchema, EventTypeSchema } from './events.ts';

export const WEBHOOK_DEFAULTS = { timeoutMs: 30_000, maxRetries: 3 } as const;
export const MAX_URL_LENGTH = 2048;
export const MAX_HEADERS = 50;

// Headers the delivery itself sets (or that would break the request): a webhook cannot override them.
export const RESERVED_HEADERS = new Set(['host', 'content-type', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'proxy-connection', 'user-agent']);
/** What Node's `http.validateHeaderName` accepts (RFC 9110 token). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * What Node's `http.validateHeaderValue` accepts (RFC 9110 field-value): tab, space, visible ASCII,
 * and U+0080..U+00FF (obs-text), which go out as single ISO-8859-1 bytes. Anything else — CR, LF,
 * NUL and other controls, DEL, "€", emoji — cannot be sent in a header at all.
 */
export const HEADER_VALUE = /^[\t\x20-\x7E\x80-\xFF]*$/;

const HeaderSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(256)
      .regex(HEADER_NAME, 'must be an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-)')
      .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()) && !name.toLowerCase().startsWith('webhook-'), 'is set by interviewd itself and cannot be overridden'),
    value: z
      .string()
      .max(4096)
      .regex(HEADER_VALUE, 'must hold only tab, space, visible ASCII and U+0080..U+00FF: an HTTP header cannot carry other characters (percent-encode or base64 them)'),
  })
  .meta({ id: 'WebhookHeader' });

const HeaderListSchema = z
  .array(HeaderSchema)
  .max(MAX_HEADERS)
  .superRefine((headers, ctx) => {
    const seen = new Set<string>();
    headers.forEach((header, index) => {
      const key = header.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `header "${header.name}" is given twice` });
      seen.add(key);
    });
  });

const field = {
  url: z.url({ protocol: /^https?$/, message: 'must be an absolute https URL' }).max(MAX_URL_LENGTH),
  name: z.string().trim().min(1).max(255).nullable(),
  description: z.string().max(1000).nullable(),
  headers: HeaderListSchema,
  timeoutMs: z.number().int().min(1000).max(30_000).describe('How long one attempt may take, in milliseconds (1000..30000).'),
  maxRetries: z.number().int().min(0).max(10).describe('Retries after a failed first attempt (0..10).'),
  isActive: z.boolean(),
};

export const CreateWebhookBody = z
  .strictObject({
    url: field.url.describe('https, at most 2048 characters; private, loopback and link-local targets are refused.'),
    events: EventListSchema,
    name: field.name.default(null),
    description: field.description.default(null),
    companyId: UuidSchema.nullable().default(null).describe('ATS keys: a company the key manages (omitted = every company it manages, now and later). Company keys: their own company.'),
    headers: field.headers.default([]),
    timeoutMs: field.timeoutMs.default(WEBHOOK_DEFAULTS.timeoutMs),
    maxRetries: field.maxRetries.default(WEBHOOK_DEFAULTS.maxRetries),
    isActive: field.isActive.default(true),
  })
  .meta({ id: 'CreateWebhook' });

export const UpdateWebhookBody = z
  .strictObject({
    url: field.url.optional(),
    events: EventListSchema.optional(),
    name: field.name.optional(),
    description: field.description.optional(),
    headers: field.headers.optional().describe('Replaces every custom header.'),
    timeoutMs: field.timeoutMs.optional(),
    maxRetries: field.maxRetries.optional(),
    isActive: field.isActive.optional().describe('false pauses deliveries; true resumes them and re-arms an open circuit.'),
  })
  .meta({ id: 'UpdateWebhook' });

export const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    name: z.string().nullable(),
    description: z.string().nullable(),
    events: z.array(EventTypeSchema),
    companyId: z.uuid().nullable().describe('null: an ATS key\'s global webhook.'),
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
    isActive: z.boolean(),
    timeoutMs: z.number().int(),
    maxRetries: z.number().int(),
    circuitOpenedAt: TimestampSchema.nullable(),
    consecutiveFailures: z.number().int(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Webhook' });

export const CreatedWebhookSchema = WebhookSchema.extend({
  signingSecret: z.string().describe('whsec_…: verifies the webhook-signature header (Standard Webhooks). Shown only in this answer.'),
}).meta({ id: 'CreatedWebhook' });

export const WebhookListQuery = ListQuerySchema.extend({
  companyId: z.string().optional().describe('ATS keys: only the webhooks of this company (a company the key manages). Ignored for company keys.'),
});

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'PARKED', 'CANCELLED'] as const;

export const DeliveryParamsSchema = z.object({ id: UuidSchema, deliveryId: UuidSchema });

export const DeliveryListQuery = ListQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES).optional(),
  // Spelled out: a query parameter cannot reference a component schema.
  event: z.enum(EVENT_TYPES).optional(),
});

export const AttemptSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int().describe('1 for the first attempt of the delivery.'),
    trigger: z.enum(['AUTOMATIC', 'REDELIVERY', 'TEST']),
    attemptedAt: TimestampSchema,
    statusCode: z.number().int().nullable().describe('The receiver\'s HTTP status; null when no answer came.'),
    latencyMs: z.number().int(),
    responseBody: z.string().nullable().describe('The first 2 KB of the receiver\'s answer.'),
    error: z.string().nullable(),
  })
  .meta({ id: 'WebhookAttempt' });

export const DeliverySchema = z
  .object({
    id: z.uuid().describe('Also the webhook-id header and the body\'s deliveryId.'),
    webhookId: z.uuid(),
    event: EventTypeSchema,
    status: z.enum(DELIVERY_STATUSES),
    interviewId: z.string().nullable(),
    companyId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).describe('The body sent: { event, timestamp, deliveryId, data }.'),
    attemptCount: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    attempts: z.array(AttemptSchema),
  })
  .meta({ id: 'WebhookDelivery' });

export const TestResultSchema = z
  .object({
    success: z.boolean(),
    deliveryId: z.uuid(),
    httpStatus: z.number().int().nullable(),
    durationMs: z.number().int(),
    message: z.string(),
  })
  .meta({ id: 'WebhookTestResult' });

export type Webhook = z.infer<typeof WebhookSchema>;
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;
export type CreateWebhookInput = z.infer<typeof CreateWebhookBody>;
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookBody>;
export type WebhookListQuery = z.infer<typeof WebhookListQuery>;
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;
export type Delivery = z.infer<typeof DeliverySchema>;
export type Attempt = z.infer<typeof AttemptSchema>;
export type TestResult = z.infer<typeof TestResultSchema>;
