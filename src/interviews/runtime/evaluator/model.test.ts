/**
 * The model evaluator against the OpenAI-compatible fake (real HTTP, the real `openai` package):
 * the schema it sends, what it stores of the fake's answer after verification, and its bounds.
 */
import { toStrictJsonSchema } from 'openai/lib/transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewDataIn, type OpenAiFake, reply, startOpenAiFake } from '../../../../test/fakes/openai-server.ts';
import { AnalysisSchema } from '../../analysis-schema.ts';
import { createModelClient } from '../brains/model.ts';
import { inputOf, SCREENING_AGENT, screening, transcriptOf } from './evaluator.test-helpers.ts';
import { MODEL_FAILED_NOTE } from './input.ts';
import { EvaluationFailed, modelAnalysis, type ModelEvaluatorOptions } from './model.ts';
import { answerJsonSchema, EVALUATOR_PROMPT_VERSION } from './prompt.ts';

type Json = Record<string, unknown>;

/** What OpenAI's strict mode demands of every object: all properties required, no others allowed. */
function strictProblems(schema: unknown, path = '$'): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Json;
  const problems: string[] = [];
  if ('default' in node) problems.push(`${path}: default`);
  if (node.type === 'object') {
    const keys = Object.keys((node.properties as Json | undefined) ?? {}).sort();
    if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties is not false`);
    if (JSON.stringify([...((node.required as string[] | undefined) ?? [])].sort()) !== JSON.stringify(keys)) problems.push(`${path}: not every property is required`);
  }
  for (const [key, child] of Object.entries(node)) {
    if (Array.isArray(child)) child.forEach((c, i) => problems.push(...strictProblems(c, `${path}.${key}[${i}]`)));
    else if (typeof child === 'object') problems.push(...strictProblems(child, `${path}.${key}`));
  }
  return problems;
}

/** An answer as the model would give it, for the screening transcript's questions. */
function answer(questions: Json[], overrides: Json = {}): Json {
  return { questions, overallRating: 74, companyFitRating: 'HIGH', strongPoints: ['Concrete numbers.'], weakPoints: ['Little on testing.'], summary: 'A strong backend engineer.', ...overrides };
}

describe('the model evaluator', () => {
  let fake: OpenAiFake;
  let options: ModelEvaluatorOptions;
  beforeEach(async () => {
    fake = await startOpenAiFake();
    const client = createModelClient({ baseUrl: fake.baseUrl, apiKey: 'sk-evaluator', model: 'judge-1', firstTokenTimeoutMs: 10_000, maxRetries: 2 });
    options = { client, model: 'judge-1', maxAttempts: 3, retryBackoffMs: 1 };
  });
  afterEach(async () => {
    await fake.close();
  });

  it('sends a JSON schema that strict structured outputs accept as it is, for every focus', () => {
    for (const focus of ['SCREENING', 'GENERIC', 'LANGUAGE_TEST', 'OUTREACH']) {
      const schema = answerJsonSchema(focus);
      expect(strictProblems(schema), focus).toEqual([]);
      expect(toStrictJsonSchema(schema as never), focus).toEqual(schema); // the package's own strict transform changes nothing
      expect(JSON.stringify(schema)).toContain('"anyOf":[{"type":"number","minimum":0,"maximum":100},{"type":"null"}]'); // nullable scores
    }
    expect(Object.keys((answerJsonSchema('LANGUAGE_TEST').properties as Json) ?? {})).toContain('language');
    expect(Object.keys((answerJsonSchema('OUTREACH').properties as Json) ?? {})).toContain('outreach');
  });

  it('stores what the answer says after verification, exactly', async () => {
    const { transcript, input } = screening();
    const [, a1, , a2, , a3] = transcript.map((t) => t.id);
    fake.script(
      reply.json(
        answer([
          { questionIndex: 0, answerSummary: 'Partitioned a billing queue.', score: 82, reasoning: 'Specific and owned.', citations: [{ turnId: a1, quote: 'from 200 to 20,000 jobs per second' }, { turnId: a2, quote: 'held a global lock' }] },
          { questionIndex: 1, answerSummary: 'Tests first.', score: 64, reasoning: 'Sound but brief.', citations: [{ turnId: a3, quote: 'I read the tests first' }, { turnId: a3, quote: 'I read every line twice' }] },
          { questionIndex: 2, answerSummary: 'Loves the mission.', score: 50, reasoning: 'Invented.', citations: [{ turnId: a3, quote: 'the change' }] },
        ]),
      ),
    );
    const analysis = await modelAnalysis(input, options);
    expect(AnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis).toEqual({
      general: {
        // A score was withheld: the mean of the verified ones (82, 64), no company fit.
        overallRating: 73,
        companyFitRating: null,
        strongPoints: ['Concrete numbers.'],
        weakPoints: ['Little on testing.'],
        summary: 'A strong backend engineer.',
        createdAt: input.at,
        evaluation: [
          { question: SCREENING_AGENT.questions[0], answerSummary: 'Partitioned a billing queue.', score: 82, reasoning: 'Specific and owned.', evidence: [{ turnId: a1, quote: 'from 200 to 20,000 jobs per second' }, { turnId: a2, quote: 'held a global lock' }], evidenceTurnIds: [a1, a2], insufficientEvidence: false },
          { question: SCREENING_AGENT.questions[1], answerSummary: 'Tests first.', score: 64, reasoning: 'Sound but brief.', evidence: [{ turnId: a3, quote: 'I read the tests first' }], evidenceTurnIds: [a3], insufficientEvidence: false },
          // Never asked: the model's score, summary and citation are not stored.
          { question: SCREENING_AGENT.questions[2], answerSummary: 'Not asked: the interview ended before this question.', score: null, reasoning: 'Invented.', evidence: [], evidenceTurnIds: [], insufficientEvidence: true },
        ],
      },
      specific: null,
      evaluator: { kind: 'llm', model: 'judge-1', promptVersion: EVALUATOR_PROMPT_VERSION, notes: [
          '2 citations from the model could not be verified against the transcript and were dropped.',
          '1 score was withheld for lack of verified evidence.',
          "The overall rating is the mean of the verified scores, not the model's 74, and the company fit is withheld: the model's verdict may rest on the scores withheld.",
        ],
      },
    });

    const request = fake.requests[0]?.body;
    expect(request).toMatchObject({ model: 'judge-1', temperature: 0, response_format: { type: 'json_schema', json_schema: { name: 'interview_analysis', strict: true, schema: answerJsonSchema('SCREENING') } } });
    expect(request?.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    const system = String(request?.messages?.[0]?.content);
    for (const turn of transcript) expect(system).not.toContain(turn.text.slice(0, 20));
    const user = String(request?.messages?.[1]?.content);
    const data = interviewDataIn(user);
    expect(data.turns.map((t: Json) => [t.id, t.role, t.text])).toEqual(transcript.map((t) => [t.id, t.role === 'agent' ? 'interviewer' : 'candidate', t.text]));
    expect(data.questions).toEqual([
      { index: 0, text: SCREENING_AGENT.questions[0], asked: true, answerTurnIds: [a1, a2] },
      { index: 1, text: SCREENING_AGENT.questions[1], asked: true, answerTurnIds: [a3] },
      { index: 2, text: SCREENING_AGENT.questions[2], asked: false, answerTurnIds: [] },
    ]);
  });

  it('corrects citations of unknown turns, interviewer turns and quotes not in the cited turn: the scores are withheld, so is the verdict', async () => {
    const { transcript, input } = screening();
    const [q1, a1, , a2, , a3] = transcript.map((t) => t.id);
    fake.script(
      reply.json(
        answer([
          { questionIndex: 0, answerSummary: 'S', score: 95, reasoning: 'R', citations: [{ turnId: '0190a7e2-0000-7000-8000-000000000000', quote: 'I scaled' }, { turnId: q1, quote: 'Tell me about a system you scaled.' }] },
          { questionIndex: 1, answerSummary: 'S', score: 90, reasoning: 'R', citations: [{ turnId: a3, quote: 'held a global lock' }, { turnId: a1, quote: 'I review every line' }, { turnId: a2, quote: 'not said at all' }] },
        ]),
      ),
    );
    const analysis = await modelAnalysis(input, options);
    expect(analysis.general.evaluation.map((e) => [e.score, e.insufficientEvidence, e.evidence, e.evidenceTurnIds])).toEqual([
      [null, true, [], []],
      [null, true, [], []],
      [null, true, [], []],
    ]);
    expect(analysis.general.overallRating).toBeNull();
    expect(analysis.general.companyFitRating).toBeNull();
    expect(analysis.evaluator.notes).toEqual([
      '5 citations from the model could not be verified against the transcript and were dropped.',
      '2 scores were withheld for lack of verified evidence.',
      'The overall rating was withheld: no score rests on verified evidence.',
    ]);
  });

  it('with no answered question there is no overall rating and no invented verdict', async () => {
    const transcript = transcriptOf([['agent', 'Tell me about a system you scaled.', 3], ['candidate', '', 30], ['agent', 'Thank you, goodbye.', 2]]);
    const input = inputOf({ ...SCREENING_AGENT, questions: ['Tell me about a system you scaled.'] }, transcript, [0], { modelFailedDuringInterview: true });
    fake.script(reply.json(answer([{ questionIndex: 0, answerSummary: 'Great answer.', score: 88, reasoning: 'R', citations: [] }])));
    const analysis = await modelAnalysis(input, options);
    expect(analysis.general).toMatchObject({ overallRating: null, companyFitRating: null, strongPoints: [], weakPoints: [], summary: 'The candidate answered no question, so there is nothing to evaluate.' });
    expect(analysis.general.evaluation[0]).toMatchObject({ answerSummary: 'Not answered.', score: null, insufficientEvidence: true });
    expect(analysis.evaluator.notes).toEqual([MODEL_FAILED_NOTE, '1 score was withheld for lack of verified evidence.', 'No question was answered: there is nothing to rate.']);
  });

  it('an overall rating that may rest on a withheld score is the mean of the verified scores, and the company fit is withheld', async () => {
    const { transcript, input } = screening();
    const [, a1, , , , a3] = transcript.map((t) => t.id);
    fake.script(
      reply.json(
        answer(
          [
            { questionIndex: 0, answerSummary: 'S', score: 15, reasoning: 'R', citations: [{ turnId: a1, quote: 'our billing queue' }] },
            { questionIndex: 1, answerSummary: 'S', score: 100, reasoning: 'R', citations: [{ turnId: a3, quote: 'I wrote the compiler' }] }, // never said
          ],
          { overallRating: 90, companyFitRating: 'HIGH' },
        ),
      ),
    );
    const analysis = await modelAnalysis(input, options);
    expect(analysis.general.evaluation.map((e) => e.score)).toEqual([15, null, null]);
    expect([analysis.general.overallRating, analysis.general.companyFitRating]).toEqual([15, null]);
    expect(analysis.evaluator.notes).toContain("The overall rating is the mean of the verified scores, not the model's 90, and the company fit is withheld: the model's verdict may rest on the scores withheld.");

    // Nothing withheld: the model's verdict stands.
    fake.script(reply.json(answer([{ questionIndex: 0, answerSummary: 'S', score: 15, reasoning: 'R', citations: [{ turnId: a1, quote: 'our billing queue' }] }], { overallRating: 30, companyFitRating: 'LOW' })));
    const kept = await modelAnalysis(input, options);
    expect([kept.general.overallRating, kept.general.companyFitRating]).toEqual([30, 'LOW']);
  });

  it('retries a malformed answer (not JSON, not the schema, a refusal) and stores the first good one', async () => {
    const { transcript, input } = screening();
    const good = answer([{ questionIndex: 0, answerSummary: 'S', score: 70, reasoning: 'R', citations: [{ turnId: transcript[1]?.id, quote: 'our billing queue' }] }]);
    fake.script(reply.invalidJson(), reply.json({ ...good, overallRating: 150 }), reply.refuse(), reply.fail(503), reply.json(good));
    const analysis = await modelAnalysis(input, { ...options, maxAttempts: 5 });
    expect(analysis.general.overallRating).toBe(74);
    expect(analysis.general.evaluation[0]?.score).toBe(70);
    expect(fake.requests).toHaveLength(5);
  });

  it('after the bound, fails with an error the caller turns into analysis.failed', async () => {
    const { input } = screening();
    fake.script(reply.invalidJson(), reply.json({ questions: 'none' }), reply.invalidJson());
    const failure = await modelAnalysis(input, options).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EvaluationFailed);
    expect((failure as EvaluationFailed).attempts).toBe(3);
    expect((failure as EvaluationFailed).reasons).toEqual(['the answer is not JSON', expect.stringContaining('does not match the schema'), 'the answer is not JSON']);
    expect(fake.requests).toHaveLength(3);

    fake.script(reply.fail(401, 'Incorrect API key provided'));
    await expect(modelAnalysis(input, options)).rejects.toMatchObject({ name: 'EvaluationFailed', attempts: 1 });
    expect(fake.requests).toHaveLength(4); // a rejected key is not retried
  });

  it('a language test: level and sub-scores from the answer, measures from the transcript', async () => {
    const transcript = transcriptOf([['agent', 'Beschreiben Sie Ihren Arbeitstag.', 3], ['candidate', 'Ich arbeite gern im Team und lerne jeden Tag.', 12]]);
    const agent = { ...SCREENING_AGENT, focus: 'LANGUAGE_TEST' as const, language: 'DE' as const, cefrLevel: 'B2' as const, questions: ['Beschreiben Sie Ihren Arbeitstag.'] };
    const language = { estimatedLevel: 'B1', grammar: 70, vocabulary: 60, fluency: 65, coherence: 72 };
    fake.script(reply.json(answer([{ questionIndex: 0, answerSummary: 'S', score: 66, reasoning: 'R', citations: [{ turnId: transcript[1]?.id, quote: 'arbeite gern im Team' }] }], { language })));
    const analysis = await modelAnalysis(inputOf(agent, transcript, [0]), options);
    const { estimatedLevel, ...scores } = language;
    expect(analysis.specific).toEqual({ targetLevel: 'B2', estimatedLevel, scores, measures: { wordsPerMinute: 45, lexicalDiversity: 1, meanAnswerWords: 9 } });
    expect(String(fake.requests[0]?.body.messages?.[0]?.content)).toContain('German language test at target CEFR level B2');
  });

  it('an outreach: interest, availability and next step from the answer', async () => {
    const transcript = transcriptOf([['agent', 'Would you be interested?', 3], ['candidate', 'Yes, from March on.', 4]]);
    const outreach = { interestLevel: 'HIGH', availability: 'From March.', nextStep: 'Schedule a screening.' };
    fake.script(reply.json(answer([{ questionIndex: 0, answerSummary: 'Interested.', score: 90, reasoning: 'R', citations: [{ turnId: transcript[1]?.id, quote: 'from March on' }] }], { outreach })));
    const analysis = await modelAnalysis(inputOf({ ...SCREENING_AGENT, focus: 'OUTREACH', questions: ['Would you be interested?'] }, transcript, [0]), options);
    expect(analysis.specific).toEqual(outreach);
    expect(String(fake.requests[0]?.body.messages?.[0]?.content)).toContain('judge no skill');
  });
});
