import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { createWebhookAt } from '../../test/webhook-helpers.ts';

const EVENTS = ['interview.scheduled', 'interview.started', 'interview.completed', 'interview.cancelled', 'analysis.completed'];

describe('interviews fire their §11 events through signed webhooks', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    receiver = await startWebhookReceiver();
    acme = await server.company('Acme');
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('an isTest interview fires scheduled, started, completed and analysis.completed, in order, verified', async () => {
    const endpoint = receiver.endpoint();
    await createWebhookAt(acme.api, endpoint, { events: EVENTS });
    const created = await acme.api('POST', '/v1/interviews', {
      body: { candidate: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }, agent: { name: 'Generalist', focus: 'GENERIC' }, isTest: true },
    });
    expect(created.status, created.text).toBe(201);

    const got = await endpoint.waitForAccepted(4, 10_000);
    expect(got.every((d) => d.verified)).toBe(true);
    expect(got.map((d) => d.payload.event)).toEqual(['interview.scheduled', 'interview.started', 'interview.completed', 'analysis.completed']);
    for (const delivery of got) {
      expect(delivery.payload.deliveryId).toBe(delivery.id);
      expect(delivery.payload.data).toMatchObject({
        interviewId: created.body.id,
        companyId: acme.id,
        candidateId: created.body.candidateId,
        agentId: created.body.agentId,
        jobId: null,
      });
    }
    const analysisEvent = got[3]?.payload.data as { status: string; analysis: { evaluator: { kind: string } } };
    expect(analysisEvent.status).toBe('COMPLETED');
    expect(analysisEvent.analysis.evaluator.kind).toBe('test');
  });

  it('cancelling an interview fires interview.cancelled with the new status', async () => {
    const endpoint = receiver.endpoint();
    await createWebhookAt(acme.api, endpoint, { events: ['interview.cancelled'] });
    const created = await acme.api('POST', '/v1/interviews', {
      body: { candidate: { firstName: 'Bo', lastName: 'Ek', email: 'bo@example.com' }, agent: { name: 'Generalist', focus: 'GENERIC' } },
    });
    expect(created.status, created.text).toBe(201);
    expect((await acme.api('POST', `/v1/interviews/${created.body.id}/cancel`)).status).toBe(200);
    const [delivery] = await endpoint.waitForAccepted(1, 10_000);
    expect(delivery?.verified).toBe(true);
    expect(delivery?.payload.event).toBe('interview.cancelled');
    expect(delivery?.payload.data).toMatchObject({ interviewId: created.body.id, status: 'CANCELLED' });
  });
});
