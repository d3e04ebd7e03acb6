/** What the console's browser tests share: launching Debian's chromium, opening and signing in pages, and axe plus screenshots on a page. */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD } from './console-helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const SHOTS = 'test-results/console';

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** axe on the page as it is, then a screenshot at 1280 and at 375 px wide (no sideways scrolling at either). */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    // Nothing wider than the phone: wide tables scroll inside themselves (1 px for sub-pixel rounding).
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth), `${name} at ${width} px`).toBeLessThanOrEqual(width + 1);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * A page of a new browser context (or of `context`). Page errors and dialogs nobody expected (an
 * alert from injected markup) go to `unexpected`; confirms are accepted. bypassCSP: the console's
 * CSP allows no injected script, and axe is one.
 */
export async function newConsolePage(browser: Browser, unexpected: string[], options: { context?: BrowserContext; timezoneId?: string } = {}): Promise<Page> {
  const context = options.context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) }));
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => unexpected.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'confirm') return void dialog.accept();
    unexpected.push(`dialog: ${dialog.message()}`);
    return void dialog.dismiss();
  });
  return page;
}

/** Signs in through the sign-in page of a new page, as a person would, and waits for the Interviews page. */
export async function signInThroughPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  unexpected: string[],
  options: { password?: string; timezoneId?: string } = {},
): Promise<Page> {
  const page = await newConsolePage(browser, unexpected, options);
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(options.password ?? PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
  return page;
}
