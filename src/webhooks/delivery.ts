import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB, WebhookDeliveryStatus } from '../db/schema.ts';
import { storableText } from '../db/storable-text.ts';
import { PermanentTaskError, type TaskContext, type TaskKind, taskKind } from '../queue/task-kind.ts';
import { AttemptLog } from './attempt-log.ts';
import { circuitState } from './circuit.ts';
import { type AttemptTrigger, deliverTaskPayload, type DeliverTaskPayload, WEBHOOK_DELIVER_TASK } from './outbox.ts';
import { DeliveryLoader, type OwnerKeyState } from './delivery-loader.ts';
import { type AttemptRecord, type DeliveryRow, parkDelivery, recordAttempts, setDeliveryStatus, type WebhookRow } from './repository.ts';
import { type AttemptOutcome, sendDelivery } from './sender.ts';
import type { Resolver } from './ssrf-guard.ts';

export interface DeliveryDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** `WEBHOOK_ALLOW_PRIVATE_TARGETS`. */
  allowPrivate: boolean;
  resolve?: Resolver;
  /** Writes attempts; without one each attempt is its own transaction. */
  log?: AttemptLog;
}

/**
 * §11 back-off: the first retry within 10 s, the gap doubling up to one hour, each delay drawn
 * from 50–100 % of its step (jitter, so many failing deliveries do not retry in lock-step).
 */
export function webhookBackoffMs(attempt: number): number {
  const step = Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + Math.random() * 0.5));
}

/** Deliveries one process sends at once (the sender keeps as many sockets per receiver). */
export const WEBHOOK_DELIVERY_CONCURRENCY = 100;

/** Thrown to make the runner retry (or give up after the last attempt). */
export class DeliveryFailed extends Error {}

/** A failed redelivery: it was one explicit attempt, not retried. */
class RedeliveryFailed extends PermanentTaskError {}

/**
 * Sends one attempt of a delivery and records it (log row, delivery summary, circuit) in one
 * transaction. `final` says whether a failure ends the delivery (no retry will follow).
 */
export async function attemptDelivery(deps: DeliveryDeps, delivery: DeliveryRow, webhook: WebhookRow, trigger: AttemptTrigger, final: boolean): Promise<AttemptOutcome & { attemptId: string }> {
  const at = deps.clock.now();
  const sent = await sendDelivery(
    { url: webhook.url, headers: JSON.parse(webhook.headers) as { name: string; value: string }[], secret: webhook.secret, timeoutMs: webhook.timeoutMs },
    delivery.id,
    delivery.body,
    at,
    { allowPrivate: deps.allowPrivate, resolve: deps.resolve },
  );
  // The receiver's words (its answer; an error may quote them) are stored as text PostgreSQL can hold.
  const outcome: AttemptOutcome = { ...sent, responseBody: storableText(sent.responseBody), error: storableText(sent.error) };
  const attemptId = newId();
  const status: WebhookDeliveryStatus = outcome.ok ? 'DELIVERED' : final ? 'FAILED' : 'PENDING';
  const record: AttemptRecord = {
    deliveryId: delivery.id,
    webhookId: webhook.id,
    attemptId,
    number: delivery.attemptCount + 1,
    trigger,
    at: at.toISOString(),
    statusCode: outcome.statusCode,
    latencyMs: outcome.latencyMs,
    responseBody: outcome.responseBody,
    error: outcome.error,
    status,
    countsForCircuit: trigger !== 'TEST',
    ok: outcome.ok,
  };
  if (deps.log) await deps.log.record(record);
  else await deps.db.transaction().execute((trx) => recordAttempts(trx, [record]));
  return { ...outcome, attemptId };
}

/** Whether the ATS key owning a webhook is valid at `now` (a company webhook has no owning key). */
export function ownerKeyValid(ownerKey: OwnerKeyState | null, now: string): boolean {
  if (!ownerKey) return true;
  return ownerKey.revokedAt === null && ownerKey.suspendedAt === null && (ownerKey.expiresAt === null || ownerKey.expiresAt > now);
}

/**
 * The `webhook.deliver` task. A delivery whose webhook was deleted is dropped; one whose webhook
 * is inactive (paused, or its circuit open) is parked and resumed, in order, when the webhook is
 * re-armed; one whose owning ATS key is revoked, suspended or expired is parked too (nothing in
 * the product re-validates a key, so nothing resumes it by itself); an automatic task whose
 * delivery already finished (a re-run after a crash between the attempt and the task's
 * completion) sends nothing again.
 */
export function webhookDeliveryKind(base: DeliveryDeps): TaskKind<DeliverTaskPayload> {
  const deps: DeliveryDeps = { ...base, log: base.log ?? new AttemptLog(base.db) };
  const loader = new DeliveryLoader(base.db);
  return taskKind({
    name: WEBHOOK_DELIVER_TASK,
    payload: deliverTaskPayload,
    backoffMs: webhookBackoffMs,
    // Deliveries wait on receivers, not on this process: many at once, as many as the sender keeps sockets per receiver.
    concurrency: WEBHOOK_DELIVERY_CONCURRENCY,
    async run({ deliveryId, trigger }: DeliverTaskPayload, context: TaskContext) {
      for (;;) {
        const found = await loader.load(deliveryId);
        if (!found) return;
        const { delivery, webhook, ownerKey } = found;
        const now = deps.clock.now().toISOString();
        if (webhook.deletedAt) {
          await setDeliveryStatus(deps.db, delivery.id, 'CANCELLED', now, ['PENDING', 'PARKED']);
          return;
        }
        if (delivery.status === 'CANCELLED' || (trigger === 'AUTOMATIC' && delivery.status !== 'PENDING')) return;
        const keyValid = ownerKeyValid(ownerKey, now);
        if (circuitState(webhook) !== 'ACTIVE' || !keyValid) {
          if (await parkDelivery(deps.db, delivery.id, webhook.id, now, !keyValid)) return;
          continue; // re-armed since it was read: read it again and deliver
        }
        // A redelivery is one attempt (its task has a second only to survive a crash mid-attempt).
        const redelivery = trigger === 'REDELIVERY';
        const outcome = await attemptDelivery(deps, delivery, webhook, trigger, redelivery || context.attempt >= context.maxAttempts);
        if (!outcome.ok) throw redelivery ? new RedeliveryFailed(outcome.error ?? 'redelivery failed') : new DeliveryFailed(outcome.error ?? 'delivery failed');
        return;
      }
    },
  });
}
