/**
 * Webhook delivery across processes (§11): events are recorded in the transaction of their cause,
 * so a process killed with SIGKILL after the commit and before the delivery loses nothing: the
 * restarted server delivers them. Several server processes on one PostgreSQL database share the
 * outbox: every event is delivered exactly once, in order per interview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/core/clock.ts';
import { newId } from '../src/core/ids.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { fanOutEvent } from '../src/webhooks/record-event.ts';
import { type Endpoint, startWebhookReceiver, type WebhookReceiver } from './fakes/webhook-receiver.ts';
import { type FreshDatabase, freshDatabase, testDatabaseKind } from './harness.ts';
import { randomKey, type ServerProcess, startServerProcess } from './process-harness.ts';
import { createWebhookAt, eventually, interviewData } from './webhook-helpers.ts';

describe(`webhooks across processes (${testDatabaseKind})`, () => {
  let receiver: WebhookReceiver;
  const servers: ServerProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    for (const server of servers) await server.kill('SIGKILL');
    for (const cleanup of cleanups.reverse()) await cleanup();
    await receiver.close();
  });

  /** A fresh database with one bootstrapped company, a webhook of it at `endpoint`, and a handle on the database. */
  async function world(endpoint: Endpoint) {
    const fresh: FreshDatabase = await freshDatabase();
    cleanups.push(() => fresh.drop());
    const key = randomKey();
    const first = await startServerProcess(fresh.url, { env: { INTERVIEWD_BOOTSTRAP_KEY: key } });
    servers.push(first);
    const api = first.api(key);
    const companyId = (await api('GET', '/v1/company')).body.data[0].id as string;
    const webhook = await createWebhookAt(api, endpoint, { events: ['interview.started', 'interview.completed', 'analysis.completed'] });
    const database: Database = openDatabase(fresh.url, { poolSize: 4 });
    cleanups.push(() => database.close());
    return { fresh, key, first, companyId, webhook, database };
  }

  it('an event committed just before a SIGKILL is delivered after the restart', async () => {
    const endpoint = receiver.endpoint();
    const { fresh, key, first, companyId, database } = await world(endpoint);
    const recorded = await database.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (let i = 0; i < 200; i++) {
        const interviewId = newId();
        ids.push(...(await fanOutEvent(trx, systemClock, { type: 'interview.started', companyId, interviewId, data: interviewData(companyId, interviewId) })));
      }
      return ids;
    });
    // Committed; the server polls every 250 ms, so it has not sent (most of) them yet.
    const exit = await first.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    expect(recorded).toHaveLength(200);
    const beforeRestart = endpoint.received.length;
    expect(beforeRestart).toBeLessThan(200);

    const restarted = await startServerProcess(fresh.url, { env: { INTERVIEWD_BOOTSTRAP_KEY: key } });
    servers.push(restarted);
    // A task claimed just before the kill is claimed again when its 60 s lease runs out.
    await eventually(() => new Set(endpoint.accepted().map((d) => d.id)).size === 200, 90_000, 'all 200 deliveries');
    expect(new Set(endpoint.accepted().map((d) => d.id))).toEqual(new Set(recorded));
    expect(endpoint.received.every((d) => d.verified)).toBe(true);
  }, 120_000);

  it.runIf(testDatabaseKind === 'postgres')('three server processes deliver 1,000 events exactly once, in order per interview', async () => {
    const endpoint = receiver.endpoint();
    const { fresh, key, companyId, database } = await world(endpoint);
    servers.push(...(await Promise.all([startServerProcess(fresh.url, { env: { INTERVIEWD_BOOTSTRAP_KEY: key } }), startServerProcess(fresh.url, { env: { INTERVIEWD_BOOTSTRAP_KEY: key } })])));

    const interviews = Array.from({ length: 100 }, () => newId());
    const steps = ['interview.started', 'interview.completed', 'analysis.completed'] as const;
    const expected = new Map<string, number>();
    // Ten rounds; each commits the next event of every interview, while the servers are delivering.
    for (let step = 0; step < 10; step++) {
      await database.db.transaction().execute(async (trx) => {
        for (const interviewId of interviews) {
          const ids = await fanOutEvent(trx, systemClock, { type: steps[step % 3] as (typeof steps)[number], companyId, interviewId, data: interviewData(companyId, interviewId, { step }) });
          for (const id of ids) expected.set(id, step);
        }
      });
    }
    expect(expected.size).toBe(1000);
    await eventually(() => endpoint.received.length >= 1000, 60_000, '1000 deliveries');
    // Nothing is left that could send again: every delivery is DELIVERED and every delivery task DONE.
    const settled = async () => {
      const deliveries = await database.db.selectFrom('webhookDeliveries').select('status').where('status', '<>', 'DELIVERED').execute();
      const tasks = await database.db.selectFrom('queueTasks').select('status').where('kind', '=', 'webhook.deliver').where('status', '<>', 'DONE').execute();
      return deliveries.length === 0 && tasks.length === 0;
    };
    await eventually(settled, 60_000, 'every delivery DELIVERED and every task DONE');

    const ids = endpoint.received.map((d) => d.id);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids)).toEqual(new Set(expected.keys()));
    expect(endpoint.received.every((d) => d.verified && d.answered === 200)).toBe(true);
    for (const interviewId of interviews) {
      const order = endpoint.received.filter((d) => d.payload.data.interviewId === interviewId).map((d) => d.payload.data.step);
      expect(order, interviewId).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  }, 120_000);
});
