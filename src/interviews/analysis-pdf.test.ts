import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectNotFound } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-reading.ts';
import { eraseExpiredCandidates } from '../candidates/gdpr-sweep.ts';
import { ManualClock } from '../core/clock.ts';

interface Evaluation {
  question: string;
  score: number | null;
}

/** §10 `GET /v1/interviews/{id}/analysis-pdf`: a real PDF report of the analysis. */
describe('analysis PDF', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
    other = await server.company('Other');
  });
  afterAll(async () => {
    await server.close();
  });

  async function completedTestInterview(body: Record<string, unknown>, company = acme) {
    const created = await company.api('POST', '/v1/interviews', { body: { ...body, isTest: true } });
    expect(created.status, created.text).toBe(201);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await company.api('GET', `/v1/interviews/${created.body.id}`);
      if (res.body.status === 'COMPLETED') return res.body as { id: string; candidateId: string; agentId: string; jobId: string | null; analysis: { general: { overallRating: number; evaluation: Evaluation[] }; specific: Record<string, unknown> | null } };
      if (Date.now() > deadline) throw new Error(`test interview still ${res.body.status} after 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function fetchPdf(interviewId: string, company = acme): Promise<Buffer> {
    const res = await company.api('GET', `/v1/interviews/${interviewId}/analysis-pdf`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(Object.keys(res.body)).toEqual(['analysisPdfBase64']);
    expect(res.body.analysisPdfBase64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    return Buffer.from(res.body.analysisPdfBase64, 'base64');
  }

  it('renders a real PDF with the candidate, agent, job, ratings and every question of a test interview', async () => {
    const interview = await completedTestInterview({
      candidate: { firstName: 'Grace', lastName: 'Hopper-Ørsted', email: 'grace@example.com' },
      agent: { name: 'Backend screener', focus: 'SCREENING', questions: ['Tell me about a system you scaled.', 'How do you review code?'] },
      job: { title: 'Senior Backend Engineer', description: 'Build and run the interview platform.' },
    });
    const pdf = await fetchPdf(interview.id);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');

    const text = pdfText(pdf);
    const { general } = interview.analysis;
    expect(text).toContain('Grace Hopper-Ørsted');
    expect(text).toContain('Backend screener');
    expect(text).toContain('Senior Backend Engineer');
    expect(text).toContain(`Overall rating: ${general.overallRating} / 100`);
    expect(text).toContain('Company fit: MEDIUM');
    expect(text).toContain('SYNTHETIC TEST ANALYSIS');
    expect(text).toMatch(/Evaluator: test/);
    expect(general.evaluation).toHaveLength(2);
    for (const entry of general.evaluation) {
      expect(text).toContain(entry.question);
      expect(text).toContain(`Score: ${entry.score} / 100`);
    }
    expect(text).toContain('Evidence: "This is a synthetic answer from a test interview."');
    expect(text).toContain('Synthetic strong point');
    expect(text).toContain('Synthetic weak point');
    expect(text).toContain('Synthetic analysis of a test interview');
    // Pure: the same analysis gives the same document, byte for byte.
    expect((await fetchPdf(interview.id)).equals(pdf)).toBe(true);
  });

  it('shows language-test specifics, a deleted agent, and "(erased)" for an erased candidate', async () => {
    // A company of its own: the sweep below runs days ahead, and so does its company's clock afterwards.
    const erasing = await server.company('Erasing');
    const interview = await completedTestInterview({
      candidate: { firstName: 'Ivo', lastName: 'Andrić', email: 'ivo@example.com' },
      agent: { name: 'German check', focus: 'LANGUAGE_TEST', language: 'DE', cefrLevel: 'B2', questions: ['Beschreiben Sie Ihren Arbeitstag.'] },
      job: { title: 'Support Engineer (German)', description: 'Help customers in German and English.' },
    }, erasing);
    const specific = interview.analysis.specific as { estimatedLevel: string; scores: { grammar: number }; measures: Record<string, number> };
    // The synthetic answer: 9 words ("a" twice) in 8 s.
    expect(specific.measures).toEqual({ wordsPerMinute: 67.5, lexicalDiversity: 0.889, meanAnswerWords: 9 });
    const before = pdfText(await fetchPdf(interview.id, erasing));
    expect(before).toContain('Ivo Andrić');
    expect(before).toContain('Job: Support Engineer (German)');
    expect(before).toContain('Target level: B2');
    expect(before).toContain(`Estimated level: ${specific.estimatedLevel}`);
    expect(before).toContain(`Grammar: ${specific.scores.grammar} / 100`);
    expect(before).toContain('Measured: 67.5 words per minute, lexical diversity 0.889, 9 words per answer');

    expect((await erasing.api('DELETE', `/v1/agents/${interview.agentId}`)).status).toBe(200);
    // Erased the way a candidate is: its GDPR date passes and the sweep (a recurring task, run here at that later date) erases it.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await erasing.api('PATCH', `/v1/candidates/${interview.candidateId}`, { body: { gdprExpiryDate: tomorrow } })).status).toBe(200);
    expect(await eraseExpiredCandidates(server.deps.database.db, new ManualClock(new Date(Date.now() + 3 * 86_400_000)))).toBe(1);
    const after = pdfText(await fetchPdf(interview.id, erasing));
    expect(after).toContain('Candidate: (erased)');
    expect(after).not.toContain('Ivo');
    expect(after).toContain('German check');
  });

  it('serves and renders an analysis stored before evidence, notes and measures existed', async () => {
    const interview = await completedTestInterview({
      candidate: { firstName: 'Old', lastName: 'Row', email: 'old@example.com' },
      agent: { name: 'Old check', focus: 'LANGUAGE_TEST', language: 'FR', cefrLevel: 'B1', questions: ['Parlez-moi de vous.'] },
      job: { title: 'Support (French)', description: 'Help customers in French.' },
    });
    const { general, specific, evaluator } = interview.analysis as unknown as { general: { evaluation: Array<Record<string, unknown>> }; specific: Record<string, unknown>; evaluator: Record<string, unknown> };
    const old = {
      general: { ...general, evaluation: general.evaluation.map(({ evidence: _evidence, ...rest }) => rest) },
      specific: { ...specific, measures: undefined },
      evaluator: { kind: evaluator.kind, model: evaluator.model },
    };
    await server.deps.database.db.updateTable('interviews').set({ analysis: JSON.stringify(old) }).where('id', '=', interview.id).execute();
    const res = await acme.api('GET', `/v1/interviews/${interview.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.analysis.general.evaluation[0].evidence).toEqual([]);
    expect(res.body.analysis.evaluator).toEqual({ kind: 'test', model: null, promptVersion: null, notes: [] });
    expect(res.body.analysis.specific.measures).toEqual({ wordsPerMinute: null, lexicalDiversity: null, meanAnswerWords: null });
    expect(pdfText(await fetchPdf(interview.id))).toContain('Target level: B1');
  });

  it('keeps a deleted job and an outreach verdict in the report', async () => {
    const interview = await completedTestInterview({
      candidate: { firstName: 'Ada', lastName: 'Byron', email: 'ada@example.com' },
      agent: { name: 'Outreach caller', focus: 'OUTREACH' },
      job: { title: 'Staff Data Engineer', description: 'Own the data platform end to end.' },
    });
    expect((await acme.api('DELETE', `/v1/jobs/${interview.jobId}`)).status).toBe(200);
    const text = pdfText(await fetchPdf(interview.id));
    expect(text).toContain('Staff Data Engineer');
    expect(text).toContain('Interest level: MEDIUM');
    expect(text).toContain('Next step:');
  });

  it('404 RESOURCE_NOT_FOUND until an analysis exists, saying so; 404 for unknown and foreign interviews', async () => {
    const created = await acme.api('POST', '/v1/interviews', {
      body: { candidate: { firstName: 'Real', lastName: 'Candidate', email: 'real@example.com' }, agent: { name: 'Screener', focus: 'GENERIC' } },
    });
    expect(created.status, created.text).toBe(201);
    const error = expectNotFound(await acme.api('GET', `/v1/interviews/${created.body.id}/analysis-pdf`), created.body.id);
    expect(error.details.resourceType).toBe('analysis');
    expect(error.message).toMatch(/no analysis yet/);

    const unknown = randomUUID();
    expect(expectNotFound(await acme.api('GET', `/v1/interviews/${unknown}/analysis-pdf`), unknown).details.resourceType).toBe('interview');
    expectNotFound(await other.api('GET', `/v1/interviews/${created.body.id}/analysis-pdf`), created.body.id);
    expectError(await acme.api('GET', '/v1/interviews/not-a-uuid/analysis-pdf'), 400, 'VALIDATION_ERROR');
  });

  it('needs read:interviews; an interview without a job shows "—"', async () => {
    const interview = await completedTestInterview({ candidate: { firstName: 'Scope', lastName: 'Check', email: 'scope@example.com' }, agent: { name: 'Scoped', focus: 'GENERIC' } });
    const writer = await server.companyKey(acme.id, { scopes: ['write:interviews'] });
    expect(expectError(await writer.api('GET', `/v1/interviews/${interview.id}/analysis-pdf`), 403, 'INSUFFICIENT_PERMISSIONS').message).toContain('read:interviews');
    const reader = await server.companyKey(acme.id, { scopes: ['read:interviews'] });
    expect(pdfText(await fetchPdf(interview.id, { ...acme, api: reader.api }))).toContain('Job: —');
  });
});
