/**
 * The console in a real browser (Debian's chromium driven by playwright-core), against the real
 * server: sign in; an agent saved with a rule broken shows the API's error on the field it names,
 * then saves once fixed; an interview for a new candidate (whose name is markup: it must render as
 * text); the candidate's link completed by typing in a second page; the console shows it COMPLETED
 * with transcript and analysis; a webhook's secret shown once, its test ping, delivery log and
 * redelivery; sign out. axe-core finds no serious or critical violation on any page, and every
 * page is kept as a screenshot at 1280 and 375 px in test-results/console/ (git-ignored).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesFor } from '../src/interviews/runtime/lines/lines.ts';
import { TenantScope } from '../src/db/tenant-scope.ts';
import { createUser } from '../src/users/service.ts';
import { checkPage, launchChromium, newConsolePage, signInThroughPage } from './console-browser.ts';
import { consoleUser, PASSWORD } from './console-helpers.ts';
import { type SeededCompany, startTestServer, type TestServer } from './harness.ts';

const XSS_NAME = '<img src=x onerror=alert(1)>';
const en = linesFor('EN');

/** Uncaught page errors and dialogs nobody expected (an alert from injected markup would land here). */
const unexpected: string[] = [];

/** A webhook receiver on loopback that answers 200 and counts what it got. */
function startReceiver(): Promise<{ url: string; received: unknown[]; server: Server }> {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body || 'null'));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server })));
}

describe('the console in a browser', () => {
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

  const newPage = (context?: BrowserContext) => newConsolePage(browser, unexpected, { context });
  /** Signs in through the sign-in page, as a person would. */
  const signIn = (email: string, password = PASSWORD) => signInThroughPage(browser, server.baseUrl, email, unexpected, { password });

  it('signs in, builds an agent, runs an interview to COMPLETED, sets up a webhook, signs out', async () => {
    // Signed out: / leads to the console, which asks to sign in.
    const anonymous = await newPage();
    await anonymous.goto(`${server.baseUrl}/`);
    await anonymous.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(anonymous.url()).pathname).toBe('/console/');
    await checkPage(anonymous, 'sign-in');
    await anonymous.context().close();

    // A wrong password: one generic message, still on the sign-in page.
    const admin = await consoleUser(server, acme.id, 'admin');
    const wrong = await newPage();
    await wrong.goto(`${server.baseUrl}/console/interviews`);
    await wrong.getByLabel('Email').fill(admin.email);
    await wrong.getByLabel('Password').fill('not the password at all');
    await wrong.getByRole('button', { name: 'Sign in' }).click();
    await wrong.getByRole('alert').filter({ hasText: 'The email or password is wrong.' }).waitFor();
    expect(await wrong.locator('#password').getAttribute('aria-invalid')).toBe('true');
    await wrong.context().close();

    const page = await signIn(admin.email);
    expect(await page.getByText(admin.email).count()).toBe(1);
    await page.getByText('No interviews yet').waitFor();
    await checkPage(page, 'interviews-empty');

    // Agents: empty, then a rule broken (duration over 180) marks the duration field with the API's message.
    await page.getByRole('link', { name: 'Agents', exact: true }).click();
    await page.getByText('No agents yet').waitFor();
    await checkPage(page, 'agents-empty');
    await page.getByRole('link', { name: 'New agent' }).click();
    await page.locator('#f-name').fill('Backend screener');
    await page.locator('#f-focus').selectOption('GENERIC');
    await page.locator('#f-duration').fill('500');
    await page.locator('#f-questions').fill('Tell me about a system you scaled.\nHow do you test?');
    await page.getByRole('button', { name: 'Save' }).click();
    const duration = page.locator('#f-duration');
    await expect.poll(() => duration.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await duration.getAttribute('aria-describedby')) as string;
    expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/180/);
    expect(await page.locator('#f-name').getAttribute('aria-invalid')).toBeNull();
    await checkPage(page, 'agent-form-error');
    await duration.fill('10');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Backend screener', exact: true }).waitFor();
    await checkPage(page, 'agents');
    const [agent] = (await acme.api('GET', '/v1/agents')).body.data;
    expect(agent).toMatchObject({ name: 'Backend screener', duration: 10, focus: 'GENERIC', questions: ['Tell me about a system you scaled.', 'How do you test?'] });
    // Duplicate (a new agent from the form, prefilled), then delete the copy.
    await page.getByRole('link', { name: 'Duplicate Backend screener' }).click();
    await expect.poll(() => page.locator('#f-name').inputValue()).toBe('Copy of Backend screener');
    expect(await page.locator('#f-questions').inputValue()).toBe('Tell me about a system you scaled.\nHow do you test?');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Copy of Backend screener', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete Copy of Backend screener' }).click();
    await page.getByText('Agent deleted.').waitFor();
    await page.getByRole('link', { name: 'Copy of Backend screener', exact: true }).waitFor({ state: 'detached' });
    expect((await acme.api('GET', '/v1/agents')).body.data.map((a: { name: string }) => a.name)).toEqual(['Backend screener']);

    // An interview for a new candidate whose name is markup.
    await page.getByRole('link', { name: 'Interviews', exact: true }).click();
    await page.locator('#f-agentId').selectOption({ label: 'Backend screener' });
    await page.locator('#f-candidate-firstName').fill(XSS_NAME);
    await page.locator('#f-candidate-lastName').fill('Tester');
    await page.locator('#f-candidate-email').fill('tester@example.com');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const link = (await page.locator('#created-link').textContent()) as string;
    expect(link).toMatch(/\/room\//);
    await page.getByRole('link', { name: `${XSS_NAME} Tester` }).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    await checkPage(page, 'interviews');

    // The candidate completes it by typing, in a page of their own.
    const room = await newPage();
    await room.goto(`${server.baseUrl}/room/${link.split('/room/')[1]}`);
    await room.getByRole('button', { name: en.startButton }).click();
    for (const [question, answer] of [
      ['Tell me about a system you scaled.', 'I scaled a payments API tenfold.'],
      ['How do you test?', 'Unit tests and canaries.'],
    ] as const) {
      // Each answer once its question is on screen (the room takes one answer per turn).
      await room.locator('#transcript li.agent p', { hasText: question }).waitFor();
      await room.getByLabel(en.answerLabel).fill(answer);
      await room.getByLabel(en.answerLabel).press('Enter');
      await room.locator('#transcript li.candidate p', { hasText: answer }).waitFor();
    }
    await room.getByRole('heading', { name: en.endedHeading }).waitFor();
    await room.context().close();

    // The console follows the interview to COMPLETED, with its transcript and the analysis.
    await page.getByRole('link', { name: `${XSS_NAME} Tester` }).click();
    await page.getByRole('heading', { name: `Interview with ${XSS_NAME} Tester` }).waitFor();
    await page.locator('#interview-status', { hasText: 'COMPLETED' }).waitFor({ timeout: 30_000 });
    await page.locator('.transcript li.candidate', { hasText: 'I scaled a payments API tenfold.' }).waitFor();
    await page.locator('.score-card', { hasText: 'Tell me about a system you scaled.' }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Evaluated by: rules').count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    await checkPage(page, 'interview');

    // The feed's filters, then "Try it": a preview interview of the agent for the signed-in user, opened in the room.
    await page.getByRole('link', { name: 'Interviews', exact: true }).click();
    await page.locator('#q-status').selectOption('CANCELLED');
    await page.getByText('No interview matches these filters.').waitFor();
    await page.locator('#q-status').selectOption('COMPLETED');
    await page.getByRole('link', { name: `${XSS_NAME} Tester` }).waitFor();
    await page.locator('#f-agentId').selectOption({ label: 'Backend screener' });
    // interviewUrl names PUBLIC_URL (the default port, not this test server's): the browser is pointed at the server.
    const publicUrl = server.deps.config.publicUrl;
    await page.context().route(`${publicUrl}/**`, (route) => route.continue({ url: route.request().url().replace(publicUrl, server.baseUrl) }));
    const opened = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Try it' }).click();
    const tryRoom = await opened;
    await tryRoom.getByRole('heading', { name: en.introHeading }).waitFor();
    expect(tryRoom.url()).toMatch(new RegExp(`^${publicUrl}/room/`));
    await tryRoom.close();
    const previews = (await acme.api('GET', '/v1/interviews')).body.data.filter((i: { metadata: { preview?: boolean } }) => i.metadata.preview === true);
    expect(previews).toHaveLength(1);
    expect((await acme.api('GET', `/v1/candidates/${previews[0].candidateId}`)).body.email).toBe(admin.email);

    // Webhooks: the signing secret is shown once, with a copy button.
    const receiver = await startReceiver();
    try {
      await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
      await page.getByText('No webhooks yet').waitFor();
      await page.locator('#f-url').fill(receiver.url);
      await page.locator('#f-name').fill('ATS sync');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const secret = (await page.locator('.once-value').textContent()) as string;
      expect(secret).toMatch(/^whsec_/);
      await page.locator('.once').getByRole('button', { name: 'Copy' }).waitFor();
      await checkPage(page, 'webhooks');
      await page.getByRole('link', { name: 'ATS sync', exact: true }).click();
      await page.getByRole('heading', { name: 'Edit ATS sync' }).waitFor();
      expect(await page.content()).not.toContain(secret);

      // A test ping, its delivery in the log with its attempt, and a redelivery: a second attempt.
      await page.getByRole('button', { name: 'Send test ping' }).click();
      await page.getByText(/^Delivered \(HTTP 200/).waitFor();
      const ping = page.locator('table.deliveries tr', { hasText: 'ping' });
      await expect.poll(() => ping.locator('.attempts li').count()).toBe(1);
      await checkPage(page, 'webhook');
      await ping.getByRole('button', { name: 'Redeliver' }).click();
      await page.getByText('Redelivery queued.').waitFor();
      await expect
        .poll(async () => {
          await page.reload();
          await ping.waitFor();
          return ping.locator('.attempts li').count();
        }, { timeout: 20_000 })
        .toBe(2);
      expect(receiver.received.filter((body) => (body as { event: string }).event === 'ping')).toHaveLength(2);
    } finally {
      receiver.server.close();
    }

    // Users (admin): an invitation link, shown once.
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.locator('#f-email').fill('new.colleague@acme.test');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    expect(await page.locator('.once-value').textContent()).toMatch(/\/console\/accept\?token=/);
    await page.getByRole('cell', { name: 'new.colleague@acme.test', exact: true }).waitFor();
    await checkPage(page, 'users');

    // API keys (admin): created with one scope, the key shown once, then revoked.
    await page.getByRole('link', { name: 'API keys', exact: true }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.locator('#f-name').fill('Reporting job');
    await page.getByLabel('read:interviews').check();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const plaintext = (await page.locator('.once-value').textContent()) as string;
    expect(plaintext).toMatch(/^sk_live_/);
    await page.getByRole('cell', { name: 'Reporting job', exact: true }).waitFor();
    const keyRow = page.locator('tr', { hasText: 'Reporting job' });
    expect(await keyRow.locator('td.scopes').textContent()).toBe('read:interviews');
    await checkPage(page, 'api-keys');
    expect((await fetch(`${server.baseUrl}/v1/interviews`, { headers: { authorization: `Bearer ${plaintext}` } })).status).toBe(200);
    await page.getByRole('button', { name: 'Revoke Reporting job' }).click();
    await keyRow.getByText('Revoked').waitFor();
    await expect.poll(async () => (await fetch(`${server.baseUrl}/v1/interviews`, { headers: { authorization: `Bearer ${plaintext}` } })).status).toBe(401);

    // The other pages, each checked and kept.
    for (const [nav, heading, name] of [
      ['Candidates', 'Candidates', 'candidates'],
      ['Jobs', 'Jobs', 'jobs'],
      ['Usage', 'Usage', 'usage'],
    ] as const) {
      await page.getByRole('link', { name: nav, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('.busy').waitFor({ state: 'detached' });
      await checkPage(page, name);
    }
    // The candidate's page: the edit form and their interviews.
    await page.getByRole('link', { name: 'Candidates', exact: true }).click();
    await page.getByRole('link', { name: `${XSS_NAME} Tester` }).click();
    await page.getByRole('heading', { name: `Edit ${XSS_NAME} Tester` }).waitFor();
    await page.locator('section[aria-labelledby="candidate-interviews"] tbody tr').first().waitFor();
    expect(await page.locator('section[aria-labelledby="candidate-interviews"] tbody tr').count()).toBe(1);
    await page.locator('#f-lastName').fill('Tested');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: `${XSS_NAME} Tested` }).waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    await checkPage(page, 'candidates-after-edit');
    await page.getByRole('link', { name: 'Usage', exact: true }).click();
    await page.locator('#minutes-allowance').waitFor();

    // Usage: this month's minutes against the allowance (DEFAULT_MONTHLY_MINUTES here).
    expect(await page.locator('#minutes-allowance').textContent()).toBe('1000');
    expect(Number(await page.locator('#minutes-committed').textContent())).toBeGreaterThanOrEqual(1);

    // Sign out: back to the sign-in page, and the old cookie no longer opens a session.
    const [cookie] = await page.context().cookies();
    expect(cookie?.name).toBe('interviewd_session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const replay = await fetch(`${server.baseUrl}/auth/session`, { headers: { cookie: `${cookie?.name}=${cookie?.value}` } });
    expect(replay.status).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.context().close();
  }, 240_000);

  it('an invitation link sets the password and signs in; a recruiter sees no admin pages', async () => {
    const company = await server.company('Globex');
    const invited = await createUser(server.deps.clock, { scope: new TenantScope(server.deps.database.db, company.id) }, { email: `rita.${Date.now()}@globex.test`, role: 'recruiter' }, { publicUrl: server.deps.config.publicUrl });
    const link = new URL(invited.invitationUrl as string);
    const page = await newPage();
    await page.goto(`${server.baseUrl}${link.pathname}${link.search}`);
    await page.getByRole('heading', { name: 'Set your password' }).waitFor();
    await checkPage(page, 'accept');
    await page.getByLabel('New password').fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => page.locator('#f-password').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('New password').fill('a long enough passphrase');
    await page.getByLabel('Repeat the password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
    expect(await page.getByText(`${invited.user.email} (recruiter)`).count()).toBe(1);

    // A recruiter: no webhook or API-key pages in the navigation, and the page itself refuses.
    expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/console/webhooks`);
    await page.getByText('Your role does not allow this page').waitFor();
    await checkPage(page, 'recruiter-forbidden');
    await page.context().close();
  }, 120_000);
});
