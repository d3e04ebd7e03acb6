/**
 * The analysis task without a model (§14): the rules evaluator reports facts per question and
 * judges nothing; the analysis is stored once and announced by `analysis.completed`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../../test/harness.ts';
import { createWebhookAt } from '../../../test/webhook-helpers.ts';
import { ManualClock } from '../../core/clock.ts';
import { MODEL_FAILED_NOTE } from '../runtime/evaluator/input.ts';
import { RULES_REASONING } from '../runtime/evaluator/rules.ts';
import { completedInterview, deliveriesOf, enqueueAnalysisTask, runAnalysisTask } from './analysis.test-helpers.ts';

const QUESTIONS = ['Tell me about a system you scaled.', 'How do you test?', 'Why this team?'];

describe('analysis without a model', () => {
  const clock = new ManualClock();
  let server: TestServer;
  let receiver: WebhookReceiver;
  let acme: SeededCompany;
  let other: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    receiver = await startWebhookReceiver();
    acme = await server.company('Acme');
    other = await server.company('Other');
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it('reports facts per question, judges nothing, and announces analysis.completed once', async () => {
    const endpoint = receiver.endpoint();
    await createWebhookAt(acme.api, endpoint, { events: ['analysis.completed', 'analysis.failed'] });
    const interview = await completedInterview(server, acme, { focus: 'SCREENING', questions: QUESTIONS }, [
      ['agent', `Hello, an AI conducts this interview. Let's begin. ${QUESTIONS[0]}`, 6, 0],
      ['candidate', 'I scaled our billing queue by partitioning it.', 10],
      ['agent', 'What limited it before?', 3],
      ['candidate', 'A global lock.', 4],
      ['agent', `Thank you. Next question. ${QUESTIONS[1]}`, 4, 1],
      ['candidate', '   ', 2],
      ['agent', 'Time is up. Thank you.', 3],
    ]);

    const task = await runAnalysisTask(server, clock, interview);
    expect([task.status, task.attempts, task.lastError]).toEqual(['DONE', 1, null]);

    const got = await acme.api('GET', `/v1/interviews/${interview.interviewId}`);
    expect(got.status, got.text).toBe(200);
    expect(got.body.status).toBe('COMPLETED');
    const { analysis } = got.body;
    expect(analysis.evaluator).toEqual({ kind: 'rules', model: null, promptVersion: null, notes: [] });
    expect(analysis.specific).toBeNull();
    expect([analysis.general.overallRating, analysis.general.companyFitRating]).toEqual([null, null]);
    expect(analysis.general.summary).toContain('1 of 3 questions answered, 11 words in all.');
    expect(analysis.general.evaluation).toEqual([
      // From the end of the question's turn to the end of the follow-up's answer.
      { question: QUESTIONS[0], answerSummary: 'Answered in 2 turns: 11 words, 20 s.', score: null, reasoning: RULES_REASONING, evidenceTurnIds: [], evidence: [], insufficientEvidence: true },
      { question: QUESTIONS[1], answerSummary: 'Not answered.', score: null, reasoning: RULES_REASONING, evidenceTurnIds: [], evidence: [], insufficientEvidence: true },
      { question: QUESTIONS[2], answerSummary: 'Not asked: the interview ended before this question.', score: null, reasoning: RULES_REASONING, evidenceTurnIds: [], evidence: [], insufficientEvidence: true },
    ]);
    expect(analysis.general.createdAt).toBe(got.body.updatedAt);

    const [delivery] = await endpoint.waitForAccepted(1);
    expect(delivery?.verified).toBe(true);
    expect(delivery?.payload.event).toBe('analysis.completed');
    expect(delivery?.payload.data).toMatchObject({ interviewId: interview.interviewId, companyId: acme.id, status: 'COMPLETED', analysis });

    // Running it again stores nothing and announces nothing.
    const again = await runAnalysisTask(server, clock, interview);
    expect(again.status).toBe('DONE');
    expect((await acme.api('GET', `/v1/interviews/${interview.interviewId}`)).body.analysis).toEqual(analysis);
    expect(await deliveriesOf(server, interview.interviewId, 'analysis.completed')).toHaveLength(1);
  });

  it("words the default questions as the interviewer did and notes the model's failure during the interview", async () => {
    const interest = 'Would you be interested in a new opportunity with Acme?';
    const interview = await completedInterview(server, acme, { focus: 'OUTREACH', questions: [] }, [
      ['agent', `Hello. ${interest}`, 5, 0],
      ['candidate', 'Yes, very much.', 3],
      ['agent', 'When could you start, and when would you be available for a conversation with the team?', 5, 1],
      ['candidate', 'In a month; any afternoon.', 4],
    ], { modelFailed: true });

    expect((await runAnalysisTask(server, clock, interview)).status).toBe('DONE');
    const { analysis } = (await acme.api('GET', `/v1/interviews/${interview.interviewId}`)).body;
    expect(analysis.general.evaluation.map((e: { question: string; answerSummary: string }) => [e.question, e.answerSummary])).toEqual([
      [interest, 'Answered in 1 turn: 3 words, 4 s.'],
      ['When could you start, and when would you be available for a conversation with the team?', 'Answered in 1 turn: 5 words, 5 s.'],
    ]);
    expect(analysis.specific).toEqual({ interestLevel: null, availability: null, nextStep: null });
    expect(analysis.evaluator.notes).toEqual([MODEL_FAILED_NOTE]);
  });

  it('leaves alone an interview of another company, one not completed, and a deleted one', async () => {
    const completed = await completedInterview(server, acme, { focus: 'GENERIC' }, [['agent', 'Tell me about yourself.', 3, 0], ['candidate', 'I build things.', 3]]);
    expect((await runAnalysisTask(server, clock, completed)).status).toBe('DONE');
    // No public path takes an analysis away: the SQL makes the completed interview unanalysed again.
    const { db } = server.deps.database;
    await db.updateTable('interviews').set({ analysis: null }).where('id', '=', completed.interviewId).execute();
    const unanalysed = async () => (await db.selectFrom('interviews').select('analysis').where('id', '=', completed.interviewId).executeTakeFirstOrThrow()).analysis;

    // The task names the company: another company's id does not reach this interview.
    const foreign = { companyId: other.id, interviewId: completed.interviewId };
    expect((await runAnalysisTask(server, clock, foreign, await enqueueAnalysisTask(server, clock, foreign))).status).toBe('DONE');
    expect(await unanalysed()).toBeNull();

    const scheduled = await acme.api('POST', '/v1/interviews', { body: { candidate: { firstName: 'Bo', lastName: 'Ek', email: 'bo@example.com' }, agent: { name: 'Generalist', focus: 'GENERIC' } } });
    expect(scheduled.status, scheduled.text).toBe(201);
    const notCompleted = { companyId: acme.id, interviewId: scheduled.body.id as string };
    expect((await runAnalysisTask(server, clock, notCompleted, await enqueueAnalysisTask(server, clock, notCompleted))).status).toBe('DONE');
    expect((await acme.api('GET', `/v1/interviews/${scheduled.body.id}`)).body).toMatchObject({ status: 'SCHEDULED', analysis: null });

    expect((await acme.api('DELETE', `/v1/interviews/${completed.interviewId}`)).status).toBe(200);
    const task = await runAnalysisTask(server, clock, completed, await enqueueAnalysisTask(server, clock, completed));
    expect([task.status, task.attempts]).toEqual(['DONE', 1]);
    expect(await unanalysed()).toBeNull();
    expect(await deliveriesOf(server, completed.interviewId, 'analysis.failed')).toHaveLength(0);
  });
});
