import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them (camelCase; CamelCasePlugin maps them to snake_case columns).
 * Portable column types only: timestamps are ISO-8601 UTC text (they sort as text), JSON is text,
 * booleans are 0/1 integers. Dialect differences stay inside src/db.
 */
export interface CompaniesTable {
  id: string;
  name: string;
  description: string | null;
  ownerEmail: string | null;
  metadata: string;
  monthlyMinutes: number | null;
  rateLimitMinute: number | null;
  rateLimitHour: number | null;
  /** IANA name (§7); the database's default for rows written without it. */
  timezone: Generated<string>;
  /** An agent language other than UNDEFINED (§7). */
  defaultLanguage: Generated<string>;
  createdAt: string;
  updatedAt: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  kind: 'COMPANY' | 'ATS';
  companyId: string | null;
  keyHash: string;
  keyPrefix: string;
  scopes: string;
  isTest: number;
  expiresAt: string | null;
  allowedIps: string | null;
  rateLimitMinute: number | null;
  rateLimitHour: number | null;
  revokedAt: string | null;
  suspendedAt: string | null;
  suspendReason: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface ApiKeyCompaniesTable {
  apiKeyId: string;
  companyId: string;
  createdAt: string;
}

export interface PhoneNumbersTable {
  id: string;
  companyId: string;
  number: string;
  capabilities: string;
  provider: string;
  status: string;
  numberType: string;
  location: string | null;
  custom: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface AgentsTable {
  id: string;
  companyId: string;
  name: string;
  type: string;
  focus: string;
  language: string;
  duration: number;
  questions: string;
  instructions: string | null;
  voiceId: string | null;
  companyPhoneNumberId: string | null;
  cefrLevel: string | null;
  backgroundSound: string;
  metadata: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface JobsTable {
  id: string;
  companyId: string;
  title: string;
  description: string;
  status: string;
  jobUrl: string | null;
  benefits: string | null;
  requiredSkills: string;
  niceToHaveSkills: string;
  languageRequirements: string;
  education: string;
  experience: string | null;
  contractType: string | null;
  location: string | null;
  salary: string | null;
  metadata: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface CandidatesTable {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phoneNumber: string | null;
  gdprExpiryDate: string;
  status: string;
  metadata: string;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface CandidateJobsTable {
  candidateId: string;
  jobId: string;
  companyId: string;
  position: number;
}

export interface InterviewsTable {
  id: string;
  companyId: string;
  candidateId: string;
  agentId: string;
  jobId: string | null;
  channel: string;
  status: string;
  /** Why it ended as it did (§10 extension); null until it ends. */
  statusReason: string | null;
  scheduledAt: string;
  startedAt: string | null;
  finishedDate: string | null;
  durationMinutes: number | null;
  reservedMinutes: number;
  isTest: number;
  metadata: string;
  roomToken: string | null;
  analysis: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface TranscriptTurnsTable {
  id: string;
  companyId: string;
  interviewId: string;
  position: number;
  role: string;
  text: string;
  startedAt: string;
  endedAt: string;
  /** The plan question this interviewer turn asked (null: any other turn). */
  questionIndex: number | null;
  /** 'room' or 'phone' (null: stored before channels were kept). */
  channel: string | null;
  /** Recognised speech: the recogniser's confidence 0..1 as decimal text. */
  confidence: string | null;
}

export interface InterviewSessionsTable {
  interviewId: string;
  companyId: string;
  /** JSON: the session's state (the engine's state inside it), rewritten at every step. */
  state: string;
  /** JSON: the context pinned at Start, written once (null for a session started before 0017: in `state`). */
  context: string | null;
  /** 1 when the model interviewer kept failing and the structured one finished the interview. */
  modelFailed: number;
  createdAt: string;
  updatedAt: string;
}

export interface CallAttemptsTable {
  id: string;
  companyId: string;
  interviewId: string;
  direction: string;
  status: string;
  reasonCode: string | null;
  notes: string | null;
  retryNumber: number;
  recordingUrl: string | null;
  duration: number | null;
  scheduledAt: string;
  calledAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Twilio's CallSid once the call exists. */
  callSid: string | null;
  /** The explicit offset written in the `scheduledAt` this attempt was asked for (null: none given). */
  zoneOffsetMinutes: number | null;
}

/** CANCELLED: dropped by its key (`cancelTask`, `scheduleTask`); never run, or its running attempt's outcome ignored. */
export type QueueTaskStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'DEAD' | 'CANCELLED';

export interface QueueTasksTable {
  seq: Generated<number>;
  id: string;
  kind: string;
  payload: string;
  orderingKey: string | null;
  dedupeKey: string | null;
  status: QueueTaskStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IdempotencyKeysTable {
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  state: 'RUNNING' | 'COMMITTED' | 'DONE';
  responseStatus: number | null;
  responseBody: string | null;
  lockedUntil: string;
  createdAt: string;
}

export interface RateLimitCountersTable {
  apiKeyId: string;
  minuteStart: number;
  minuteUsed: Generated<number>;
  hourStart: number;
  hourUsed: Generated<number>;
}

export type WebhookOwnerKind = 'COMPANY' | 'ATS';

export interface WebhooksTable {
  id: string;
  /** Null for an ATS key's global webhook. */
  companyId: string | null;
  ownerKind: WebhookOwnerKind;
  atsKeyId: string | null;
  url: string;
  name: string | null;
  description: string | null;
  events: string;
  headers: string;
  secret: string;
  isActive: number;
  timeoutMs: number;
  maxRetries: number;
  circuitOpenedAt: string | null;
  consecutiveFailures: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED' | 'PARKED' | 'CANCELLED';

export interface WebhookDeliveriesTable {
  id: string;
  webhookId: string;
  companyId: string | null;
  eventType: string;
  interviewId: string | null;
  body: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookAttemptsTable {
  id: string;
  deliveryId: string;
  number: number;
  trigger: string;
  attemptedAt: string;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

/** The latest time a write transaction of each feed took (`src/db/feed-clock.ts`). */
export interface FeedClocksTable {
  /** A company id, `companies`, or `ats:<keyId>` (an ATS key's webhooks). */
  feed: string;
  stamp: string;
}

export interface DB {
  companies: CompaniesTable;
  apiKeys: ApiKeysTable;
  apiKeyCompanies: ApiKeyCompaniesTable;
  phoneNumbers: PhoneNumbersTable;
  agents: AgentsTable;
  jobs: JobsTable;
  candidates: CandidatesTable;
  candidateJobs: CandidateJobsTable;
  idempotencyKeys: IdempotencyKeysTable;
  queueTasks: QueueTasksTable;
  interviews: InterviewsTable;
  transcriptTurns: TranscriptTurnsTable;
  interviewSessions: InterviewSessionsTable;
  callAttempts: CallAttemptsTable;
  rateLimitCounters: RateLimitCountersTable;
  webhooks: WebhooksTable;
  webhookDeliveries: WebhookDeliveriesTable;
  webhookAttempts: WebhookAttemptsTable;
  feedClocks: FeedClocksTable;
  users: UsersTable;
  userSessions: UserSessionsTable;
  userInvitations: UserInvitationsTable;
  signInFailures: SignInFailuresTable;
}

/** Sign-in failures in their one-minute window (src/users/sign-in-limits.ts). */
export interface SignInFailuresTable {
  /** SHA-256 of `account:<email>` or `address:<group>`. */
  keyHash: string;
  windowStartedAt: string;
  failures: number;
}

export interface UsersTable {
  id: string;
  companyId: string;
  /** Lower case: sign-in compares addresses case-insensitively. */
  email: string;
  role: 'admin' | 'recruiter';
  /** `scrypt$…` (src/users/password.ts); null until the user sets a password. */
  passwordHash: string | null;
  disabledAt: string | null;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface UserSessionsTable {
  /** SHA-256 (hex) of the session cookie's value. */
  idHash: string;
  userId: string;
  companyId: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface UserInvitationsTable {
  /** SHA-256 (hex) of the link's token. */
  tokenHash: string;
  userId: string;
  companyId: string;
  createdAt: string;
  expiresAt: string;
}
