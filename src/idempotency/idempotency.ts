import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, preValidationHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { prependRouteHook } from '../http/route-hooks.ts';
import { noPayload } from '../queue/recurring.ts';
import { taskKind } from '../queue/task-kind.ts';
import { errors } from '../errors/catalogue.ts';
import '../auth/actor.ts';

const RETENTION_MS = 24 * 3600_000;
// A RUNNING record older than this belongs to a request that died before committing: retry it.
const LOCK_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/** Canonical JSON (sorted keys), so bodies compare as parsed JSON, not as bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Extension (§1): `Idempotency-Key` on any POST. The record is claimed before the work runs,
 * marked COMMITTED inside the work's own transaction, and completed with the response, so the
 * work is never done twice — not by concurrent retries, and not after a crash.
 */
export function installIdempotency(app: FastifyInstance, db: Kysely<DB>, clock: Clock): void {
  app.decorateRequest('idempotencyKey', null);
  app.decorateRequest('commitHook', undefined);

  const claimKey = async (request: FastifyRequest, reply: FastifyReply, header: string | string[], apiKeyId: string) => {
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255) throw errors.field('Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters', 'invalid_header');
    const requestHash = createHash('sha256').update(canonical(request.body ?? null)).digest('hex');
    const path = request.url;

    for (let attempt = 0; attempt < 3; attempt++) {
      const now = clock.now();
      const inserted = await db
        .insertInto('idempotencyKeys')
        .values({ apiKeyId, key, method: request.method, path, requestHash, state: 'RUNNING', responseStatus: null, responseBody: null, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString(), createdAt: now.toISOString() })
        .onConflict((oc) => oc.columns(['apiKeyId', 'key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return claim(request, apiKeyId, key);

      const existing = await db.selectFrom('idempotencyKeys').selectAll().where('apiKeyId', '=', apiKeyId).where('key', '=', key).executeTakeFirst();
      if (!existing) continue;
      if (new Date(existing.createdAt).getTime() + RETENTION_MS <= now.getTime()) {
        await db.deleteFrom('idempotencyKeys').where('apiKeyId', '=', apiKeyId).where('key', '=', key).where('createdAt', '=', existing.createdAt).execute();
        continue;
      }
      if (existing.path !== path || existing.requestHash !== requestHash || existing.method !== request.method) throw errors.idempotencyKeyReused();
      if (existing.state === 'DONE') return replay(reply, existing.responseStatus ?? 200, existing.responseBody ?? 'null');
      if (existing.state === 'COMMITTED') {
        throw errors.conflict('The first request with this Idempotency-Key completed its work but its answer was lost; list the resource to find it.');
      }
      if (existing.lockedUntil > now.toISOString()) throw errors.conflict('A request with this Idempotency-Key is still in progress; retry later.');
      const taken = await db
        .updateTable('idempotencyKeys')
        .set({ lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() })
        .where('apiKeyId', '=', apiKeyId)
        .where('key', '=', key)
        .where('state', '=', 'RUNNING')
        .where('lockedUntil', '=', existing.lockedUntil)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return claim(request, apiKeyId, key);
    }
    throw errors.conflict('A request with this Idempotency-Key is still in progress; retry later.');
  };

  const record = async (request: FastifyRequest, reply: FastifyReply, payload: unknown, key: string, apiKeyId: string) => {
    try {
      if (reply.statusCode === 429 || reply.statusCode >= 500) {
        // Only a request whose work did not commit may run again.
        await db.deleteFrom('idempotencyKeys').where('apiKeyId', '=', apiKeyId).where('key', '=', key).where('state', '=', 'RUNNING').execute();
      } else {
        await db.updateTable('idempotencyKeys').where('apiKeyId', '=', apiKeyId).where('key', '=', key).set({ state: 'DONE', responseStatus: reply.statusCode, responseBody: typeof payload === 'string' ? payload : JSON.stringify(payload ?? null) }).execute();
      }
    } catch (err) {
      request.log.error({ err }, 'could not record the idempotent response');
    }
    return payload;
  };

  // Only POST routes take the key; the hooks are theirs alone, and cost nothing without the header.
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().includes('POST')) return;
    const preValidation: preValidationHookHandler = (request, reply, done) => {
      const header = request.headers['idempotency-key'];
      if (header === undefined || !request.actor) return done();
      claimKey(request, reply, header, request.actor.apiKey.id).then(() => done(), done);
    };
    const onSend: onSendHookHandler = (request, reply, payload, done) => {
      const key = request.idempotencyKey;
      if (!key || !request.actor) return done(null, payload);
      record(request, reply, payload, key, request.actor.apiKey.id).then((p) => done(null, p), done);
    };
    prependRouteHook(route, 'preValidation', preValidation);
    prependRouteHook(route, 'onSend', onSend);
  });
}

function claim(request: FastifyRequest, apiKeyId: string, key: string): void {
  request.idempotencyKey = key;
  request.commitHook = async (trx) => {
    await trx.updateTable('idempotencyKeys').set({ state: 'COMMITTED' }).where('apiKeyId', '=', apiKeyId).where('key', '=', key).execute();
  };
}

function replay(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').header('idempotent-replayed', 'true').serializer((p: unknown) => p as string).send(body);
}

/** Forgets records past the 24 h window (called periodically by the server). */
export async function purgeIdempotencyKeys(db: Kysely<DB>, clock: Clock): Promise<void> {
  await db.deleteFrom('idempotencyKeys').where('createdAt', '<', new Date(clock.now().getTime() - RETENTION_MS).toISOString()).execute();
}

/** Hourly: `purgeIdempotencyKeys`. */
export function idempotencyPurgeKind(db: Kysely<DB>, clock: Clock) {
  return taskKind({ name: 'idempotency.purge', payload: noPayload, repeatEveryMs: 3600_000, concurrency: 1, run: () => purgeIdempotencyKeys(db, clock) });
}
