import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { startTestServer, testDatabaseKind, type TestServer } from '../../test/harness.ts';
import { createWebhookAt, interviewData } from '../../test/webhook-helpers.ts';
import { systemClock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { WEBHOOK_DELIVERY_CONCURRENCY } from '../webhooks/delivery.ts';
import { fanOutEvent } from '../webhooks/record-event.ts';
import { enqueue } from './enqueue.ts';
import { deferred, spec, testKind } from './queue.test-helpers.ts';

const DELIVERIES = 5_000;
const ANSWER_MS = 2_000;

/**
 * The real server's runner and `webhook.deliver` kind, a receiver on a real socket that answers
 * each delivery after 2 s, and 5,000 deliveries queued ahead of a task of another kind. The delay
 * is counted in the runner's claim rounds, not in time: an idle runner claims once per poll
 * interval, so "claimed by the first round after its commit" is "within one poll interval".
 */
describe(`queue: a flood of one kind does not hold up another (${testDatabaseKind})`, () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    server = await startTestServer();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it(`${DELIVERIES} deliveries to a receiver answering in ${ANSWER_MS / 1000} s: a task of another kind is claimed by the next round`, async () => {
    const company = await server.company();
    const slow = receiver.endpoint({ respond: () => ({ status: 200, delayMs: ANSWER_MS }) });
    await createWebhookAt(company.api, slow);
    const { db } = server.deps.database;
    const queue = server.deps.queue;
    // Queued first, all of them, then the runner starts on the flood.
    await queue.stop();
    for (let done = 0; done < DELIVERIES; done += 500) {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < 500; i++) {
          const interviewId = newId();
          await fanOutEvent(trx, systemClock, { type: 'interview.started', companyId: company.id, interviewId, data: interviewData(company.id, interviewId) });
        }
      });
    }
    const ran = deferred<number>();
    queue.register(testKind('flood.probe', { run: async () => ran.resolve(queue.rounds) }));
    queue.start();
    // The runner sends as many deliveries as the kind allows at once, and they all wait on the receiver.
    await slow.waitForReceived(WEBHOOK_DELIVERY_CONCURRENCY, 60_000);

    // A round may be under way while the probe commits (and miss it): the next one must take it.
    const roundAtCommit = queue.rounds;
    await enqueue(db, systemClock, spec('flood.probe'), null);
    expect(await ran.promise).toBeLessThanOrEqual(roundAtCommit + 1);

    // The flood was still there (at 100 deliveries per 2 s, half of it takes most of a minute).
    const pending = await db.selectFrom('webhookDeliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'PENDING').executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBeGreaterThan(DELIVERIES / 2);
  }, 180_000);
});
