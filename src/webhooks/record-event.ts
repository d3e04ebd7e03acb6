import type { Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB } from '../db/schema.ts';
import { enqueueSubscribers } from '../events/subscribers.ts';
import type { EventType } from './events.ts';
import { enqueueDelivery, newDeliveryRow } from './outbox.ts';
import { insertDeliveries, subscribedWebhooks } from './repository.ts';

export { EVENT_TYPES, type EventType } from './events.ts';

export interface DomainEvent {
  type: EventType;
  companyId: string;
  interviewId: string;
  /** The delivery's `data` (§11): interviewId, companyId, candidateId, agentId, jobId, status, … */
  data: Record<string, unknown>;
}

/**
 * Records an event inside the transaction of the change that caused it (outbox), so it is
 * delivered exactly when the change committed; answers the event's id. The event starts the
 * internal work subscribed to it (`EventSubscribers`, one task per subscriber) and fans out to deliveries:
 * one per active webhook subscribed to the event that can see the company (its own webhooks, the
 * global webhooks of the ATS keys managing it, ATS webhooks made for it), each a queued
 * `webhook.deliver` task ordered per webhook and interview.
 *
 * Per-interview order holds when the events of one interview are recorded by transactions that
 * serialise on that interview (they update its row), which every status change does.
 */
export async function recordEvent(trx: Transaction<DB>, clock: Clock, event: DomainEvent): Promise<string> {
  return (await record(trx, clock, event)).eventId;
}

/** `recordEvent` that answers the ids of the deliveries it created (tests, tools). */
export async function fanOutEvent(trx: Transaction<DB>, clock: Clock, event: DomainEvent): Promise<string[]> {
  return (await record(trx, clock, event)).deliveryIds;
}

async function record(trx: Transaction<DB>, clock: Clock, event: DomainEvent): Promise<{ eventId: string; deliveryIds: string[] }> {
  const eventId = newId();
  await enqueueSubscribers(trx, clock, { eventId, type: event.type, companyId: event.companyId, interviewId: event.interviewId });
  const webhooks = await subscribedWebhooks(trx, event.companyId, event.type, clock.now().toISOString());
  if (webhooks.length === 0) return { eventId, deliveryIds: [] };
  const deliveries = webhooks.map((webhook) => newDeliveryRow(clock, webhook, { type: event.type, companyId: event.companyId, interviewId: event.interviewId, data: event.data }));
  await insertDeliveries(trx, deliveries);
  for (const [i, delivery] of deliveries.entries()) await enqueueDelivery(trx, clock, delivery, webhooks[i] as (typeof webhooks)[number]);
  return { eventId, deliveryIds: deliveries.map((d) => d.id) };
}
