import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB, WebhookDeliveryStatus } from '../db/schema.ts';
import { noPayload } from '../queue/recurring.ts';
import { taskKind } from '../queue/task-kind.ts';

export const DELIVERY_RETENTION_TASK = 'webhooks.purge-deliveries';
export const DELIVERY_RETENTION_EVERY_MS = 3600_000;
/** Deliveries no longer being worked on (and their attempts) are kept this long in the delivery log. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 3600_000;

/**
 * Every status but PENDING (still being worked on; its retries end within hours). PARKED ones go
 * too: a receiver paused for a month does not get a month-old backlog when it is re-armed.
 */
const PURGED: WebhookDeliveryStatus[] = ['DELIVERED', 'FAILED', 'CANCELLED', 'PARKED'];

/** Deletes deliveries recorded before the retention period that are not pending; returns how many. */
export async function purgeOldDeliveries(db: Kysely<DB>, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - DELIVERY_RETENTION_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const old = trx.selectFrom('webhookDeliveries').select('id').where('createdAt', '<', cutoff).where('status', 'in', PURGED);
    await trx.deleteFrom('webhookAttempts').where('deliveryId', 'in', old).execute();
    const result = await trx.deleteFrom('webhookDeliveries').where('createdAt', '<', cutoff).where('status', 'in', PURGED).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

/** Hourly: removes deliveries past their retention. */
export function deliveryRetentionKind(db: Kysely<DB>, clock: Clock) {
  return taskKind({
    name: DELIVERY_RETENTION_TASK,
    payload: noPayload,
    repeatEveryMs: DELIVERY_RETENTION_EVERY_MS,
    concurrency: 1,
    run: async () => void (await purgeOldDeliveries(db, clock)),
  });
}
