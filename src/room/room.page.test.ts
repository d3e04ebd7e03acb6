/** The room page as served: small, locked down, in the agent's language and direction. */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createRoomInterview, newCompany, roomClient, type RoomWorld, startRoomWorld } from './room.test-helpers.ts';

describe('the room page', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let world: RoomWorld;
  beforeAll(async () => {
    world = await startRoomWorld(clock);
  });
  afterAll(() => world.server.close());

  it('HTML, script and style weigh under 60 KB compressed; CSP self only, no referrer, noindex', async () => {
    const acme = await newCompany(world);
    const { token } = await createRoomInterview(acme.api);
    const page = await roomClient(world, token).page();
    expect(page.status).toBe(200);
    const script = await world.server.anonymous('GET', '/room-assets/room.js');
    const style = await world.server.anonymous('GET', '/room-assets/room.css');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
    const compressed = [page, script, style].reduce((sum, res) => sum + gzipSync(res.text).length, 0);
    expect(compressed).toBeLessThan(60 * 1024);
    for (const res of [page, script]) {
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    }
    // Nothing inline runs: the only scripts are the file and a JSON data block.
    expect(page.text.match(/<script[^>]*>/g)).toEqual(['<script src="/room-assets/room.js" defer>', '<script type="application/json" id="room-lines">']);
  });

  it('speaks the agent’s language and direction, and escapes what the company wrote', async () => {
    const acme = await newCompany(world);
    const { token } = await createRoomInterview(acme.api, { language: 'AR', name: '<img src=x onerror=alert(1)>' });
    const page = await roomClient(world, token).page();
    expect(page.text).toMatch(/<html lang="ar-SA" dir="rtl">/);
    expect(page.text).not.toContain('<img');
    expect(page.text).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
