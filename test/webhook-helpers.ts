/** Shared steps of the webhook suites: create a webhook at a receiver endpoint, emit events. */
import { expect } from 'vitest';
import { type Clock, systemClock } from '../src/core/clock.ts';
import { newId } from '../src/core/ids.ts';
import type { Database } from '../src/db/database.ts';
import { type DomainEvent, type EventType, fanOutEvent } from '../src/webhooks/record-event.ts';
import type { Endpoint } from './fakes/webhook-receiver.ts';
import type { ApiClient } from './harness.ts';

/** Creates a webhook pointing at `endpoint` and hands the endpoint its secret. Returns the answer. */
export async function createWebhookAt(api: ApiClient, endpoint: Endpoint, body: Record<string, unknown> = {}) {
  const res = await api('POST', '/v1/webhooks', { body: { url: endpoint.url, events: ['interview.started', 'interview.completed', 'ping'], ...body } });
  expect(res.status, res.text).toBe(201);
  endpoint.secret = res.body.signingSecret;
  return res.body as Record<string, any> & { id: string; signingSecret: string }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The §11 data of an interview event, for tests. */
export function interviewData(companyId: string, interviewId: string, extra: Record<string, unknown> = {}) {
  return { interviewId, companyId, candidateId: newId(), agentId: newId(), jobId: null, status: 'IN_PROGRESS', ...extra };
}

/** Records one event the way the interviews module does: `recordEvent` inside a transaction. Returns delivery ids. */
export function emit(database: Database, event: { type?: EventType; companyId: string; interviewId?: string; data?: Record<string, unknown> }, clock: Clock = systemClock): Promise<string[]> {
  const interviewId = event.interviewId ?? newId();
  const full: DomainEvent = { type: event.type ?? 'interview.started', companyId: event.companyId, interviewId, data: event.data ?? interviewData(event.companyId, interviewId) };
  return database.db.transaction().execute((trx) => fanOutEvent(trx, clock, full));
}

/** Polls `check` until it returns a truthy value (or fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000, label = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${label} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
