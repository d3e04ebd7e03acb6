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

export interface DB {
  companies: CompaniesTable;
  apiKeys: ApiKeysTable;
  apiKeyCompanies: ApiKeyCompaniesTable;
  phoneNumbers: PhoneNumbersTable;
  agents: AgentsTable;
  idempotencyKeys: IdempotencyKeysTable;
  rateLimitCounters: RateLimitCountersTable;
}
