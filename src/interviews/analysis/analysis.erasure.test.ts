/**
 * A candidate erased (GDPR) while the model evaluator works: the analysis stored afterwards is the
 * erased one, and `analysis.completed` carries none of the candidate's words. The model is a stub
 * (`stubModel`) whose call runs the erasure sweep before it answers, so the order is certain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../../test/harness.ts';
import { createWebhookAt } from '../../../test/webhook-helpers.ts';
import { ERASED } from '../../candidates/gdpr-erasure.ts';
import { eraseExpiredCandidates } from '../../candidates/gdpr-sweep.ts';
import { ManualClock } from '../../core/clock.ts';
import { analyseCompletedInterview, type AnalysisDeps } from './analyse.ts';
import { completedInterview, deliveriesOf, idsOf, stubModel } from './analysis.test-helpers.ts';

const AGENT = { focus: 'GENERIC', questions: ['Tell me about yourself.'] };
const WORDS = 'I build payment systems and I run them in production.';

describe('analysis of a candidate erased meanwhile', () => {
  const clock = new ManualClock();
  let receiver: WebhookReceiver;
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ clock });
    // The analyses here are run by the test, not by the queue.
    await server.deps.queue.stop();
    acme = await server.company('Acme');
    await createWebhookAt(acme.api, receiver.endpoint({ respond: () => 200 }), { events: ['analysis.completed'] });
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  /** A model that answers well, after `meanwhile` ran (the sweep, while it thinks). */
  function model(answerId: string, meanwhile: () => Promise<unknown>): AnalysisDeps['model'] {
    const answer = {
      questions: [{ questionIndex: 0, answerSummary: 'Builds payment systems.', score: 64, reasoning: 'Runs payment systems in production.', citations: [{ turnId: answerId, quote: 'I build payment systems' }] }],
      overallRating: 64,
      companyFitRating: 'MEDIUM',
      strongPoints: ['Builds payment systems.'],
      weakPoints: [],
      summary: 'Builds payment systems in production.',
    };
    return stubModel(answer, meanwhile);
  }

  async function analyseWith(meanwhile: (candidateId: string) => Promise<unknown>) {
    const interview = await completedInterview(server, acme, AGENT, [
      ['agent', "Let's begin. Tell me about yourself.", 4, 0],
      ['candidate', WORDS, 10],
    ]);
    const [answerId] = idsOf(interview, 'candidate');
    const { candidateId } = (await acme.api('GET', `/v1/interviews/${interview.interviewId}`)).body;
    await server.deps.database.db.updateTable('candidates').set({ gdprExpiryDate: '2000-01-01' }).where('id', '=', candidateId).execute();
    const deps: AnalysisDeps = { db: server.deps.database.db, clock, model: model(answerId as string, () => meanwhile(candidateId)) };
    expect(await analyseCompletedInterview(deps, interview)).toBe('stored');
    const { analysis } = (await acme.api('GET', `/v1/interviews/${interview.interviewId}`)).body;
    const delivered = await deliveriesOf(server, interview.interviewId, 'analysis.completed');
    return { analysis, delivered };
  }

  it('erased while the evaluator worked: the analysis is stored and announced erased, its scores kept', async () => {
    const { analysis, delivered } = await analyseWith(async (candidateId) => {
      await eraseExpiredCandidates(server.deps.database.db, clock);
      const candidate = await server.deps.database.db.selectFrom('candidates').select('erasedAt').where('id', '=', candidateId).executeTakeFirstOrThrow();
      expect(candidate.erasedAt).not.toBeNull();
    });
    expect(analysis.general).toMatchObject({ overallRating: 64, companyFitRating: 'MEDIUM', summary: ERASED, strongPoints: [ERASED] });
    expect(analysis.general.evaluation[0]).toMatchObject({ score: 64, answerSummary: ERASED, reasoning: ERASED, evidence: [{ quote: ERASED }], insufficientEvidence: false });
    expect(JSON.stringify(analysis)).not.toMatch(/payment/i);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.body).not.toMatch(/payment/i);
    expect(JSON.parse(String(delivered[0]?.body)).data.analysis.general.summary).toBe(ERASED);
  });

  it('past its GDPR date but not swept yet: stored erased all the same (the sweep would erase it)', async () => {
    const { analysis, delivered } = await analyseWith(async () => undefined);
    expect(analysis.general).toMatchObject({ overallRating: 64, summary: ERASED });
    expect(JSON.stringify(analysis)).not.toMatch(/payment/i);
    expect(delivered[0]?.body).not.toMatch(/payment/i);
  });
});
