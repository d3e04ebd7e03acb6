/**
 * A model-evaluated interview in the console, in a real browser: each score sits beside its
 * reasoning with the quotes the server verified (a quote the candidate never said is not shown, and
 * its score is withheld), and each quote links to its turn in the transcript — following the link
 * lands on that turn. The interviewer and the evaluator are the OpenAI fake, through the `openai`
 * package; the interview runs over the room's real HTTP routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { createRoomInterview, newCompany, roomClient, type RoomWorld, runDueTasks, startRoomWorld, transcriptOf } from '../src/room/room.test-helpers.ts';
import { checkPage, launchChromium, signInThroughPage } from './console-browser.ts';
import { consoleUser } from './console-helpers.ts';
import { interviewDataIn, type OpenAiFake, type RecordedRequest, reply, startOpenAiFake } from './fakes/openai-server.ts';

const ANSWERS = ['I scaled our billing service from one node to twelve behind a queue.', 'We test with contract tests and a nightly load test.'];
const isEvaluation = (request: RecordedRequest) => request.body.response_format !== undefined;

/** The evaluator cites a real quote for the first question and, for the second, one the candidate never said. */
function evaluatorAnswer(request: RecordedRequest) {
  const user = String((request.body.messages ?? []).find((m) => m.role === 'user')?.content ?? '');
  const data = interviewDataIn(user);
  const candidate = data.turns.filter((t) => t.role === 'candidate');
  const first = candidate.find((t) => t.text.includes('billing service'));
  const second = candidate.find((t) => t.text.includes('contract tests'));
  return reply.json({
    questions: [
      { questionIndex: 0, answerSummary: 'Scaled billing horizontally.', score: 78, reasoning: 'Concrete numbers and a queue.', citations: [{ turnId: first?.id, quote: 'from one node to twelve' }] },
      { questionIndex: 1, answerSummary: 'Contract and load tests.', score: 90, reasoning: 'Claims mutation testing.', citations: [{ turnId: second?.id, quote: 'we run mutation testing on every commit' }] },
    ],
    overallRating: 80,
    companyFitRating: 'HIGH',
    strongPoints: ['Scaling experience'],
    weakPoints: [],
    summary: 'A solid backend engineer.',
  });
}

describe('the analysis of a model-evaluated interview in the console', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let fake: OpenAiFake;
  let world: RoomWorld;
  const unexpected: string[] = [];

  beforeAll(async () => {
    fake = await startOpenAiFake();
    fake.respond = (request) => (isEvaluation(request) ? evaluatorAnswer(request) : reply.text('Thank you. Could you say a little more?'));
    world = await startRoomWorld(clock, { LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_MAX_RETRIES: '0', LLM_FIRST_TOKEN_TIMEOUT_MS: '30000' });
  });
  afterAll(async () => {
    await world?.server.close();
    await fake?.close();
    expect(unexpected).toEqual([]);
  });

  it('shows each score with its verified quotes, each linked to its turn', async () => {
    const acme = await newCompany(world);
    const { interview, token } = await createRoomInterview(acme.api, { questions: ['Tell me about a system you scaled.', 'How do you test?'] });
    const room = roomClient(world, token);
    await room.start();
    await world.server.deps.sessions.settled(interview.id);
    const status = async () => (await acme.api('GET', `/v1/interviews/${interview.id}`)).body.status as string;
    // The first answer to each question, then brief ones to whatever follow-up the engine asks.
    for (let i = 0; i < 8 && (await status()) === 'IN_PROGRESS'; i++) {
      await room.answer(ANSWERS[i] ?? 'Nothing to add.');
      await world.server.deps.sessions.settled(interview.id);
    }
    expect(await status()).toBe('COMPLETED');
    await runDueTasks(world, interview.id);
    const { analysis } = (await acme.api('GET', `/v1/interviews/${interview.id}`)).body;
    expect(analysis.evaluator).toMatchObject({ kind: 'llm', model: 'fake-model' });
    const transcript = await transcriptOf(acme.api, interview.id);
    const cited = transcript.find((t) => t.text.includes('billing service'));
    expect(cited?.role).toBe('candidate');

    const browser = await launchChromium();
    try {
      const admin = await consoleUser(world.server, acme.id, 'admin');
      const page = await signInThroughPage(browser, world.server.baseUrl, admin.email, unexpected);
      await page.goto(`${world.server.baseUrl}/console/interviews/${interview.id}`);

      const cards = page.locator('.score-card');
      await expect.poll(() => cards.count()).toBe(2);
      await page.getByText('Evaluated by: llm (fake-model)').waitFor();
      // The first score, its reasoning and its one verified quote, naming its place in the transcript.
      const first = cards.nth(0);
      expect(await first.locator('.score strong').textContent()).toBe('78');
      await first.getByText('Concrete numbers and a queue.').waitFor();
      const position = transcript.findIndex((t) => t.id === cited?.id) + 1;
      const quote = first.getByRole('link', { name: `“from one node to twelve” (turn ${position} of the transcript)` });
      expect(await quote.getAttribute('href')).toBe(`#turn-${cited?.id}`);
      // The second rested on words the candidate never said: no quote shown, no score.
      const second = cards.nth(1);
      expect(await second.locator('.score').textContent()).toBe('Score: not scored · Not enough evidence to score.');
      expect(await second.locator('.evidence a').count()).toBe(0);
      expect(await page.getByText('mutation testing on every commit').count()).toBe(0);
      await checkPage(page, 'interview-model-analysis');

      // Following the quote lands on its turn: the address names it, and focus is on it.
      await quote.click();
      await expect.poll(() => new URL(page.url()).hash).toBe(`#turn-${cited?.id}`);
      const focused = await page.evaluate(() => {
        const active = (globalThis as unknown as { document: { activeElement: { id: string; textContent: string } | null } }).document.activeElement;
        return { id: active?.id, textContent: active?.textContent };
      });
      expect(focused.id).toBe(`turn-${cited?.id}`);
      expect(focused.textContent).toContain('from one node to twelve');
      await page.context().close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
