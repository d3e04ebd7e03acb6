/** The contract's enum values the forms offer; `satisfies` ties each list to the generated types. */
import type { AgentInput, InterviewStatus, CandidateInput, JobInput, WebhookInput } from './api/types';

type Of<T> = readonly NonNullable<T>[];

export const AGENT_TYPES = ['ONLINE', 'PHONE', 'UNDEFINED'] as const satisfies Of<AgentInput['type']>;
export const AGENT_FOCUS = ['SCREENING', 'GENERIC', 'OUTREACH', 'LANGUAGE_TEST', 'UNDEFINED'] as const satisfies Of<AgentInput['focus']>;
export const LANGUAGES = ['EN', 'JA', 'ZH', 'DE', 'HI', 'FR', 'KO', 'PT', 'IT', 'ES', 'ID', 'NL', 'TR', 'FIL', 'PL', 'SV', 'BG', 'RO', 'AR', 'CS', 'EL', 'FI', 'HR', 'MS', 'SK', 'DA', 'TA', 'UK', 'RU', 'HU', 'NO', 'VI', 'UNDEFINED'] as const satisfies Of<AgentInput['language']>;
export const VOICES = ['ALEX', 'PETER', 'MICHAEL', 'LUKE', 'MIRIAM', 'SUE', 'VIERA', 'CASANDRA', 'SILVIA', 'EMMA', 'SARAH', 'EVA'] as const satisfies Of<AgentInput['voiceId']>;
export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const satisfies Of<AgentInput['cefrLevel']>;
export const BACKGROUND = ['OFFICE', 'OFF'] as const satisfies Of<AgentInput['backgroundSound']>;
export const INTERVIEW_STATUS = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'] as const satisfies Of<InterviewStatus>;
export const CANDIDATE_STATUS = ['APPLIED', 'IN_PROCESS', 'REJECTED', 'ACCEPTED', 'UNDEFINED'] as const satisfies Of<CandidateInput['status']>;
export const JOB_STATUS = ['OPEN', 'DRAFT', 'CLOSED', 'ARCHIVED'] as const satisfies Of<JobInput['status']>;
export const WEBHOOK_EVENTS = [
  'interview.scheduled',
  'interview.started',
  'interview.completed',
  'interview.failed',
  'interview.cancelled',
  'analysis.completed',
  'analysis.failed',
  'call_attempt.failed',
  'ping',
] as const satisfies readonly string[];
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type _WebhookEvents = WebhookInput['events'];
