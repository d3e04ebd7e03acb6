/**
 * The analysis is a durable task with retries: a malformed model answer fails the attempt and the
 * queue tries again after its back-off (the clock is moved, nothing sleeps); after the last
 * attempt `analysis.failed` is announced once, with the reason, and the interview keeps no
 * analysis. `LLM_MAX_RETRIES=0` makes every retry the queue's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiFake, reply, startOpenAiFake } from '../../../test/fakes/openai-server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../../test/harness.ts';
import { createWebhookAt } from '../../../test/webhook-helpers.ts';
import { ManualClock } from '../../core/clock.ts';
import { completedInterview, deliveriesOf, idsOf, runAnalysisTask } from './analysis.test-helpers.ts';
import { ANALYSE_MAX_ATTEMPTS } from './task.ts';

const AGENT = { focus: 'GENERIC', questions: ['Tell me about yourself.'] };
const SCRIPT: Parameters<typeof completedInterview>[3] = [
  ['agent', "Let's begin. Tell me about yourself.", 4, 0],
  ['candidate', 'I build payment systems and I run them in production.', 10],
];

describe('analysis retries', () => {
  const clock = new ManualClock();
  let fake: OpenAiFake;
  let receiver: WebhookReceiver;
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => {
    fake = await startOpenAiFake();
    receiver = await startWebhookReceiver();
    server = await startTestServer({ clock, env: { LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-evaluator', LLM_MAX_RETRIES: '0' } });
    acme = await server.company('Acme');
  });
  beforeEach(() => {
    fake.requests.splice(0);
    fake.respond = () => reply.fail(500, 'openai fake: no behaviour was scripted for this request');
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
    await receiver.close();
  });

  it('a malformed answer fails the attempt; the retry stores the good one', async () => {
    const interview = await completedInterview(server, acme, AGENT, SCRIPT);
    const [answerId] = idsOf(interview, 'candidate');
    const good = {
      questions: [{ questionIndex: 0, answerSummary: 'Builds payment systems.', score: 64, reasoning: 'Relevant.', citations: [{ turnId: answerId, quote: 'I build payment systems' }] }],
      overallRating: 64,
      companyFitRating: 'MEDIUM',
      strongPoints: ['Runs what they build.'],
      weakPoints: [],
      summary: 'Relevant experience.',
    };
    fake.script(reply.invalidJson(), reply.json(good));

    const task = await runAnalysisTask(server, clock, interview);
    expect([task.status, task.attempts, task.lastError]).toEqual(['DONE', 2, null]);
    expect(fake.requests).toHaveLength(2);
    const { analysis } = (await acme.api('GET', `/v1/interviews/${interview.interviewId}`)).body;
    expect(analysis.general.overallRating).toBe(64);
    expect(analysis.general.evaluation[0]).toMatchObject({ score: 64, evidence: [{ turnId: answerId, quote: 'I build payment systems' }], insufficientEvidence: false });
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.failed')).toHaveLength(0);
  });

  it('always malformed: analysis.failed once after the last attempt, with the reason; the interview stays COMPLETED without analysis', async () => {
    // Verification is proven elsewhere: here the clock moves past the receiver's timestamp tolerance.
    const endpoint = receiver.endpoint({ respond: () => 200 });
    await createWebhookAt(acme.api, endpoint, { events: ['analysis.completed', 'analysis.failed'] });
    const interview = await completedInterview(server, acme, AGENT, SCRIPT);
    fake.respond = () => reply.invalidJson();

    const task = await runAnalysisTask(server, clock, interview);
    expect([task.status, task.attempts]).toEqual(['DEAD', ANALYSE_MAX_ATTEMPTS]);
    expect(task.lastError).toContain('the answer is not JSON');
    expect(fake.requests).toHaveLength(ANALYSE_MAX_ATTEMPTS);

    const got = await acme.api('GET', `/v1/interviews/${interview.interviewId}`);
    expect(got.body).toMatchObject({ status: 'COMPLETED', analysis: null });
    const failed = await deliveriesOf(server, interview.interviewId, 'analysis.failed');
    expect(failed).toHaveLength(1);
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.completed')).toHaveLength(0);

    const [delivery] = await endpoint.waitForAccepted(1);
    expect(delivery?.payload.event).toBe('analysis.failed');
    expect(delivery?.payload.data).toMatchObject({ interviewId: interview.interviewId, companyId: acme.id, status: 'COMPLETED' });
    expect(delivery?.payload.data.reason).toBe('the evaluator model gave no usable answer in 1 attempt(s): the answer is not JSON');
  });
});
