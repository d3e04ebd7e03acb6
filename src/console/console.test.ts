/**
 * The console is served by the same process (§15): `/` redirects, built files are served with
 * their types, every other `/console/…` path is the app's index.html (its own routes survive a
 * reload), nothing outside dist/console is reachable; and its API types are the ones the served
 * OpenAPI document generates now (a contract change must show up in the console's build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { CONSOLE_API_TYPES, CONSOLE_DIST } from './build-paths.ts';
import { consoleApiTypes } from './openapi-types.ts';

describe('serving the console', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('sends / to /console/', async () => {
    const response = await fetch(`${server.baseUrl}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('answers index.html for the app’s own routes, with a self-only CSP', async () => {
    const built = readFileSync(`${CONSOLE_DIST}/index.html`, 'utf8');
    for (const path of ['/console/', '/console/agents', '/console/interviews/0195a1b2-0000-7000-8000-000000000000', '/console/accept?token=abc']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
      expect(await response.text()).toBe(built);
    }
  });

  it('serves the built assets with their types, hashed names cached for good', async () => {
    const [script] = readdirSync(`${CONSOLE_DIST}/assets`).filter((f) => f.endsWith('.js'));
    const response = await fetch(`${server.baseUrl}/console/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe(readFileSync(`${CONSOLE_DIST}/assets/${script}`, 'utf8'));
  });

  it('never serves a file outside dist/console', async () => {
    for (const path of ['/console/../../package.json', '/console/%2e%2e/%2e%2e/package.json', '/console/..%2f..%2fpackage.json', '/console/assets/%00']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      const text = await response.text();
      expect(text, path).not.toContain('"name": "interviewd"');
    }
  });
});

describe('the console’s API types', () => {
  it('are what the served OpenAPI document generates now (run `npm run console:build` after a contract change)', async () => {
    expect(readFileSync(CONSOLE_API_TYPES, 'utf8')).toBe(await consoleApiTypes());
  }, 60_000);
});
