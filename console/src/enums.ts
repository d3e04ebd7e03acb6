/**
 * The contract's enum values the forms offer. Each list is checked against the generated OpenAPI types both
 * ways: a value the contract drops or adds (e.g. a new webhook event) fails the console's typecheck.
 */
import type { AgentInput, InterviewStatus, CandidateInput, JobInput, Webhook } from './api/types';

/** Every value of `T`, each a member of `T`: the argument is `never` (a type error) when one is missing. */
const everyValueOf =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): L =>
    values;

export const AGENT_TYPES = everyValueOf<NonNullable<AgentInput['type']>>()(['ONLINE', 'PHONE', 'UNDEFINED']);
export const AGENT_FOCUS = everyValueOf<NonNullable<AgentInput['focus']>>()(['SCREENING', 'GENERIC', 'OUTREACH', 'LANGUAGE_TEST', 'UNDEFINED']);
export const LANGUAGES = everyValueOf<NonNullable<AgentInput['language']>>()(['EN', 'JA', 'ZH', 'DE', 'HI', 'FR', 'KO', 'PT', 'IT', 'ES', 'ID', 'NL', 'TR', 'FIL', 'PL', 'SV', 'BG', 'RO', 'AR', 'CS', 'EL', 'FI', 'HR', 'MS', 'SK', 'DA', 'TA', 'UK', 'RU', 'HU', 'NO', 'VI', 'UNDEFINED']);
export const VOICES = everyValueOf<NonNullable<AgentInput['voiceId']>>()(['ALEX', 'PETER', 'MICHAEL', 'LUKE', 'MIRIAM', 'SUE', 'VIERA', 'CASANDRA', 'SILVIA', 'EMMA', 'SARAH', 'EVA']);
export const CEFR = everyValueOf<NonNullable<AgentInput['cefrLevel']>>()(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
export const BACKGROUND = everyValueOf<NonNullable<AgentInput['backgroundSound']>>()(['OFFICE', 'OFF']);
export const INTERVIEW_STATUS = everyValueOf<InterviewStatus>()(['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED']);
export const CANDIDATE_STATUS = everyValueOf<NonNullable<CandidateInput['status']>>()(['APPLIED', 'IN_PROCESS', 'REJECTED', 'ACCEPTED', 'UNDEFINED']);
export const JOB_STATUS = everyValueOf<NonNullable<JobInput['status']>>()(['OPEN', 'DRAFT', 'CLOSED', 'ARCHIVED']);

/** The contract's webhook event names (the `WebhookEventType` schema a webhook's `events` answer with). */
export type WebhookEvent = Webhook['events'][number];
export const WEBHOOK_EVENTS = everyValueOf<WebhookEvent>()(['interview.scheduled', 'interview.started', 'interview.completed', 'interview.failed', 'interview.cancelled', 'analysis.completed', 'analysis.failed', 'call_attempt.failed', 'ping']);
