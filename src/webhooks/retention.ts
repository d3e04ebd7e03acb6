import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';

export const DELIVERY_RETENTION_TASK = 'webhooks.purge-deliveries';
export const DELIVERY_RETENTION_EVERY_MS = 3600_000;
/** Finished deliveries (and their attempts) are kept this long in the delivery log. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 3600_000;

/** Deletes finished deliveries older than the retention period; returns how many. */
export async function purgeOldDeliveries(db: Kysely<DB>, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - DELIVERY_RETENTION_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const old = trx.selectFrom('webhookDeliveries').select('id').where('createdAt', '<', cutoff).where('status', 'in', ['DELIVERED', 'FAILED', 'CANCELLED']);
    await trx.deleteFrom('webhookAttempts').where('deliveryId', 'in', old).execute();
    const result = await trx.deleteFrom('webhookDeliveries').where('createdAt', '<', cutoff).where('status', 'in', ['DELIVERED', 'FAILED', 'CANCELLED']).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
