import { z } from 'zod';
import { CompanyIdQuery, TimestampSchema, UuidSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';
import { MetadataPatchSchema, MetadataSchema } from '../metadata/metadata.ts';

export const AGENT_TYPES = ['UNDEFINED', 'ONLINE', 'PHONE'] as const;
/** §5's table omits UNDEFINED for focus, but §5 also says an agent whose focus is UNDEFINED "is stored": accepted. */
export const AGENT_FOCUSES = ['UNDEFINED', 'GENERIC', 'SCREENING', 'OUTREACH', 'LANGUAGE_TEST'] as const;
export const LANGUAGES = [
  'UNDEFINED', 'EN', 'JA', 'ZH', 'DE', 'HI', 'FR', 'KO', 'PT', 'IT', 'ES', 'ID', 'NL', 'TR', 'FIL', 'PL', 'SV', 'BG', 'RO', 'AR',
  'CS', 'EL', 'FI', 'HR', 'MS', 'SK', 'DA', 'TA', 'UK', 'RU', 'HU', 'NO', 'VI',
] as const;
export const VOICES = ['ALEX', 'PETER', 'MIRIAM', 'SUE', 'VIERA', 'CASANDRA', 'SILVIA', 'MICHAEL', 'LUKE', 'EMMA', 'SARAH', 'EVA'] as const;
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const BACKGROUND_SOUNDS = ['OFFICE', 'OFF'] as const;

export const AgentType = z.enum(AGENT_TYPES);
export const AgentFocus = z.enum(AGENT_FOCUSES);
export const Language = z.enum(LANGUAGES);
export const CefrLevel = z.enum(CEFR_LEVELS);

/** Field rules of §5, written once for create, update and inline creation inside an interview. */
const field = {
  name: z.string().trim().min(2).max(100),
  duration: z.number().int().min(1).max(180).describe('Minutes.'),
  questions: z.array(z.string().trim().min(1).max(1000)).max(50),
  instructions: z.string().max(2000).nullable(),
  voiceId: z.enum(VOICES).nullable().describe('Male: ALEX PETER MICHAEL LUKE; female: the rest.'),
  companyPhoneNumberId: UuidSchema.nullable().describe('Required when type is PHONE: an active OUTBOUND number of the company.'),
  cefrLevel: CefrLevel.nullable().describe('Required when focus is LANGUAGE_TEST, rejected otherwise.'),
  backgroundSound: z.enum(BACKGROUND_SOUNDS),
};

export const CreateAgentBody = z
  .strictObject({
    name: field.name,
    type: AgentType.default('ONLINE'),
    focus: AgentFocus.default('SCREENING'),
    language: Language.default('EN'),
    duration: field.duration.default(30),
    questions: field.questions.default([]),
    instructions: field.instructions.default(null),
    voiceId: field.voiceId.default(null),
    companyPhoneNumberId: field.companyPhoneNumberId.default(null),
    cefrLevel: field.cefrLevel.default(null),
    backgroundSound: field.backgroundSound.default('OFFICE'),
    metadata: MetadataSchema.default({}),
  })
  .meta({ id: 'CreateAgent' });

export const UpdateAgentBody = z
  .strictObject({
    name: field.name.optional(),
    type: AgentType.optional(),
    focus: AgentFocus.optional(),
    language: Language.optional(),
    duration: field.duration.optional(),
    questions: field.questions.optional(),
    instructions: field.instructions.optional(),
    voiceId: field.voiceId.optional(),
    companyPhoneNumberId: field.companyPhoneNumberId.optional(),
    cefrLevel: field.cefrLevel.optional(),
    backgroundSound: field.backgroundSound.optional(),
    metadata: MetadataPatchSchema.optional().describe('JSON Merge Patch (RFC 7396): a null value removes the key.'),
  })
  .meta({ id: 'UpdateAgent' });

export const AgentSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    name: z.string(),
    type: AgentType,
    focus: AgentFocus,
    language: Language,
    duration: z.number().int(),
    questions: z.array(z.string()),
    instructions: z.string().nullable(),
    voiceId: z.enum(VOICES).nullable(),
    companyPhoneNumberId: z.uuid().nullable(),
    cefrLevel: CefrLevel.nullable(),
    backgroundSound: z.enum(BACKGROUND_SOUNDS),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Agent' });

export const AgentListQuery = ListQuerySchema.extend({
  ...CompanyIdQuery,
  type: AgentType.optional(),
  focus: AgentFocus.optional(),
  language: Language.optional(),
  search: z.string().max(200).optional().describe('Case-insensitive substring of the name.'),
});

export type Agent = z.infer<typeof AgentSchema>;
export type CreateAgentInput = z.infer<typeof CreateAgentBody>;
export type UpdateAgentInput = z.infer<typeof UpdateAgentBody>;
export type AgentListQuery = z.infer<typeof AgentListQuery>;
