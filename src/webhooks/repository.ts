import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { takeFeedClock } from '../db/feed-clock.ts';
import { forUpdate } from '../db/locks.ts';
import { fetchPage } from '../db/paging.ts';
import type { DB, WebhookAttemptsTable, WebhookDeliveriesTable, WebhookDeliveryStatus, WebhooksTable } from '../db/schema.ts';
import type { ListQuery } from '../http/pagination.ts';
import { circuitState, openAtThresholdSql } from './circuit.ts';
import type { EventType } from './events.ts';
import type { Attempt, Delivery, DeliveryListQuery, Webhook } from './schema.ts';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    description: row.description,
    events: JSON.parse(row.events) as EventType[],
    companyId: row.companyId,
    headers: JSON.parse(row.headers) as Webhook['headers'],
    isActive: row.isActive === 1,
    timeoutMs: row.timeoutMs,
    maxRetries: row.maxRetries,
    circuitOpenedAt: row.circuitOpenedAt,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    number: row.number,
    trigger: row.trigger as Attempt['trigger'],
    attemptedAt: row.attemptedAt,
    statusCode: row.statusCode,
    latencyMs: row.latencyMs,
    responseBody: row.responseBody,
    error: row.error,
  };
}

export function toDelivery(row: DeliveryRow, attempts: AttemptRow[]): Delivery {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: row.eventType as EventType,
    status: row.status,
    interviewId: row.interviewId,
    companyId: row.companyId,
    payload: JSON.parse(row.body) as Record<string, unknown>,
    attemptCount: row.attemptCount,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    attempts: attempts.map(toAttempt),
  };
}

/**
 * The feed clock a webhook's writes take (`src/db/feed-clock.ts`): its owner's, since a caller
 * lists its owner's webhooks — the company's clock for a company's webhook, one per ATS key.
 */
export function webhookFeed(owner: Pick<WebhookRow, 'ownerKind' | 'companyId' | 'atsKeyId'>): string {
  return owner.ownerKind === 'COMPANY' ? String(owner.companyId) : `ats:${owner.atsKeyId}`;
}

/**
 * Webhooks are not company-scoped routes (§3.3), so their door is the caller's key, like
 * companies': a company key sees the webhooks its company's keys made; an ATS key sees the ones it
 * made (global or for one of its companies). Nobody sees another owner's webhooks.
 */
function visibleWebhooks(db: Kysely<DB>, actor: Actor) {
  const live = db.selectFrom('webhooks').where('deletedAt', 'is', null);
  if (actor.apiKey.kind === 'COMPANY') return live.where('ownerKind', '=', 'COMPANY').where('companyId', '=', actor.apiKey.companyId ?? '');
  return live.where('ownerKind', '=', 'ATS').where('atsKeyId', '=', actor.apiKey.id);
}

export function findVisibleWebhook(db: Kysely<DB>, actor: Actor, id: string): Promise<WebhookRow | undefined> {
  return visibleWebhooks(db, actor).selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The webhook, locked until the transaction ends (PostgreSQL; SQLite runs one transaction at a
 * time): a change that reads it first (PATCH, reset, DELETE, redeliver) decides on its current
 * state, and a parking delivery (`parkDelivery`) waits for it.
 */
export function findVisibleWebhookForUpdate(trx: Transaction<DB>, actor: Actor, id: string): Promise<WebhookRow | undefined> {
  return forUpdate(trx, visibleWebhooks(trx, actor).selectAll().where('id', '=', id)).executeTakeFirst();
}

export function listVisibleWebhooks(db: Kysely<DB>, actor: Actor, query: ListQuery, companyId: string | null) {
  let base = visibleWebhooks(db, actor);
  if (companyId) base = base.where('companyId', '=', companyId);
  return fetchPage(db, base, query, (qb) => qb.selectAll());
}

export async function insertWebhook(db: Kysely<DB>, row: WebhookRow): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export async function updateWebhookRow(trx: Transaction<DB>, id: string, changes: Partial<WebhookRow>): Promise<void> {
  await trx.updateTable('webhooks').set(changes).where('id', '=', id).where('deletedAt', 'is', null).execute();
}

/**
 * The active webhooks that receive an event of `companyId` of type `type` at `now`: the company's
 * own, the global webhooks of the ATS keys that manage it, and ATS webhooks made for that company
 * (while their key still manages it and is valid: not revoked, suspended or expired).
 */
export async function subscribedWebhooks(db: Kysely<DB>, companyId: string, type: EventType, now: string): Promise<WebhookRow[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('isActive', '=', 1)
    .where('deletedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('ownerKind', '=', 'COMPANY'), eb('companyId', '=', companyId)]),
        eb.and([
          eb('ownerKind', '=', 'ATS'),
          eb.or([eb('companyId', '=', companyId), eb('companyId', 'is', null)]),
          eb.exists(
            eb
              .selectFrom('apiKeyCompanies')
              .innerJoin('apiKeys', 'apiKeys.id', 'apiKeyCompanies.apiKeyId')
              .select(sql.lit(1).as('one'))
              .whereRef('apiKeyCompanies.apiKeyId', '=', 'webhooks.atsKeyId')
              .where('apiKeyCompanies.companyId', '=', companyId)
              .where('apiKeys.revokedAt', 'is', null)
              .where('apiKeys.suspendedAt', 'is', null)
              .where((key) => key.or([key('apiKeys.expiresAt', 'is', null), key('apiKeys.expiresAt', '>', now)])),
          ),
        ]),
      ]),
    )
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.filter((row) => (JSON.parse(row.events) as string[]).includes(type));
}

export async function insertDeliveries(db: Kysely<DB>, rows: DeliveryRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhookDeliveries').values(rows).execute();
}

export function findDelivery(db: Kysely<DB>, webhookId: string, deliveryId: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('webhookDeliveries').selectAll().where('webhookId', '=', webhookId).where('id', '=', deliveryId).executeTakeFirst();
}

export async function setDeliveryStatus(db: Kysely<DB>, deliveryId: string, status: WebhookDeliveryStatus, at: string, onlyFrom?: WebhookDeliveryStatus[]): Promise<number> {
  let query = db.updateTable('webhookDeliveries').set({ status, updatedAt: at }).where('id', '=', deliveryId);
  if (onlyFrom) query = query.where('status', 'in', onlyFrom);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Parks a PENDING delivery whose webhook is inactive (or whose owner key is not valid: `always`).
 * The webhook row is locked first, as a re-arm locks it before it resumes the parked deliveries:
 * a re-arm that commits first means nothing is parked (false: deliver now); one that comes later
 * finds this delivery parked and resumes it. Never parks a delivery cancelled meanwhile.
 */
export async function parkDelivery(db: Kysely<DB>, deliveryId: string, webhookId: string, at: string, always: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const webhook = await forUpdate(trx, trx.selectFrom('webhooks').select(['isActive', 'circuitOpenedAt', 'deletedAt']).where('id', '=', webhookId)).executeTakeFirst();
    if (!always && webhook && circuitState(webhook) === 'ACTIVE' && webhook.deletedAt === null) return false;
    await setDeliveryStatus(trx, deliveryId, 'PARKED', at, ['PENDING']);
    return true;
  });
}

/** DELETE of a webhook drops its unfinished deliveries (their queued tasks then do nothing). */
export async function cancelUnfinishedDeliveries(trx: Transaction<DB>, webhookId: string, at: string): Promise<void> {
  await trx.updateTable('webhookDeliveries').set({ status: 'CANCELLED', updatedAt: at }).where('webhookId', '=', webhookId).where('status', 'in', ['PENDING', 'PARKED']).execute();
}

/** Deliveries held while the webhook was inactive, oldest first (resumed in that order). */
export function parkedDeliveries(db: Kysely<DB>, webhookId: string): Promise<DeliveryRow[]> {
  return db.selectFrom('webhookDeliveries').selectAll().where('webhookId', '=', webhookId).where('status', '=', 'PARKED').orderBy('createdAt').orderBy('id').execute();
}

export interface AttemptRecord {
  deliveryId: string;
  webhookId: string;
  attemptId: string;
  /** 1 for the delivery's first attempt (attempts of one delivery never run at once: they share an ordering key). */
  number: number;
  trigger: Attempt['trigger'];
  at: string;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
  /** The delivery's status after this attempt. */
  status: WebhookDeliveryStatus;
  /** Whether the outcome moves the webhook's circuit (test pings do not). */
  countsForCircuit: boolean;
  ok: boolean;
}

/**
 * Writes attempts (at most one per delivery), in one transaction: first the feed clocks of the
 * webhooks a failure may open (in feed order), then the circuits of their webhooks (in id order),
 * then the deliveries' summaries and log rows. Every writer takes feed clocks first and locks
 * webhook rows before delivery rows (DELETE and PATCH of a webhook do too), so concurrent
 * transactions cannot deadlock. A delivery that was cancelled meanwhile (its webhook deleted)
 * records nothing.
 */
export async function recordAttempts(trx: Kysely<DB>, attempts: AttemptRecord[]): Promise<void> {
  const byWebhook = new Map<string, AttemptRecord[]>();
  for (const a of attempts) if (a.countsForCircuit) byWebhook.set(a.webhookId, [...(byWebhook.get(a.webhookId) ?? []), a]);
  const openedAt = await circuitTimes(trx, [...byWebhook.values()]);
  for (const webhookId of [...byWebhook.keys()].sort()) await updateCircuit(trx, webhookId, byWebhook.get(webhookId) ?? [], openedAt.get(webhookId));
  if (attempts.length === 0) return;
  // Plain SQL with snake_case names, run without the CamelCase plugin: it would copy every bound
  // value's node of these batch statements and rename nothing.
  const raw = trx.withoutPlugins();
  // Then every delivery's summary in one statement (a cancelled one keeps its status and gets no row)…
  const values = attempts.map(
    (a) =>
      sql`(${a.deliveryId}, ${a.status}, cast(${a.number} as integer), cast(${a.statusCode} as integer), ${a.error}, ${a.ok ? a.at : null}, ${a.at})`,
  );
  const { rows } = await sql<{ id: string }>`
    update webhook_deliveries
    set status = v.column2, attempt_count = v.column3, last_status_code = v.column4, last_error = v.column5,
      delivered_at = coalesce(v.column6, webhook_deliveries.delivered_at), updated_at = v.column7
    from (values ${sql.join(values)}) as v
    where webhook_deliveries.id = v.column1 and webhook_deliveries.status <> 'CANCELLED'
    returning webhook_deliveries.id`.execute(raw);
  // …and the log rows of the ones written, in one insert.
  const written = new Set(rows.map((r) => r.id));
  const logged = attempts.filter((a) => written.has(a.deliveryId));
  if (logged.length === 0) return;
  const logRows = logged.map((a) => sql`(${a.attemptId}, ${a.deliveryId}, ${a.number}, ${a.trigger}, ${a.at}, ${a.statusCode}, ${a.latencyMs}, ${a.responseBody}, ${a.error})`);
  await sql`
    insert into webhook_attempts (id, delivery_id, number, "trigger", attempted_at, status_code, latency_ms, response_body, error)
    values ${sql.join(logRows)}`.execute(raw);
}

/**
 * An opening circuit moves its webhook's `updatedAt`, so the webhooks that had a failure take
 * their owners' feed clocks (each once, in order) for that time: webhook id → the time to use.
 */
async function circuitTimes(trx: Kysely<DB>, runs: AttemptRecord[][]): Promise<Map<string, string>> {
  const failing = runs.filter((run) => run.some((o) => !o.ok));
  const times = new Map<string, string>();
  if (failing.length === 0) return times;
  const latest = failing.flat().reduce((max, o) => (o.at > max ? o.at : max), '');
  const owners = await trx
    .selectFrom('webhooks')
    .select(['id', 'ownerKind', 'companyId', 'atsKeyId'])
    .where('id', 'in', failing.map((run) => run[0]?.webhookId ?? ''))
    .execute();
  const feeds = new Map(owners.map((owner) => [owner.id, webhookFeed(owner)]));
  const stamps = new Map<string, string>();
  for (const feed of [...new Set(feeds.values())].sort()) stamps.set(feed, (await takeFeedClock(trx, feed, new Date(latest))).at);
  for (const [id, feed] of feeds) times.set(id, stamps.get(feed) ?? latest);
  return times;
}

/**
 * One statement per webhook for a run of outcomes (in order): a success clears the count, a
 * failure adds one; reaching the threshold opens the circuit (`src/webhooks/circuit.ts`: isActive
 * false, circuitOpenedAt and updatedAt set to `openedAt`, the time of its owner's feed clock).
 * Evaluated by the database against the current row, so concurrent writers count exactly.
 */
async function updateCircuit(trx: Kysely<DB>, webhookId: string, outcomes: AttemptRecord[], openedAt: string | undefined): Promise<void> {
  const lastSuccess = outcomes.map((o) => o.ok).lastIndexOf(true);
  const failuresAfter = outcomes.length - 1 - lastSuccess;
  const at = openedAt ?? outcomes[outcomes.length - 1]?.at ?? new Date().toISOString();
  const next = lastSuccess >= 0 ? sql<number>`${failuresAfter}` : sql<number>`consecutive_failures + ${failuresAfter}`;
  let query = trx
    .updateTable('webhooks')
    .set({ consecutiveFailures: next, ...openAtThresholdSql(next, at) })
    .where('id', '=', webhookId);
  // Nothing to write when the count is already what it becomes (the usual success): no lock taken.
  if (lastSuccess >= 0) query = query.where('consecutiveFailures', '!=', failuresAfter);
  await query.execute();
}

export async function listDeliveryRows(db: Kysely<DB>, webhookId: string, query: DeliveryListQuery): Promise<{ rows: DeliveryRow[]; total: number }> {
  let base = db.selectFrom('webhookDeliveries').where('webhookId', '=', webhookId);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.event) base = base.where('eventType', '=', query.event);
  return fetchPage(db, base, query, (qb) => qb.selectAll());
}

/** The attempts of these deliveries, grouped by delivery, in order. */
export async function attemptsOf(db: Kysely<DB>, deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
  const byDelivery = new Map<string, AttemptRow[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db.selectFrom('webhookAttempts').selectAll().where('deliveryId', 'in', deliveryIds).orderBy('deliveryId').orderBy('number').execute();
  for (const row of rows) byDelivery.get(row.deliveryId)?.push(row);
  return byDelivery;
}
