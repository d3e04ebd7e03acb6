import { z } from 'zod';
import { CefrLevel, Language } from '../agents/schema.ts';
import { CompanyIdQuery, TimestampSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';
import { MetadataSchema } from '../metadata/metadata.ts';
import { COUNTRY_CODES, CURRENCY_CODES } from './iso-codes.ts';

export const JOB_STATUSES = ['OPEN', 'CLOSED', 'DRAFT', 'ARCHIVED'] as const;
export const EDUCATION_LEVELS = [
  'UNDEFINED', 'PRIMARY_EDUCATION', 'SECONDARY_SCHOOL_STUDENT', 'SECONDARY_WITHOUT_DIPLOMA', 'SECONDARY_WITH_DIPLOMA',
  'POST_SECONDARY_VOCATIONAL', 'UNIVERSITY_STUDENT', 'BACHELOR_LEVEL', 'MASTER_LEVEL', 'POSTGRADUATE',
] as const;
export const EXPERIENCE_LEVELS = ['UNDEFINED', 'NO_EXPERIENCE', 'LESS_THAN_1_YEAR', 'ONE_TO_3_YEARS', 'THREE_TO_5_YEARS', 'FIVE_TO_10_YEARS', 'MORE_THAN_10_YEARS'] as const;
export const CONTRACT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACT', 'TEMPORARY', 'INTERNSHIP', 'FREELANCE'] as const;
export const WORK_MODES = ['ONSITE', 'REMOTE', 'HYBRID'] as const;
export const SALARY_PERIODS = ['HOURLY', 'MONTHLY', 'YEARLY'] as const;

const Skills = z.array(z.string().trim().min(1).max(128)).max(10);

const LocationSchema = z
  .strictObject({
    workMode: z.enum(WORK_MODES),
    street: z.string().trim().min(1).max(200).nullable().default(null),
    city: z.string().trim().min(1).max(200).nullable().default(null),
    postalCode: z.string().trim().min(1).max(20).nullable().default(null),
    countryCode: z
      .string()
      .refine((code) => COUNTRY_CODES.has(code), 'must be an ISO 3166-1 alpha-2 country code such as DE')
      .nullable()
      .default(null),
  })
  .meta({ id: 'JobLocation' });

const SalarySchema = z
  .strictObject({
    min: z.number().min(0),
    max: z.number().min(0),
    currency: z.string().refine((code) => CURRENCY_CODES.has(code), 'must be an ISO 4217 currency code such as EUR'),
    period: z.enum(SALARY_PERIODS),
  })
  .refine((salary) => salary.min <= salary.max, { message: 'salary.min must be at most salary.max', path: ['min'] })
  .meta({ id: 'JobSalary' });

const LanguageRequirementSchema = z.strictObject({ language: Language, proficiency: CefrLevel });

/** §8's field rules, written once for create, update and inline creation inside an interview. */
const field = {
  title: z.string().trim().min(5).max(200),
  description: z.string().trim().min(10).max(5000),
  status: z.enum(JOB_STATUSES),
  jobUrl: z.url({ protocol: /^https?$/ }).max(2048).nullable(),
  benefits: z.string().max(5000).nullable(),
  requiredSkills: Skills,
  niceToHaveSkills: Skills,
  languageRequirements: z.array(LanguageRequirementSchema).max(5),
  education: z.array(z.enum(EDUCATION_LEVELS)).max(EDUCATION_LEVELS.length),
  experience: z.enum(EXPERIENCE_LEVELS).nullable(),
  contractType: z.enum(CONTRACT_TYPES).nullable(),
  location: LocationSchema.nullable(),
  salary: SalarySchema.nullable(),
};

export const CreateJobBody = z
  .strictObject({
    title: field.title,
    description: field.description,
    status: field.status.default('OPEN'),
    jobUrl: field.jobUrl.default(null),
    benefits: field.benefits.default(null),
    requiredSkills: field.requiredSkills.default([]),
    niceToHaveSkills: field.niceToHaveSkills.default([]),
    languageRequirements: field.languageRequirements.default([]),
    education: field.education.default([]),
    experience: field.experience.default(null),
    contractType: field.contractType.default(null),
    location: field.location.default(null),
    salary: field.salary.default(null),
    metadata: MetadataSchema.default({}),
  })
  .meta({ id: 'CreateJob' });

export const UpdateJobBody = z
  .strictObject({
    title: field.title.optional(),
    description: field.description.optional(),
    status: field.status.optional(),
    jobUrl: field.jobUrl.optional(),
    benefits: field.benefits.optional(),
    requiredSkills: field.requiredSkills.optional(),
    niceToHaveSkills: field.niceToHaveSkills.optional(),
    languageRequirements: field.languageRequirements.optional(),
    education: field.education.optional(),
    experience: field.experience.optional(),
    contractType: field.contractType.optional(),
    location: field.location.optional(),
    salary: field.salary.optional(),
    metadata: MetadataSchema.optional().describe('Replaces the whole metadata object (§4).'),
  })
  .meta({ id: 'UpdateJob' });

export const JobSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    title: z.string(),
    description: z.string(),
    status: z.enum(JOB_STATUSES),
    jobUrl: z.string().nullable(),
    benefits: z.string().nullable(),
    requiredSkills: z.array(z.string()),
    niceToHaveSkills: z.array(z.string()),
    languageRequirements: z.array(z.object({ language: Language, proficiency: CefrLevel })),
    education: z.array(z.enum(EDUCATION_LEVELS)),
    experience: z.enum(EXPERIENCE_LEVELS).nullable(),
    contractType: z.enum(CONTRACT_TYPES).nullable(),
    location: z
      .object({ workMode: z.enum(WORK_MODES), street: z.string().nullable(), city: z.string().nullable(), postalCode: z.string().nullable(), countryCode: z.string().nullable() })
      .nullable(),
    salary: z.object({ min: z.number(), max: z.number(), currency: z.string(), period: z.enum(SALARY_PERIODS) }).nullable(),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Job' });

export const JobListQuery = ListQuerySchema.extend({
  ...CompanyIdQuery,
  status: z.enum(JOB_STATUSES).optional(),
  search: z.string().max(200).optional().describe('Case-insensitive substring of the title.'),
});

export type Job = z.infer<typeof JobSchema>;
export type CreateJobInput = z.infer<typeof CreateJobBody>;
export type UpdateJobInput = z.infer<typeof UpdateJobBody>;
export type JobListQuery = z.infer<typeof JobListQuery>;
