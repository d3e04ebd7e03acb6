import { z } from 'zod';
import { CompanyIdQuery, TimestampSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';

export const E164Schema = z.string().regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 number such as +14155550123');

export const CAPABILITIES = ['OUTBOUND', 'INBOUND'] as const;
export const PROVIDERS = ['TWILIO'] as const;
export const PHONE_STATUSES = ['AVAILABLE', 'DISABLED'] as const;
export const NUMBER_TYPES = ['LOCAL', 'MOBILE', 'TOLL_FREE'] as const;

const Capabilities = z
  .array(z.enum(CAPABILITIES))
  .min(1)
  .max(2)
  .refine((list) => new Set(list).size === list.length, 'capabilities must not repeat');

export const RegisterPhoneNumberBody = z.strictObject({
  number: E164Schema,
  capabilities: Capabilities.default(['OUTBOUND']),
  provider: z.enum(PROVIDERS).default('TWILIO'),
  numberType: z.enum(NUMBER_TYPES).default('LOCAL'),
  location: z.string().trim().min(1).max(200).nullable().optional(),
});

export const UpdatePhoneNumberBody = z.strictObject({
  capabilities: Capabilities.optional(),
  status: z.enum(PHONE_STATUSES).optional(),
  location: z.string().trim().min(1).max(200).nullable().optional(),
});

export const PhoneNumberListQuery = ListQuerySchema.extend({
  ...CompanyIdQuery,
  status: z.enum(PHONE_STATUSES).optional(),
});

export const PhoneNumberSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    companyId: z.uuid(),
    capabilities: z.array(z.enum(CAPABILITIES)),
    provider: z.enum(PROVIDERS),
    status: z.enum(PHONE_STATUSES),
    numberType: z.enum(NUMBER_TYPES),
    location: z.string().nullable(),
    custom: z.boolean(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'PhoneNumber' });

export type PhoneNumber = z.infer<typeof PhoneNumberSchema>;
export type RegisterPhoneNumberInput = z.infer<typeof RegisterPhoneNumberBody>;
export type UpdatePhoneNumberInput = z.infer<typeof UpdatePhoneNumberBody>;
export type PhoneNumberListQuery = z.infer<typeof PhoneNumberListQuery>;
