/**
 * A client that stops half-way cannot hold a connection for ever (REQUEST_TIMEOUT_MS), and SIGTERM
 * ends the process within SHUTDOWN_GRACE_MS whatever is still running: a client sending slowly,
 * a request and a queued delivery waiting on a receiver that does not answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/core/clock.ts';
import { newId } from '../src/core/ids.ts';
import { openDatabase } from '../src/db/database.ts';
import { fanOutEvent } from '../src/webhooks/record-event.ts';
import { startWebhookReceiver, type WebhookReceiver } from './fakes/webhook-receiver.ts';
import { type FreshDatabase, freshDatabase, testDatabaseKind } from './harness.ts';
import { type Exit, randomKey, type ServerProcess, sleep, startServerProcess } from './process-harness.ts';
import { rawConnect } from './raw-http.ts';
import { createWebhookAt, eventually, interviewData } from './webhook-helpers.ts';

/** Headers of a POST that announces 100 bytes, and the first few of them. */
const halfPost = (key: string, requestId: string) =>
  `POST /v1/agents HTTP/1.1\r\nHost: interviewd\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\n` +
  `Content-Length: 100\r\nX-Request-Id: ${requestId}\r\n\r\n{"name":`;

describe(`request timeouts and a bounded SIGTERM (${testDatabaseKind})`, () => {
  const databases: FreshDatabase[] = [];
  const servers: ServerProcess[] = [];
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    for (const database of databases) await database.drop();
    await receiver.close();
  });
  const start = async (env: Record<string, string>) => {
    const database = await freshDatabase();
    databases.push(database);
    const key = randomKey();
    const server = await startServerProcess(database.url, { env: { INTERVIEWD_BOOTSTRAP_KEY: key, LOG_LEVEL: 'info', ...env } });
    servers.push(server);
    return { server, key, database };
  };

  let quick: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    quick = await start({ REQUEST_TIMEOUT_MS: '1000' });
  }, 120_000);

  it('a request whose body stops half-way is answered 408 in the envelope with its X-Request-Id, and its connection is closed', async () => {
    const { server, key } = quick;
    const slow = await rawConnect(server.port, halfPost(key, 'slow-body-1'));
    const answer = await slow.answer({ timeoutMs: 30_000 });
    expect(answer.status, answer.text).toBe(408);
    expect(answer.headers['x-request-id']).toBe('slow-body-1');
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.body).toMatchObject({ success: false, data: null, error: { code: 'REQUEST_TIMEOUT', details: { timeoutMs: 1000 } } });
    expect(Object.keys(answer.body).sort()).toEqual(['data', 'error', 'success', 'timestamp']);
    expect(answer.closedByServer).toBe(true);
    // Nothing was created, and the server serves everyone else as before.
    const list = await server.api(key)('GET', '/v1/agents');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
  }, 120_000);

  it('a connection that never completes its headers is answered 408 and closed', async () => {
    const { server } = quick;
    const answer = await (await rawConnect(server.port, 'GET /v1/agents HTTP/1.1\r\nHost: interviewd\r\n')).answer({ timeoutMs: 30_000 });
    expect(answer.status, answer.text).toBe(408);
    expect(answer.body).toMatchObject({ success: false, data: null, error: { code: 'REQUEST_TIMEOUT' } });
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.closedByServer).toBe(true);
  }, 120_000);

  it('SIGTERM exits within the grace period while a client sends slowly and a request and a delivery wait on a silent receiver', async () => {
    // The request timeout and the receiver's silence both outlast the bound asserted below by far.
    const { server, key, database } = await start({ REQUEST_TIMEOUT_MS: '120000', SHUTDOWN_GRACE_MS: '3000' });
    const api = server.api(key);
    const silent = receiver.endpoint({ respond: () => ({ status: 200, delayMs: 120_000 }) });
    const webhook = await createWebhookAt(api, silent, { timeoutMs: 30_000 });

    const slow = await rawConnect(server.port, halfPost(key, 'slow-at-sigterm'));
    await eventually(() => server.stdout().includes('"reqId":"slow-at-sigterm"'), 20_000, 'the slow request reached the server');
    // A request in flight: the ping of POST /test waits on the receiver.
    const ping = api('POST', `/v1/webhooks/${webhook.id}/test`).catch((error: unknown) => error);
    // A task in flight: a delivery of a recorded event, sent by the queue.
    const companyId = (await api('GET', '/v1/company')).body.data[0].id as string;
    const direct = openDatabase(database.url, { poolSize: 1 });
    const interviewId = newId();
    await direct.db.transaction().execute((trx) => fanOutEvent(trx, systemClock, { type: 'interview.started', companyId, interviewId, data: interviewData(companyId, interviewId) }));
    await direct.close();
    await silent.waitForReceived(2, 20_000);
    // A request still arriving when SIGTERM lands is refused in the envelope (the client can retry elsewhere).
    const late = await rawConnect(server.port, 'GET /v1/agents HTTP/1.1\r\nHost: interviewd\r\nX-Request-Id: during-drain\r\n');

    server.child.kill('SIGTERM');
    await eventually(() => server.stdout().includes('"msg":"draining"'), 10_000, 'the drain started');
    late.send('\r\n');
    const refused = await late.answer({ untilComplete: true, timeoutMs: 10_000 });
    expect(refused.status, refused.text).toBe(503);
    expect(refused.headers['x-request-id']).toBe('during-drain');
    expect(refused.body).toMatchObject({ success: false, data: null, error: { code: 'SERVICE_UNAVAILABLE' } });

    const exit = await Promise.race([server.exited, sleep(25_000).then((): Exit | 'still running' => 'still running')]);
    // Generous: the grace period is 3 s; without it the exit would wait for 30 s or more (or for ever).
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toContain('grace period over');
    expect((await slow.answer({ timeoutMs: 5_000 })).closedByServer).toBe(true);
    await ping;
  }, 120_000);
});
