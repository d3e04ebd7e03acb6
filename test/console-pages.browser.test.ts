/**
 * The console's pages the first browser test does not drive, in a real browser against the real server:
 * the interviews feed's agent, job and date filters, its paging, "copy link" and cancel; the PDF report
 * of a COMPLETED interview; a PHONE interview's failed call attempt and its reason; a job created and
 * edited; the agents list's search and a filter; a webhook edited. Each checks what the user sees and
 * what the API holds afterwards; axe runs on each new page state (screenshots in test-results/console/).
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/core/clock.ts';
import { linesFor } from '../src/interviews/runtime/lines/lines.ts';
import { attemptsOf, phoneInterview, type PhoneWorld, runDue } from '../src/telephony/phone.test-helpers.ts';
import { checkPage, launchChromium, newConsolePage, signInThroughPage } from './console-browser.ts';
import { startWebhookReceiver } from './fakes/webhook-receiver.ts';
import { createWebhookAt, emit, eventually } from './webhook-helpers.ts';
import { consoleUser } from './console-helpers.ts';
import { type SeededCompany, startTestServer, type TestServer } from './harness.ts';

const en = linesFor('EN');
const unexpected: string[] = [];
const agentBody = (name: string, focus: string, questions = ['What did you build last?']) => ({
  name, type: 'ONLINE', focus, language: 'EN', voiceId: 'EMMA', duration: 10, questions, ...(focus === 'LANGUAGE_TEST' ? { cefrLevel: 'B2' } : {}),
});
/** The day after an ISO day (YYYY-MM-DD). */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

// UTC: the date filters take the browser's own day, so the test names days as the server stores them.
const newPage = (browser: Browser) => newConsolePage(browser, unexpected, { timezoneId: 'UTC' });
const signIn = (browser: Browser, server: TestServer, email: string) => signInThroughPage(browser, server.baseUrl, email, unexpected, { timezoneId: 'UTC' });

async function created(res: { status: number; text: string; body: { id: string } }): Promise<string> {
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

describe('the console pages in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let acme: SeededCompany;

  beforeAll(async () => {
    server = await startTestServer({ env: { DEFAULT_MONTHLY_MINUTES: '1000' } });
    acme = await server.company('Acme');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(unexpected).toEqual([]);
  });

  it('interviews feed: agent, job and date filters, paging, copy link, cancel', async () => {
    const alpha = await created(await acme.api('POST', '/v1/agents', { body: agentBody('Alpha screener', 'GENERIC') }));
    const beta = await created(await acme.api('POST', '/v1/agents', { body: agentBody('Beta screener', 'SCREENING') }));
    const job = await created(await acme.api('POST', '/v1/jobs', { body: { title: 'Data engineer', description: 'Pipelines and warehouses.', status: 'OPEN' } }));
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) ids.push(await created(await acme.api('POST', '/v1/interviews', { body: { agentId: alpha, candidate: { firstName: 'Alpha', lastName: `Candidate ${i}`, email: `alpha${i}@example.com` } } })));
    await created(await acme.api('POST', '/v1/interviews', { body: { agentId: beta, jobId: job, candidate: { firstName: 'Beta', lastName: 'Jobseeker', email: 'beta@example.com' } } }));
    const all = (await acme.api('GET', '/v1/interviews', { query: { limit: 100 } })).body.data as { id: string; createdAt: string; interviewUrl: string }[];
    expect(all).toHaveLength(22);
    const days = all.map((i) => i.createdAt.slice(0, 10)).sort();
    const [firstDay, lastDay] = [days[0] as string, days[days.length - 1] as string];

    const admin = await consoleUser(server, acme.id, 'admin');
    const page = await signIn(browser, server, admin.email);
    const rows = page.locator('main table tbody tr');
    const pager = page.locator('nav.pager span');

    // Paging: 20 a page, newest first; the second page holds the other two.
    await pager.filter({ hasText: 'Page 1 of 2 · 22 in all' }).waitFor();
    expect(await rows.count()).toBe(20);
    await page.getByRole('button', { name: 'Next' }).click();
    await pager.filter({ hasText: 'Page 2 of 2 · 22 in all' }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await checkPage(page, 'interviews-page-2');
    await page.getByRole('button', { name: 'Previous' }).click();
    await pager.filter({ hasText: 'Page 1 of 2 · 22 in all' }).waitFor();

    // By agent, then by job: the Beta interview alone; Alpha's 21 span two pages.
    await page.locator('#q-agentId').selectOption({ label: 'Beta screener' });
    await pager.filter({ hasText: 'Page 1 of 1 · 1 in all' }).waitFor();
    await page.getByRole('link', { name: 'Beta Jobseeker' }).waitFor();
    await checkPage(page, 'interviews-filtered');
    await page.locator('#q-agentId').selectOption({ label: 'Alpha screener' });
    await pager.filter({ hasText: 'Page 1 of 2 · 21 in all' }).waitFor();
    expect(await page.getByRole('link', { name: 'Beta Jobseeker' }).count()).toBe(0);
    await page.locator('#q-agentId').selectOption('');
    await page.locator('#q-jobId').selectOption({ label: 'Data engineer' });
    await pager.filter({ hasText: 'Page 1 of 1 · 1 in all' }).waitFor();
    await page.getByRole('link', { name: 'Beta Jobseeker' }).waitFor();
    await page.locator('#q-jobId').selectOption('');
    await pager.filter({ hasText: '22 in all' }).waitFor();

    // By date: from the first day up to (not including) the day after the last, all; after the last day, none.
    await page.locator('#q-createdAfter').fill(firstDay);
    await page.locator('#q-createdBefore').fill(nextDay(lastDay));
    await pager.filter({ hasText: 'Page 1 of 2 · 22 in all' }).waitFor();
    await page.locator('#q-createdAfter').fill(nextDay(lastDay));
    await page.getByText('No interview matches these filters.').waitFor();
    await page.locator('#q-createdAfter').fill('');
    await page.locator('#q-createdBefore').fill(firstDay);
    await page.getByText('No interview matches these filters.').waitFor();
    await page.locator('#q-createdBefore').fill('');
    await pager.filter({ hasText: 'Page 1 of 2 · 22 in all' }).waitFor();

    // Copy link: the candidate's link lands on the clipboard and the button says so.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    const first = rows.first();
    const firstId = (await first.getAttribute('data-interview-id')) as string;
    await first.getByRole('button', { name: 'Copy link' }).click();
    await first.getByRole('button', { name: 'Copied' }).waitFor();
    const clipboard = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(clipboard).toBe(all.find((i) => i.id === firstId)?.interviewUrl);
    expect(clipboard).toMatch(/\/room\//);

    // Cancel (the confirm is accepted): the row says Cancelled and the API agrees.
    await first.getByRole('button', { name: 'Cancel interview' }).click();
    await page.locator(`tr[data-interview-id="${firstId}"] .status`, { hasText: 'Cancelled' }).waitFor();
    expect((await acme.api('GET', `/v1/interviews/${firstId}`)).body.status).toBe('CANCELLED');
    expect(await page.locator(`tr[data-interview-id="${firstId}"]`).getByRole('button', { name: 'Cancel interview' }).count()).toBe(0);
    await page.context().close();
  }, 180_000);

  it('a COMPLETED interview with its analysis downloads as a real PDF', async () => {
    const agent = await created(await acme.api('POST', '/v1/agents', { body: agentBody('PDF screener', 'GENERIC', ['Tell me about a hard bug.']) }));
    const interview = await acme.api('POST', '/v1/interviews', { body: { agentId: agent, candidate: { firstName: 'Petra', lastName: 'Report', email: 'petra@example.com' } } });
    const id = await created(interview);
    const room = await newPage(browser);
    await room.goto(`${server.baseUrl}/room/${(interview.body as unknown as { interviewUrl: string }).interviewUrl.split('/room/')[1]}`);
    await room.getByRole('button', { name: en.startButton }).click();
    await room.locator('#transcript li.agent p', { hasText: 'Tell me about a hard bug.' }).waitFor();
    await room.getByLabel(en.answerLabel).fill('A race in the payment retries, found with a failing test.');
    await room.getByLabel(en.answerLabel).press('Enter');
    await room.getByRole('heading', { name: en.endedHeading }).waitFor();
    await room.context().close();

    const recruiter = await consoleUser(server, acme.id, 'recruiter');
    const page = await signIn(browser, server, recruiter.email);
    await page.goto(`${server.baseUrl}/console/interviews/${id}`);
    await page.locator('#interview-status', { hasText: 'COMPLETED' }).waitFor({ timeout: 30_000 });
    await page.locator('.score-card').first().waitFor({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the PDF report' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`interview-${id}.pdf`);
    const bytes = await readFile((await file.path()) as string);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(500);
    await page.context().close();
  }, 120_000);

  it('jobs: created and edited from the UI; agents: search and a filter narrow the list; a webhook edited', async () => {
    const admin = await consoleUser(server, acme.id, 'admin');
    const page = await signIn(browser, server, admin.email);

    // A job created, then edited: the API holds the edit.
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.getByRole('link', { name: 'New job' }).click();
    await page.locator('#f-title').fill('Site reliability engineer');
    await page.locator('#f-description').fill('Keeps the platform up and boring.');
    await page.locator('#f-requiredSkills').fill('Linux, PostgreSQL');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Site reliability engineer', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit Site reliability engineer' }).waitFor();
    await checkPage(page, 'job-edit');
    await page.locator('#f-title').fill('Senior site reliability engineer');
    await page.locator('#f-status').selectOption('CLOSED');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Senior site reliability engineer', exact: true }).waitFor();
    const jobs = (await acme.api('GET', '/v1/jobs', { query: { search: 'site reliability' } })).body.data;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ title: 'Senior site reliability engineer', status: 'CLOSED', requiredSkills: ['Linux', 'PostgreSQL'] });

    // Agents: the search, then the focus filter, each narrow the list.
    await created(await acme.api('POST', '/v1/agents', { body: agentBody('Gamma outreach', 'OUTREACH') }));
    await created(await acme.api('POST', '/v1/agents', { body: agentBody('Delta language check', 'LANGUAGE_TEST') }));
    await page.getByRole('link', { name: 'Agents', exact: true }).click();
    const agentLinks = page.locator('main table tbody tr td:first-child a');
    await page.getByRole('link', { name: 'Gamma outreach', exact: true }).waitFor();
    expect(await agentLinks.count()).toBeGreaterThanOrEqual(4);
    await page.locator('#q-search').fill('gamma');
    await expect.poll(() => agentLinks.allTextContents()).toEqual(['Gamma outreach']);
    await checkPage(page, 'agents-searched');
    await page.locator('#q-search').fill('');
    await page.locator('#q-focus').selectOption('LANGUAGE_TEST');
    await expect.poll(() => agentLinks.allTextContents()).toEqual(['Delta language check']);
    await page.locator('#q-search').fill('gamma');
    await page.getByText('No agent matches these filters.').waitFor();

    // A webhook's URL and events edited: the API holds both.
    const hook = await created(await acme.api('POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/old-hook', name: 'Old sync', events: ['interview.completed'] } }));
    await page.goto(`${server.baseUrl}/console/webhooks/${hook}`);
    await page.getByRole('heading', { name: 'Edit Old sync' }).waitFor();
    await page.locator('#f-url').fill('http://127.0.0.1:9/new-hook');
    await page.getByLabel('interview.cancelled').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Webhook saved.').waitFor();
    const saved = (await acme.api('GET', `/v1/webhooks/${hook}`)).body;
    expect(saved.url).toBe('http://127.0.0.1:9/new-hook');
    expect([...saved.events].sort()).toEqual(['interview.cancelled', 'interview.completed']);
    await checkPage(page, 'webhook-edited');
    await page.context().close();
  }, 180_000);

  it('a webhook whose circuit opened is re-armed from its page: its parked deliveries go out, and Save keeps it active', async () => {
    const receiver = await startWebhookReceiver();
    try {
      let failing = true;
      const endpoint = receiver.endpoint({ respond: (d) => (!d.verified ? 401 : failing ? 500 : 200) });
      // One retry each: the ten first attempts fail and open the circuit; the retries, due while it is open, are parked.
      const hook = await createWebhookAt(acme.api, endpoint, { name: 'Flaky sync', maxRetries: 1 });
      for (let i = 0; i < 10; i++) await emit(server.deps.database, { companyId: acme.id });
      await endpoint.waitForReceived(10, 30_000);
      await eventually(async () => (await acme.api('GET', `/v1/webhooks/${hook.id}`)).body.circuitOpenedAt, 30_000, 'the circuit to open');
      const statuses = async () => ((await acme.api('GET', `/v1/webhooks/${hook.id}/deliveries`, { query: { limit: 100 } })).body.data as { status: string }[]).map((d) => d.status);
      await eventually(async () => (await statuses()).every((status) => status === 'PARKED'), 60_000, 'the retries to be parked');
      expect(endpoint.received).toHaveLength(10);
      failing = false;

      const admin = await consoleUser(server, acme.id, 'admin');
      const page = await signIn(browser, server, admin.email);
      await page.goto(`${server.baseUrl}/console/webhooks/${hook.id}`);
      await page.getByText(/^Circuit opened .*: deliveries are paused\.$/).waitFor();
      expect(await page.getByLabel('Active').isChecked()).toBe(false);
      await checkPage(page, 'webhook-circuit-open');
      await page.getByRole('button', { name: 'Re-arm' }).click();
      await page.getByText('Circuit re-armed: its parked deliveries are sent again, oldest first.').waitFor();
      expect(await page.getByText(/^Circuit opened/).count()).toBe(0);
      expect(await page.getByLabel('Active').isChecked()).toBe(true);
      expect((await acme.api('GET', `/v1/webhooks/${hook.id}`)).body).toMatchObject({ isActive: true, circuitOpenedAt: null, consecutiveFailures: 0 });
      const resent = (await endpoint.waitForReceived(20, 30_000)).slice(10);
      expect(resent.map((d) => d.answered)).toEqual(Array(10).fill(200));
      await eventually(async () => (await statuses()).every((status) => status === 'DELIVERED'), 30_000, 'the parked deliveries to be delivered');

      // Saving the form afterwards keeps the webhook active (the switch followed the re-arm).
      await page.locator('#f-name').fill('Steady sync');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Webhook saved.').waitFor();
      expect((await acme.api('GET', `/v1/webhooks/${hook.id}`)).body).toMatchObject({ name: 'Steady sync', isActive: true, circuitOpenedAt: null });
      await page.context().close();
    } finally {
      await receiver.close();
    }
  }, 180_000);
});

describe('a PHONE interview in the console (no Twilio configured)', () => {
  it('shows the failed call attempt and its reason', async () => {
    // A Thursday, 11:00 in Berlin: inside the calling window. The queue runs only when the test says.
    const clock = new ManualClock('2025-11-20T10:00:00.000Z');
    const server = await startTestServer({ clock });
    const browser = await launchChromium();
    try {
      await server.deps.queue.stop();
      const acme = await server.company('Acme');
      const { id } = await phoneInterview(acme);
      await runDue({ server } as PhoneWorld);
      const [attempt] = await attemptsOf(acme, id);
      expect(attempt).toMatchObject({ status: 'FAILED', reasonCode: 'TELEPHONY_NOT_CONFIGURED' });

      const admin = await consoleUser(server, acme.id, 'admin');
      const page = await signIn(browser, server, admin.email);
      await page.goto(`${server.baseUrl}/console/interviews/${id}`);
      await page.getByRole('heading', { name: 'Call attempts' }).waitFor();
      const row = page.locator('section[aria-labelledby="attempts"] tbody tr');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.locator('td').nth(2).textContent()).toBe('Failed (Telephony not configured)');
      expect(await row.locator('td').nth(1).textContent()).toBe('Outbound');
      await page.locator('#interview-status', { hasText: 'FAILED' }).waitFor();
      await checkPage(page, 'interview-phone-failed');
    } finally {
      await browser.close();
      await server.close();
    }
    expect(unexpected).toEqual([]);
  }, 120_000);
});
