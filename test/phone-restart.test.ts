/**
 * Issue 14: a call attempt is a durable task, not a timer in a process. A real server process
 * (`interviewd serve`) takes a PHONE interview scheduled a few seconds ahead and is killed with
 * SIGKILL before the call is due; a new process on the same database places the call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioFake, type TwilioFake } from './fakes/twilio-server.ts';
import { type FreshDatabase, freshDatabase, testDatabaseKind } from './harness.ts';
import { randomKey, type ServerProcess, startServerProcess } from './process-harness.ts';
import { eventually } from './webhook-helpers.ts';

describe(`a scheduled call survives a SIGKILL (${testDatabaseKind})`, () => {
  let fake: TwilioFake;
  let database: FreshDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    fake = await startTwilioFake();
    database = await freshDatabase();
  });
  afterAll(async () => {
    for (const server of servers) await server.kill('SIGKILL');
    await fake?.close();
    await database?.drop();
  });

  it('an attempt scheduled before the kill is dialled by the next process', async () => {
    const key = randomKey();
    // The window always open: the test runs at whatever hour the machine's clock says.
    const env = { INTERVIEWD_BOOTSTRAP_KEY: key, TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken, TWILIO_API_BASE: fake.url, CALL_WINDOW: '00:00-24:00 Mon-Sun' };
    const first = await startServerProcess(database.url, { env });
    servers.push(first);
    const api = first.api(key);
    const phone = await api('POST', '/v1/phone-numbers', { body: { number: '+4930888123' } });
    expect(phone.status, phone.text).toBe(201);
    const agent = await api('POST', '/v1/agents', { body: { name: 'Phone screener', type: 'PHONE', focus: 'GENERIC', companyPhoneNumberId: phone.body.id } });
    expect(agent.status, agent.text).toBe(201);
    // Due 30 s from now: long enough that this process is gone before it, on a busy machine too.
    const scheduledAt = new Date(Date.now() + 30_000).toISOString();
    const created = await api('POST', '/v1/interviews', { body: { agentId: agent.body.id, scheduledAt, candidate: { firstName: 'Ada', lastName: 'Restart', phoneNumber: '+4915112345678' } } });
    expect(created.status, created.text).toBe(201);
    const attemptId = created.body.callAttempts[0].id as string;

    expect((await first.kill('SIGKILL')).signal).toBe('SIGKILL');
    expect(fake.calls).toEqual([]);
    const second = await startServerProcess(database.url, { env });
    servers.push(second);
    const call = await eventually(() => fake.calls.find((c) => c.request.params.StatusCallback?.includes(attemptId)), 90_000, 'the scheduled call');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    expect(call.request.params).toMatchObject({ To: '+4915112345678', From: '+4930888123', MachineDetection: 'Enable' });
    const attempt = await second.api(key)('GET', `/v1/interviews/${created.body.id}/call-attempts/${attemptId}`);
    expect(attempt.body).toMatchObject({ status: 'IN_PROGRESS', calledAt: expect.any(String) });
    expect(fake.calls).toHaveLength(1);
  }, 150_000);
});
