import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB } from '../db/schema.ts';
import { enqueue } from '../queue/enqueue.ts';
import type { TaskKindSpec } from '../queue/task-kind.ts';
import type { EventType } from './events.ts';
import type { DeliveryRow, WebhookRow } from './repository.ts';

export const WEBHOOK_DELIVER_TASK = 'webhook.deliver';

export type AttemptTrigger = 'AUTOMATIC' | 'REDELIVERY' | 'TEST';

/** The queued work: which delivery, and why (a redelivery is one attempt, without retries). */
export const deliverTaskPayload = z.object({
  deliveryId: z.string(),
  trigger: z.enum(['AUTOMATIC', 'REDELIVERY']).catch('AUTOMATIC'),
});
export type DeliverTaskPayload = z.infer<typeof deliverTaskPayload>;

/** What enqueueing a delivery needs of the `webhook.deliver` kind (its handler: `webhookDeliveryKind`). */
export const webhookDeliverTask: TaskKindSpec<DeliverTaskPayload> = { name: WEBHOOK_DELIVER_TASK, payload: deliverTaskPayload };

export interface EventForDelivery {
  type: EventType;
  companyId: string | null;
  interviewId: string | null;
  data: Record<string, unknown>;
}

/**
 * One event for one webhook. The body is fixed here, once: every attempt (and a redelivery) sends
 * the same bytes, with `deliveryId` equal to the `webhook-id` header (§11).
 */
export function newDeliveryRow(clock: Clock, webhook: Pick<WebhookRow, 'id'>, event: EventForDelivery): DeliveryRow {
  const id = newId();
  const now = clock.now().toISOString();
  const body = JSON.stringify({ event: event.type, timestamp: now, deliveryId: id, data: event.data });
  return {
    id,
    webhookId: webhook.id,
    companyId: event.companyId,
    eventType: event.type,
    interviewId: event.interviewId,
    body,
    status: 'PENDING',
    attemptCount: 0,
    lastStatusCode: null,
    lastError: null,
    deliveredAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Queues the delivery in the caller's transaction. Deliveries of one webhook about one interview
 * share an ordering key, so they go out one at a time, in the order they were recorded.
 */
export async function enqueueDelivery(trx: Kysely<DB>, clock: Clock, delivery: Pick<DeliveryRow, 'id' | 'interviewId'>, webhook: Pick<WebhookRow, 'id' | 'maxRetries'>, trigger: DeliverTaskPayload['trigger'] = 'AUTOMATIC'): Promise<void> {
  const payload: DeliverTaskPayload = { deliveryId: delivery.id, trigger };
  await enqueue(trx, clock, webhookDeliverTask, payload, {
    orderingKey: `${webhook.id}:${delivery.interviewId ?? delivery.id}`,
    // A redelivery makes one attempt; the second is there only for a worker that died mid-attempt.
    maxAttempts: trigger === 'REDELIVERY' ? 2 : webhook.maxRetries + 1,
  });
}
