/**
 * The room in a real browser (Debian's chromium, driven by playwright-core; no voices and no
 * speech output in headless mode, so typing alone must carry the interview; one test gives the
 * page a stand-in speech engine that behaves like a desktop browser's): a real
 * `interviewUrl` opened, started, every question answered by typing, a reload mid-way resuming at
 * the same question, the close, then the API; the pages of early, expired, cancelled and finished
 * links; an open room whose interview is deleted (mid-turn too) ends on the not-found page;
 * axe-core finds no serious or critical violation; a 375 px screenshot is kept in
 * test-results/ (git-ignored, left in place by .ci/run).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { linesFor } from '../src/interviews/runtime/lines/lines.ts';
import { createRoomInterview, newCompany, type RoomWorld, runDueTasks, startRoomWorld, transcriptOf } from '../src/room/room.test-helpers.ts';
import { reply, startOpenAiFake } from './fakes/openai-server.ts';

const START = '2025-11-20T10:00:00.000Z';
const en = linesFor('EN');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOT = 'test-results/room-375.png';
/** Uncaught errors of the room's script, in any page: none is expected. */
const pageErrors: string[] = [];

async function openRoom(browser: Browser, url: string): Promise<Page> {
  // bypassCSP: the room's CSP allows no injected script, and axe is one.
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, bypassCSP: true });
  const page = await context.newPage();
  // A state never reached fails with the locator's name well inside the test's own timeout.
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return page;
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string }[] }> } }).axe.run();
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

const agentTurns = (page: Page) => page.locator('#transcript li.agent p').allTextContents();

async function answerByTyping(page: Page, text: string, how: 'enter' | 'click'): Promise<void> {
  await page.getByLabel(en.answerLabel).fill(text);
  const send = page.getByRole('button', { name: en.sendButton });
  if (how === 'enter') await page.getByLabel(en.answerLabel).press('Enter');
  else await send.click();
  await page.locator('#transcript li.candidate p', { hasText: text }).waitFor();
}

describe('the room in a browser', () => {
  const clock = new ManualClock(START);
  let world: RoomWorld;
  let browser: Browser;
  // The interviewUrl's path on the test server (PUBLIC_URL names the default port, not the test's).
  const urlOf = (token: string) => `${world.server.baseUrl}/room/${token}`;

  beforeAll(async () => {
    world = await startRoomWorld(clock);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await browser?.close();
    await world.server.close();
  });

  it('a candidate types through the whole interview, reloads mid-way and resumes at the same question; the API shows it COMPLETED', async () => {
    const acme = await newCompany(world);
    const questions = ['Tell me about a system you scaled.', 'How do you test?', 'Why do you want this job?'];
    const { interview, token } = await createRoomInterview(acme.api, { questions, voiceId: 'EMMA' });
    const page = await openRoom(browser, urlOf(token));

    // The first screen: who, that an AI conducts it and what is recorded, and Start.
    await page.getByRole('heading', { name: en.introHeading }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    expect(await page.locator('#intro').textContent()).toContain(en.introAiNotice.replace('{companyName}', 'Acme'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: en.startButton }).click();

    await page.locator('#transcript li.agent p', { hasText: questions[0] }).waitFor();
    // The whole turn, once stored, goes to the aria-live region.
    await page.locator('[aria-live="polite"]', { hasText: questions[0] }).waitFor({ state: 'attached' });
    expect(await page.locator('#timer').textContent()).toMatch(/^Time remaining: \d+:\d\d$/);
    await answerByTyping(page, 'I scaled a payments API tenfold.', 'enter');
    await page.locator('#transcript li.agent p', { hasText: questions[1] }).waitFor();
    expect(await page.locator('#answer:focus').count()).toBe(1); // the box keeps the focus
    expect(await seriousViolations(page)).toEqual([]);

    // Reload: the same transcript, the same question, the unsent draft, and the interview goes on.
    const before = await page.locator('#transcript li').allTextContents();
    await page.getByLabel(en.answerLabel).fill('Half of an answer');
    await page.reload();
    await page.locator('#transcript li.agent p', { hasText: questions[1] }).waitFor();
    expect(await page.locator('#intro').isHidden()).toBe(true);
    expect(await page.locator('#transcript li').allTextContents()).toEqual(before);
    expect(await page.getByLabel(en.answerLabel).inputValue()).toBe('Half of an answer');

    await answerByTyping(page, 'Unit tests, contract tests and canaries.', 'click');
    await page.locator('#transcript li.agent p', { hasText: questions[2] }).waitFor();
    await answerByTyping(page, 'Because I like hard problems.', 'enter');
    const closing = en.closing.replace('{companyName}', 'Acme');
    await page.locator('#transcript li.agent p', { hasText: closing }).waitFor();
    await page.getByRole('heading', { name: en.endedHeading }).waitFor();
    expect(await page.locator('#ended-message').textContent()).toBe(en.finished);
    expect(await page.locator('#answer-form').isHidden()).toBe(true);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // What the room showed is what the API stores.
    await world.server.deps.sessions.settled(interview.id);
    const stored = await transcriptOf(acme.api, interview.id);
    expect(stored.map((t) => t.text)).toEqual(await page.locator('#transcript li p').allTextContents());
    expect(stored.filter((t) => t.role === 'candidate')).toHaveLength(3);
    expect((await agentTurns(page)).at(-1)).toBe(closing);
    expect((await acme.api('GET', `/v1/interviews/${interview.id}`)).body).toMatchObject({ status: 'COMPLETED', statusReason: 'COMPLETED' });
    // The analysis follows (the interview.completed subscriber): no model here, so the rules, judging nothing.
    await runDueTasks(world, interview.id);
    const { analysis } = (await acme.api('GET', `/v1/interviews/${interview.id}`)).body;
    expect(analysis).toMatchObject({ evaluator: { kind: 'rules' }, general: { overallRating: null, companyFitRating: null } });
    expect(analysis.general.evaluation.length).toBeGreaterThan(0);
    for (const entry of analysis.general.evaluation) expect(entry.score).toBeNull();

    // Finished: the link now shows its page.
    await page.reload();
    expect(await page.locator('#state-message').textContent()).toBe(en.finished);
    await page.context().close();
  }, 90_000);

  it('says each interviewer turn in the agent’s language with a voice of its gender (voices listed late), never holding up typing; /spoken names the turn', async () => {
    clock.set(START);
    const acme = await newCompany(world);
    const { interview, token } = await createRoomInterview(acme.api, { language: 'DE', voiceId: 'ALEX', questions: ['Erzählen Sie von einem System.', 'Wie testen Sie?'] });
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    // A speech engine as desktop Chrome's behaves: no voices until its list has loaded, then
    // `voiceschanged`; an utterance ends only when the test says so.
    await context.addInitScript(() => {
      const voices = [
        { name: 'Google US English', lang: 'en-US' },
        { name: 'Google Deutsch Female', lang: 'de-DE' },
        { name: 'Conrad - German (Germany) Male', lang: 'de-DE' },
      ];
      type Utterance = { text: string; voice: { name: string } | null; lang: string; onend: (() => void) | null };
      const state = { loaded: false, said: [] as Utterance[] };
      const synth = new EventTarget() as EventTarget & Record<string, unknown>;
      synth.getVoices = () => {
        if (!state.loaded) setTimeout(() => ((state.loaded = true), synth.dispatchEvent(new Event('voiceschanged'))), 100);
        return state.loaded ? voices : [];
      };
      synth.speak = (u: Utterance) => state.said.push(u);
      synth.cancel = () => undefined;
      const g = globalThis as unknown as Record<string, unknown>;
      Object.defineProperty(g, 'speechSynthesis', { value: synth });
      g.SpeechSynthesisUtterance = class { voice = null; lang = ''; onend = null; onerror = null; constructor(readonly text: string) {} };
      g.roomSpeech = state;
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(urlOf(token));
    const said = () => page.evaluate(() => (globalThis as unknown as { roomSpeech: { said: { text: string; voice: { name: string } | null; lang: string }[] } }).roomSpeech.said.map((u) => ({ text: u.text, voice: u.voice?.name, lang: u.lang })));
    const endSpeech = (i: number) => page.evaluate((n) => (globalThis as unknown as { roomSpeech: { said: { onend: (() => void) | null }[] } }).roomSpeech.said[n]?.onend?.(), i);

    await page.getByRole('button', { name: linesFor('DE').startButton }).click();
    await expect.poll(said).toHaveLength(1);
    const [opening] = await transcriptOf(acme.api, interview.id);
    expect(await said()).toEqual([{ text: opening?.text, voice: 'Conrad - German (Germany) Male', lang: 'de-DE' }]);
    // While it is still being said, the candidate can type and send.
    await page.getByLabel(linesFor('DE').answerLabel).fill('Ein Zahlungssystem.');
    await page.getByLabel(linesFor('DE').answerLabel).press('Enter');
    await expect.poll(said).toHaveLength(2);
    const second = (await transcriptOf(acme.api, interview.id)).at(-1);
    expect((await said())[1]).toMatchObject({ text: second?.text, voice: 'Conrad - German (Germany) Male' });
    // Its speech ends: the page reports that turn, by its id.
    const spoken = page.waitForRequest((req) => req.url().endsWith('/spoken'));
    await endSpeech(1);
    expect((await spoken).postDataJSON()).toEqual({ turnId: second?.id });
    await context.close();
  });

  it('early, cancelled and expired links each show their page, in the agent’s language', async () => {
    clock.set(START);
    const acme = await newCompany(world);
    const de = linesFor('DE');
    const early = await createRoomInterview(acme.api, { language: 'DE' }, { scheduledAt: '2025-11-21T09:30:00.000Z' });
    const cancelled = await createRoomInterview(acme.api, { language: 'DE' });
    expect((await acme.api('POST', `/v1/interviews/${cancelled.interview.id}/cancel`)).status).toBe(200);
    const unused = await createRoomInterview(acme.api, { language: 'AR' });

    const page = await openRoom(browser, urlOf(early.token));
    expect(await page.locator('html').getAttribute('lang')).toBe('de-DE');
    expect(await page.locator('#state').getAttribute('data-page')).toBe('notOpenYet');
    const opens = await page.locator('#state-message time').getAttribute('datetime');
    expect(opens).toBe('2025-11-21T09:30:00.000Z');
    expect(await page.locator('#state-message').textContent()).toContain(de.notOpenYet.split('{time}')[0] as string);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(urlOf(cancelled.token));
    expect(await page.locator('#state-message').textContent()).toBe(de.cancelled);

    clock.set('2025-11-28T10:00:00.000Z');
    await page.goto(urlOf(unused.token));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#state-message').textContent()).toBe(linesFor('AR').expired);
    await runDueTasks(world, unused.interview.id);
    await page.reload();
    expect(await page.locator('#state-message').textContent()).toBe(linesFor('AR').expired);

    const unknown = await page.goto(`${world.server.baseUrl}/room/${'x'.repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Interview not found');
    await page.context().close();
  });

  it('a room whose interview is deleted shows the not-found page: told live, on a refused reconnect, or on a refused answer', async () => {
    clock.set(START);
    const acme = await newCompany(world);
    const { db } = world.server.deps.database;
    const startedPage = async () => {
      const { interview, token } = await createRoomInterview(acme.api, { questions: ['Tell me about a system you scaled.', 'How do you test?'] });
      const page = await openRoom(browser, urlOf(token));
      // The opening turn is "spoken" at once (no voices): that POST is over before the link goes.
      const spoken = page.waitForResponse((res) => res.url().endsWith('/spoken'));
      await page.getByRole('button', { name: en.startButton }).click();
      await page.locator('#transcript li.agent p', { hasText: 'Tell me about a system you scaled.' }).waitFor();
      expect((await spoken).status()).toBe(200);
      return { interview, page };
    };
    const notFound = (page: Page) => page.locator('#state[data-page="notFound"]').waitFor();
    /** Deleted without the room being told (another process deleted it, or the event was missed). */
    const deletedQuietly = (id: string) => db.updateTable('interviews').set({ deletedAt: clock.now().toISOString() }).where('id', '=', id).execute();

    // Deleted through the API while the room is open: the room is told, and shows the server's page.
    const told = await startedPage();
    expect((await acme.api('DELETE', `/v1/interviews/${told.interview.id}`)).status).toBe(200);
    await notFound(told.page);
    expect(await told.page.locator('h1').textContent()).toBe('Interview not found');
    await told.page.context().close();

    // The push connection drops after a delete it missed: the reconnect is refused (404), and the
    // page shows the not-found page instead of "Reconnecting…" forever.
    const dropped = await startedPage();
    await deletedQuietly(dropped.interview.id);
    world.server.deps.sessions.hub.closeAll();
    await notFound(dropped.page);
    await dropped.page.context().close();

    // An answer sent after a delete it missed: refused (404), the not-found page.
    const answered = await startedPage();
    await deletedQuietly(answered.interview.id);
    await answered.page.getByLabel(en.answerLabel).fill('Still there?');
    await answered.page.getByLabel(en.answerLabel).press('Enter');
    await notFound(answered.page);
    await answered.page.context().close();
  }, 60_000);

  it('deleted while the interviewer\'s turn streams: the stream stops, nothing is stored, the page shows the not-found page', async () => {
    const fake = await startOpenAiFake();
    const modelWorld = await startRoomWorld(new ManualClock(START), { LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-interviewer', LLM_MAX_RETRIES: '0', LLM_FIRST_TOKEN_TIMEOUT_MS: '30000' });
    try {
      const acme = await newCompany(modelWorld);
      const { interview, token } = await createRoomInterview(acme.api, { questions: ['Tell me about a system you scaled.'] });
      // The model stalls on the first question: the fixed opening has streamed, the question has not.
      fake.script(reply.stall());
      const page = await openRoom(browser, `${modelWorld.server.baseUrl}/room/${token}`);
      await page.getByRole('button', { name: en.startButton }).click();
      await page.locator('#transcript li.agent p', { hasText: 'Hello Ana' }).waitFor();
      await fake.waitForRequests(1); // the model call is under way (its thread may still have been starting)
      await page.getByLabel(en.answerLabel).fill('Hello?');
      expect(await page.getByRole('button', { name: en.sendButton }).isDisabled()).toBe(true);

      expect((await acme.api('DELETE', `/v1/interviews/${interview.id}`)).status).toBe(200);
      await page.locator('#state[data-page="notFound"]').waitFor();
      await vi.waitFor(() => expect(fake.requests[0]?.closedByClient).toBe(true));
      const stored = await modelWorld.server.deps.database.db.selectFrom('transcriptTurns').select('id').where('interviewId', '=', interview.id).execute();
      expect(stored).toEqual([]);
      await page.context().close();
    } finally {
      await modelWorld.server.close();
      await fake.close();
    }
  }, 60_000);
});
