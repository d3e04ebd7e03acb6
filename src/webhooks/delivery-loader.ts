import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DeliveryRow, WebhookRow } from './repository.ts';

/** The state of the ATS key that owns a webhook (company webhooks have none: they belong to the company). */
export interface OwnerKeyState {
  revokedAt: string | null;
  suspendedAt: string | null;
  expiresAt: string | null;
}

export interface DeliveryWithWebhook {
  delivery: DeliveryRow;
  webhook: WebhookRow;
  /** null for a company webhook. */
  ownerKey: OwnerKeyState | null;
}

// Bound parameters per statement stay far below both databases' limits.
const MAX_IDS_PER_QUERY = 500;

/**
 * Loads the deliveries the runner's tasks ask for, a batch at a time: every lookup made in the
 * same turn of the event loop (the runner starts a claimed batch's tasks together) shares one
 * query for the deliveries and one for their webhooks, instead of one join per delivery. Each
 * task still reads the rows when it starts, as before.
 */
export class DeliveryLoader {
  private waiting = new Map<string, { resolve(found: DeliveryWithWebhook | undefined): void; reject(error: unknown): void }[]>();
  private scheduled = false;

  constructor(private readonly db: Kysely<DB>) {}

  /** The delivery with its webhook (deleted webhooks included, to cancel their work), or undefined. */
  load(deliveryId: string): Promise<DeliveryWithWebhook | undefined> {
    return new Promise((resolve, reject) => {
      const callers = this.waiting.get(deliveryId);
      if (callers) callers.push({ resolve, reject });
      else this.waiting.set(deliveryId, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    const ids = [...batch.keys()];
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_QUERY) {
      const chunk = ids.slice(start, start + MAX_IDS_PER_QUERY);
      try {
        const found = await findDeliveriesWithWebhooks(this.db, chunk);
        for (const id of chunk) for (const caller of batch.get(id) ?? []) caller.resolve(found.get(id));
      } catch (error) {
        for (const id of chunk) for (const caller of batch.get(id) ?? []) caller.reject(error);
      }
    }
  }
}

/**
 * Deliveries by id with their webhooks: two plain-SQL queries (portable, through Kysely like the
 * runner's claim). They name their columns as the row types do and run without the CamelCase
 * plugin, which would otherwise copy the statement's nodes and rename every row's keys. A webhook
 * is read once for all its deliveries, and its row object is shared between them.
 */
export async function findDeliveriesWithWebhooks(db: Kysely<DB>, ids: string[]): Promise<Map<string, DeliveryWithWebhook>> {
  const found = new Map<string, DeliveryWithWebhook>();
  if (ids.length === 0) return found;
  const raw = db.withoutPlugins();
  const { rows: deliveries } = await sql<DeliveryRow>`
    select id, webhook_id as "webhookId", company_id as "companyId", event_type as "eventType", interview_id as "interviewId", body,
      status, attempt_count as "attemptCount", last_status_code as "lastStatusCode", last_error as "lastError",
      delivered_at as "deliveredAt", created_at as "createdAt", updated_at as "updatedAt"
    from webhook_deliveries where id in (${sql.join(ids)})`.execute(raw);
  if (deliveries.length === 0) return found;
  const webhookIds = [...new Set(deliveries.map((d) => d.webhookId))];
  const { rows: webhooks } = await sql<WebhookRow & { keyRevokedAt: string | null; keySuspendedAt: string | null; keyExpiresAt: string | null }>`
    select w.id, w.company_id as "companyId", w.owner_kind as "ownerKind", w.ats_key_id as "atsKeyId", w.url, w.name, w.description, w.events,
      w.headers, w.secret, w.is_active as "isActive", w.timeout_ms as "timeoutMs", w.max_retries as "maxRetries",
      w.circuit_opened_at as "circuitOpenedAt", w.consecutive_failures as "consecutiveFailures", w.created_at as "createdAt",
      w.updated_at as "updatedAt", w.deleted_at as "deletedAt",
      k.revoked_at as "keyRevokedAt", k.suspended_at as "keySuspendedAt", k.expires_at as "keyExpiresAt"
    from webhooks w left join api_keys k on k.id = w.ats_key_id
    where w.id in (${sql.join(webhookIds)})`.execute(raw);
  const byId = new Map(
    webhooks.map(({ keyRevokedAt, keySuspendedAt, keyExpiresAt, ...webhook }) => {
      // ats_key_id references api_keys: an ATS webhook's key is always there.
      const ownerKey = webhook.ownerKind === 'ATS' ? { revokedAt: keyRevokedAt, suspendedAt: keySuspendedAt, expiresAt: keyExpiresAt } : null;
      return [webhook.id, { webhook, ownerKey }] as const;
    }),
  );
  for (const delivery of deliveries) {
    const owned = byId.get(delivery.webhookId);
    if (owned) found.set(delivery.id, { delivery, ...owned });
  }
  return found;
}
