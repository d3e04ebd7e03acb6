/**
 * The analysis is a durable task with retries: a malformed model answer fails the attempt and the
 * queue tries again after its back-off (the clock is moved, nothing sleeps); when the task ends
 * without an analysis (its last counted attempt failed, or that attempt's worker died)
 * `analysis.failed` is announced once, with a fixed reason, and the interview keeps no analysis;
 * a shutdown that interrupts the last attempt ends nothing. `LLM_MAX_RETRIES=0` makes every retry
 * the queue's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiFake, reply, startOpenAiFake } from '../../../test/fakes/openai-server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../../test/harness.ts';
import { createWebhookAt, eventually } from '../../../test/webhook-helpers.ts';
import { ManualClock } from '../../core/clock.ts';
import { completedInterview, deliveriesOf, idsOf, runAnalysisTask, stubModel } from './analysis.test-helpers.ts';
import { LeaseLostError } from '../../queue/task-kind.ts';
import { ANALYSIS_FAILED_REASON, analyseCompletedInterview } from './analyse.ts';
import { ANALYSE_MAX_ATTEMPTS, ANALYSE_TASK } from './task.ts';

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
    expect(delivery?.payload.data.reason).toBe(ANALYSIS_FAILED_REASON);
  });

  const taskOf = (interviewId: string) =>
    server.deps.database.db.selectFrom('queueTasks').selectAll().where('kind', '=', ANALYSE_TASK).where('payload', 'like', `%${interviewId}%`).executeTakeFirstOrThrow();
  /** An outage has failed every attempt but the last: the next one is the last. */
  const lastAttemptNext = async (interviewId: string) =>
    server.deps.database.db.updateTable('queueTasks').set({ attempts: ANALYSE_MAX_ATTEMPTS - 1, runAt: clock.now().toISOString() }).where('id', '=', (await taskOf(interviewId)).id).execute();
  const good = (answerId: string) =>
    reply.json({ questions: [{ questionIndex: 0, answerSummary: 'S', score: 64, reasoning: 'R', citations: [{ turnId: answerId, quote: 'I build payment systems' }] }], overallRating: 64, companyFitRating: 'MEDIUM', strongPoints: [], weakPoints: [], summary: 's' });

  it('a shutdown that interrupts the last attempt announces nothing; the attempt runs again and analysis.completed is the only end', async () => {
    await server.deps.queue.stop();
    const interview = await completedInterview(server, acme, AGENT, SCRIPT);
    const [answerId] = idsOf(interview, 'candidate');
    await lastAttemptNext(interview.interviewId);
    fake.respond = () => reply.stall('before-headers');
    server.deps.queue.start();
    await eventually(async () => (fake.requests.length > 0 ? true : undefined), 10_000, 'the last attempt called the model');
    await server.deps.queue.stop(10); // a deploy: the grace is over, the handler is aborted

    expect(await taskOf(interview.interviewId)).toMatchObject({ status: 'PENDING', attempts: ANALYSE_MAX_ATTEMPTS - 1 });
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.failed')).toHaveLength(0);

    fake.respond = () => good(answerId as string);
    server.deps.queue.start();
    const task = await runAnalysisTask(server, clock, interview);
    expect([task.status, task.attempts]).toEqual(['DONE', ANALYSE_MAX_ATTEMPTS]);
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.completed')).toHaveLength(1);
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.failed')).toHaveLength(0);
  });

  it("the last attempt's worker died (its lease lapsed): the task ends DEAD with analysis.failed, once", async () => {
    await server.deps.queue.stop();
    const interview = await completedInterview(server, acme, AGENT, SCRIPT);
    // The worker of the last attempt died mid-call (OOM, kill -9): RUNNING, its lease lapsed.
    const past = new Date(clock.now().getTime() - 1000).toISOString();
    await server.deps.database.db
      .updateTable('queueTasks')
      .set({ status: 'RUNNING', attempts: ANALYSE_MAX_ATTEMPTS, lockedBy: 'dead-worker:1', lockedUntil: past })
      .where('id', '=', (await taskOf(interview.interviewId)).id)
      .execute();
    server.deps.queue.start();

    const task = await runAnalysisTask(server, clock, interview);
    expect(task).toMatchObject({ status: 'DEAD', lastError: expect.stringContaining('lease expired') });
    expect(fake.requests).toHaveLength(0);
    expect((await acme.api('GET', `/v1/interviews/${interview.interviewId}`)).body).toMatchObject({ status: 'COMPLETED', analysis: null });
    const failed = await deliveriesOf(server, interview.interviewId, 'analysis.failed');
    expect(failed).toHaveLength(1);
    expect(JSON.parse(String(failed[0]?.body)).data.reason).toBe(ANALYSIS_FAILED_REASON);
  });

  it("analysis.failed tells the tenant a fixed reason: the provider's error (which can name the operator's key) stays with the operator", async () => {
    const interview = await completedInterview(server, acme, AGENT, SCRIPT);
    await lastAttemptNext(interview.interviewId);
    // OpenAI's own 401 text names the key it got (masked in the middle).
    const providerText = 'Incorrect API key provided: sk-proj-AbCd************************WxYz. You can find your API key at https://platform.openai.com/account/api-keys.';
    fake.respond = () => reply.fail(401, providerText);

    const task = await runAnalysisTask(server, clock, interview);
    expect(task.status).toBe('DEAD');
    expect(task.lastError).toContain('sk-proj-AbCd');
    const [failed] = await deliveriesOf(server, interview.interviewId, 'analysis.failed');
    const body = String(failed?.body);
    expect(JSON.parse(body).data.reason).toBe(ANALYSIS_FAILED_REASON);
    expect(body).not.toContain('sk-proj');
    expect(body).not.toContain('401');
  });
  it('an attempt that lost its task (lease lapsed, the task perhaps DEAD with analysis.failed) stores and announces nothing', async () => {
    await server.deps.queue.stop();
    const interview = await completedInterview(server, acme, AGENT, SCRIPT);
    const [answerId] = idsOf(interview, 'candidate');
    const answer = { questions: [{ questionIndex: 0, answerSummary: 'S', score: 64, reasoning: 'R', citations: [{ turnId: answerId, quote: 'I build payment systems' }] }], overallRating: 64, companyFitRating: 'MEDIUM', strongPoints: [], weakPoints: [], summary: 's' };
    const deps = { db: server.deps.database.db, clock, model: stubModel(answer) };
    const lost = async () => {
      throw new LeaseLostError('the task is no longer held by this attempt');
    };

    await expect(analyseCompletedInterview(deps, interview, { finishIn: lost })).rejects.toBeInstanceOf(LeaseLostError);
    expect((await acme.api('GET', `/v1/interviews/${interview.interviewId}`)).body.analysis).toBeNull();
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.completed')).toHaveLength(0);

    // The attempt that holds the task stores it and completes the task in the same transaction.
    const finished: unknown[] = [];
    expect(await analyseCompletedInterview(deps, interview, { finishIn: async (trx) => void finished.push(trx) })).toBe('stored');
    expect(finished).toHaveLength(1);
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.completed')).toHaveLength(1);
    server.deps.queue.start();
  });
});
