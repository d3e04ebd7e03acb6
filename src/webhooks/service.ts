import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { DB } from '../db/schema.ts';
import { readFeed } from '../db/feed-clock.ts';
import { type CommitHook, transact } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { circuitState, moveCircuit } from './circuit.ts';
import { attemptDelivery } from './delivery.ts';
import { enqueueDelivery, newDeliveryRow } from './outbox.ts';
import {
  attemptsOf,
  cancelUnfinishedDeliveries,
  findDelivery,
  findVisibleWebhook,
  findVisibleWebhookForUpdate,
  insertDeliveries,
  insertWebhook,
  listDeliveryRows,
  listVisibleWebhooks,
  parkedDeliveries,
  setDeliveryStatus,
  toDelivery,
  toWebhook,
  updateWebhookRow,
  webhookFeed,
  type WebhookRow,
} from './repository.ts';
import type { CreatedWebhook, CreateWebhookInput, Delivery, DeliveryListQuery, TestResult, UpdateWebhookInput, Webhook, WebhookListQuery } from './schema.ts';
import { generateSecret } from './signing.ts';
import { type Resolver, unsafeTargetReason } from './ssrf-guard.ts';

export interface WebhookDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** `WEBHOOK_ALLOW_PRIVATE_TARGETS`: http and private targets allowed (development, tests). */
  allowPrivate: boolean;
  resolve?: Resolver;
  /** Asks the queue for a round now (after enqueueing work). */
  wake?: () => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function assertSafeUrl(deps: WebhookDeps, url: string): Promise<void> {
  const reason = await unsafeTargetReason(url, deps.allowPrivate, deps.resolve);
  if (reason) throw errors.field('url', reason, 'unsafe_url');
}

/** §3.3: where a new webhook belongs. A company key's is its company's; an ATS key's is global or names a company it manages. */
function ownership(actor: Actor, companyId: string | null): Pick<WebhookRow, 'companyId' | 'ownerKind' | 'atsKeyId'> {
  const { apiKey } = actor;
  if (apiKey.kind === 'COMPANY') {
    if (companyId !== null && companyId !== apiKey.companyId) throw errors.accessDenied('A company key can only create webhooks for its own company.');
    return { companyId: apiKey.companyId, ownerKind: 'COMPANY', atsKeyId: null };
  }
  if (companyId !== null && !actor.companyIds.has(companyId)) throw errors.accessDenied('This API key does not manage the company named by companyId.');
  return { companyId, ownerKind: 'ATS', atsKeyId: apiKey.id };
}

/** The feed of the webhooks the caller sees (and may change): its owner's. */
function callerFeed(actor: Actor): string {
  return webhookFeed(ownership(actor, null));
}

export async function createWebhook(deps: WebhookDeps, actor: Actor, input: CreateWebhookInput, hook?: CommitHook): Promise<CreatedWebhook> {
  const owner = ownership(actor, input.companyId);
  await assertSafeUrl(deps, input.url);
  const row = await transact(deps.db, deps.clock, webhookFeed(owner), hook, async (trx, time) => {
    const created: WebhookRow = {
    id: newId(),
    ...owner,
    url: input.url,
    name: input.name,
    description: input.description,
    events: JSON.stringify(input.events),
    headers: JSON.stringify(input.headers),
    secret: generateSecret(),
    isActive: input.isActive ? 1 : 0,
    timeoutMs: input.timeoutMs,
    maxRetries: input.maxRetries,
    circuitOpenedAt: null,
    consecutiveFailures: 0,
    createdAt: time.at,
    updatedAt: time.at,
    deletedAt: null,
    };
    await insertWebhook(trx, created);
    return created;
  });
  return { ...toWebhook(row), signingSecret: row.secret };
}

export async function listWebhooks(deps: WebhookDeps, actor: Actor, query: WebhookListQuery): Promise<Page<Webhook>> {
  let companyId: string | null = null;
  if (actor.apiKey.kind === 'ATS' && query.companyId !== undefined && query.companyId !== '') {
    if (!UUID.test(query.companyId)) throw errors.field('companyId', 'companyId must be a UUID', 'invalid_format');
    companyId = query.companyId.toLowerCase();
    if (!actor.companyIds.has(companyId)) throw errors.accessDenied('This API key does not manage the company named by companyId.');
  }
  return readFeed(deps.db, callerFeed(actor), query, async (db) => {
    const { rows, total } = await listVisibleWebhooks(db, actor, query, companyId);
    return toPage(rows.map(toWebhook), total, query);
  });
}

async function visibleOr404(db: Kysely<DB>, actor: Actor, id: string): Promise<WebhookRow> {
  const row = await findVisibleWebhook(db, actor, id);
  if (!row) throw errors.notFound('webhook', id);
  return row;
}

/** The webhook a change reads before it writes, locked until its transaction ends. */
async function lockedOr404(trx: Transaction<DB>, actor: Actor, id: string): Promise<WebhookRow> {
  const row = await findVisibleWebhookForUpdate(trx, actor, id);
  if (!row) throw errors.notFound('webhook', id);
  return row;
}

export async function getWebhook(deps: WebhookDeps, actor: Actor, id: string): Promise<Webhook> {
  return toWebhook(await visibleOr404(deps.db, actor, id));
}

/** Resumes the deliveries parked while the webhook was inactive, oldest first. */
async function resumeParked(trx: Transaction<DB>, deps: WebhookDeps, webhook: WebhookRow, now: string): Promise<number> {
  const parked = await parkedDeliveries(trx, webhook.id);
  for (const delivery of parked) {
    await setDeliveryStatus(trx, delivery.id, 'PENDING', now, ['PARKED']);
    await enqueueDelivery(trx, deps.clock, delivery, webhook);
  }
  return parked.length;
}

/** A re-armed webhook, and one reset, count failures from zero again (a count is not a circuit state). */
const cleared = (row: WebhookRow): Partial<WebhookRow> => (row.consecutiveFailures === 0 ? {} : { consecutiveFailures: 0 });

/** PATCH: omitted fields keep their value; `headers` replaces the list; `isActive` pauses or re-arms (src/webhooks/circuit.ts). */
export async function updateWebhook(deps: WebhookDeps, actor: Actor, id: string, patch: UpdateWebhookInput, hook?: CommitHook): Promise<Webhook> {
  if (patch.url !== undefined) await assertSafeUrl(deps, patch.url);
  let resumed = 0;
  const result = await transact(deps.db, deps.clock, callerFeed(actor), hook, async (trx, time) => {
    const row = await lockedOr404(trx, actor, id);
    const changes: Partial<WebhookRow> = {};
    if (patch.url !== undefined) changes.url = patch.url;
    if (patch.events !== undefined) changes.events = JSON.stringify(patch.events);
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.headers !== undefined) changes.headers = JSON.stringify(patch.headers);
    if (patch.timeoutMs !== undefined) changes.timeoutMs = patch.timeoutMs;
    if (patch.maxRetries !== undefined) changes.maxRetries = patch.maxRetries;
    if (patch.isActive === true) Object.assign(changes, cleared(row), moveCircuit(row, 'ACTIVE', time.at));
    if (patch.isActive === false) Object.assign(changes, moveCircuit(row, 'PAUSED', time.at));
    const next: WebhookRow = { ...row, ...changes };
    if (JSON.stringify(next) === JSON.stringify(row)) return toWebhook(row);
    next.updatedAt = time.at;
    await updateWebhookRow(trx, id, { ...changes, updatedAt: next.updatedAt });
    if (circuitState(next) === 'ACTIVE' && circuitState(row) !== 'ACTIVE') resumed = await resumeParked(trx, deps, next, next.updatedAt);
    return toWebhook(next);
  });
  if (resumed > 0) deps.wake?.();
  return result;
}

/** DELETE: the webhook disappears and its unfinished deliveries are dropped. */
export async function deleteWebhook(deps: WebhookDeps, actor: Actor, id: string, hook?: CommitHook): Promise<void> {
  await transact(deps.db, deps.clock, callerFeed(actor), hook, async (trx, time) => {
    const row = await lockedOr404(trx, actor, id);
    await updateWebhookRow(trx, id, { ...moveCircuit(row, 'PAUSED', time.at), deletedAt: time.at, updatedAt: time.at });
    await cancelUnfinishedDeliveries(trx, id, time.at);
  });
}

/**
 * `POST …/reset-circuit`: closes an open circuit (active again, failure count cleared) and resumes
 * the deliveries parked meanwhile. A webhook paused by PATCH `isActive:false` stays paused.
 */
export async function resetCircuit(deps: WebhookDeps, actor: Actor, id: string, hook?: CommitHook): Promise<Webhook> {
  let resumed = 0;
  const result = await transact(deps.db, deps.clock, callerFeed(actor), hook, async (trx, time) => {
    const row = await lockedOr404(trx, actor, id);
    const open = circuitState(row) === 'OPEN';
    if (!open && row.consecutiveFailures === 0) return toWebhook(row);
    const now = time.at;
    const changes: Partial<WebhookRow> = { ...cleared(row), ...(open ? moveCircuit(row, 'ACTIVE', now) : {}), updatedAt: now };
    await updateWebhookRow(trx, id, changes);
    const next = { ...row, ...changes };
    if (open) resumed = await resumeParked(trx, deps, next, now);
    return toWebhook(next);
  });
  if (resumed > 0) deps.wake?.();
  return result;
}

/**
 * `POST …/test`: sends a `ping` now, whether the webhook is active or not, and reports how it
 * went. The ping is logged as a delivery with one attempt; it never retries and never moves the
 * circuit.
 */
export async function testWebhook(deps: WebhookDeps, actor: Actor, id: string): Promise<TestResult> {
  const webhook = await visibleOr404(deps.db, actor, id);
  const delivery = newDeliveryRow(deps.clock, webhook, {
    type: 'ping',
    companyId: webhook.companyId,
    interviewId: null,
    data: { webhookId: webhook.id, message: 'A test event sent with POST /v1/webhooks/{id}/test.' },
  });
  await insertDeliveries(deps.db, [delivery]);
  const outcome = await attemptDelivery(deps, delivery, webhook, 'TEST', true);
  return {
    success: outcome.ok,
    deliveryId: delivery.id,
    httpStatus: outcome.statusCode,
    durationMs: outcome.latencyMs,
    message: outcome.ok ? `Delivered: the receiver answered HTTP ${outcome.statusCode}.` : `Not delivered: ${outcome.error}.`,
  };
}

export async function listDeliveries(deps: WebhookDeps, actor: Actor, webhookId: string, query: DeliveryListQuery): Promise<Page<Delivery>> {
  await visibleOr404(deps.db, actor, webhookId);
  const { rows, total } = await listDeliveryRows(deps.db, webhookId, query);
  const attempts = await attemptsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows.map((row) => toDelivery(row, attempts.get(row.id) ?? [])),
    total,
    query,
  );
}

/**
 * `POST …/deliveries/{deliveryId}/redeliver` (202): one new attempt of the delivery, with the same
 * `webhook-id` and body, queued behind the webhook's other work for the same interview.
 */
export async function redeliver(deps: WebhookDeps, actor: Actor, webhookId: string, deliveryId: string, hook?: CommitHook): Promise<Delivery> {
  const result = await transact(deps.db, deps.clock, callerFeed(actor), hook, async (trx, time) => {
    const webhook = await lockedOr404(trx, actor, webhookId);
    const delivery = await findDelivery(trx, webhookId, deliveryId);
    if (!delivery) throw errors.notFound('delivery', deliveryId);
    const state = circuitState(webhook);
    if (state !== 'ACTIVE') {
      const why = state === 'OPEN' ? 'its circuit is open (POST …/reset-circuit re-arms it)' : 'it is paused (PATCH isActive: true resumes it)';
      throw errors.conflict(`The webhook cannot redeliver while ${why}.`, { isActive: false, circuitOpenedAt: webhook.circuitOpenedAt });
    }
    const now = time.at;
    await trx.updateTable('webhookDeliveries').set({ status: 'PENDING', updatedAt: now }).where('id', '=', delivery.id).execute();
    await enqueueDelivery(trx, time, delivery, webhook, 'REDELIVERY');
    const attempts = await attemptsOf(trx, [delivery.id]);
    return toDelivery({ ...delivery, status: 'PENDING', updatedAt: now }, attempts.get(delivery.id) ?? []);
  });
  deps.wake?.();
  return result;
}
