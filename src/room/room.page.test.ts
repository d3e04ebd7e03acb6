/**
 * The room page as served: small, locked down, in the agent's language and direction; and its push
 * connection, which leaves nothing behind however it ends.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createRoomInterview, newCompany, roomClient, type RoomWorld, startRoomWorld } from './room.test-helpers.ts';

/** Holds the room's token lookups while `held` is set: a connection can close during one. */
const lookups = vi.hoisted(() => ({ held: null as null | { entered: () => void; release: Promise<void>; answered: () => void } }));
vi.mock('../interviews/runtime/session/session-store.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../interviews/runtime/session/session-store.ts')>();
  return {
    ...original,
    findInterviewByToken: async (...args: Parameters<typeof original.findInterviewByToken>) => {
      const held = lookups.held;
      if (!held) return original.findInterviewByToken(...args);
      held.entered();
      await held.release;
      const found = await original.findInterviewByToken(...args);
      held.answered();
      return found;
    },
  };
});

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
    const speech = await world.server.anonymous('GET', '/room-assets/room-speech.js');
    const style = await world.server.anonymous('GET', '/room-assets/room.css');
    for (const res of [script, speech]) expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
    const compressed = [page, script, speech, style].reduce((sum, res) => sum + gzipSync(res.text).length, 0);
    expect(compressed).toBeLessThan(60 * 1024);
    for (const res of [page, script, speech]) {
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    }
    // Nothing inline runs: the only scripts are the file and a JSON data block.
    expect(page.text.match(/<script[^>]*>/g)).toEqual(['<script src="/room-assets/room-speech.js" defer>', '<script src="/room-assets/room.js" defer>', '<script type="application/json" id="room-lines">']);
  });

  it('speaks the agent’s language and direction, and escapes what the company wrote', async () => {
    const acme = await newCompany(world);
    const { token } = await createRoomInterview(acme.api, { language: 'AR', name: '<img src=x onerror=alert(1)>' });
    const page = await roomClient(world, token).page();
    expect(page.text).toMatch(/<html lang="ar-SA" dir="rtl">/);
    expect(page.text).not.toContain('<img');
    expect(page.text).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('a link that cannot be one (empty, too long, a NUL, broken percent-encoding) is an unknown link: the HTML not-found page, never JSON; the page\'s API under it keeps the envelope', async () => {
    const { anonymous } = world.server;
    for (const token of ['', 'a'.repeat(101), 'a'.repeat(201), 'abc%00def', 'abc%E0%A4%A', `${'a'.repeat(150)}?utm_source=mail`]) {
      const res = await anonymous('GET', `/room/${token}`);
      expect(res.status, token).toBe(404);
      expect(res.headers.get('content-type'), token).toMatch(/^text\/html/);
      expect(res.text).toContain('data-page="notFound"');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
    // The page's own calls answer JSON (decisions: the room's POSTs get the catalogue's errors).
    for (const path of [`/room/${'a'.repeat(201)}/answers`, '/room/abc%00def/answers']) {
      const res = await anonymous('POST', path, { body: { text: 'hi', clientId: 'a' } });
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
    // Other routes keep the envelope for a parameter over the router's limit.
    expect((await anonymous('GET', `/v1/interviews/${'a'.repeat(201)}`)).headers.get('content-type')).toMatch(/^application\/json/);
  });

  /** A started room; `events()` opens its push connection on a socket of its own, and the server's end of it. */
  const startedRoom = async () => {
    const acme = await newCompany(world);
    const { interview, token } = await createRoomInterview(acme.api);
    await roomClient(world, token).start();
    await world.server.deps.sessions.settled(interview.id);
    const events = () => {
      const accepted = once(world.server.app.server, 'connection') as Promise<[Socket]>;
      const request = http.get(`${world.server.baseUrl}/room/${token}/events`, { agent: false });
      request.on('error', () => undefined);
      return { request, serverSide: accepted.then(([socket]) => socket) };
    };
    return { interview, events };
  };

  it('a push connection closed while its link is looked up leaves no subscription behind', async () => {
    const { interview, events } = await startedRoom();
    const { hub } = world.server.deps.sessions;
    let entered!: () => void;
    let release!: () => void;
    let answered!: () => void;
    const inLookup = new Promise<void>((resolve) => (entered = resolve));
    const lookedUp = new Promise<void>((resolve) => (answered = resolve));
    lookups.held = { entered, release: new Promise<void>((resolve) => (release = resolve)), answered };
    try {
      const { request, serverSide } = events();
      await inLookup;
      // The candidate's tab goes away while the token is looked up; the server sees it close.
      const socket = await serverSide;
      request.destroy();
      if (!socket.destroyed) await once(socket, 'close');
      lookups.held = null;
      release();
      await lookedUp;
      // The route goes on from the lookup within this turn of the event loop: whatever it set up is there now.
      await new Promise(setImmediate);
      expect(hub.listeners(interview.id)).toBe(0);
    } finally {
      lookups.held = null;
      release();
    }
  });

  it('a snapshot that fails ends the push connection (the page connects again) and leaves nothing behind', async () => {
    const { interview, events } = await startedRoom();
    const { sessions } = world.server.deps;
    const snapshot = vi.spyOn(sessions, 'snapshot').mockRejectedValueOnce(new Error('the database went away'));
    try {
      const { request } = events();
      const [response] = (await once(request, 'response')) as [http.IncomingMessage];
      expect(response.statusCode).toBe(200);
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      await once(response, 'end');
      expect(body).not.toContain('event: snapshot');
      expect(sessions.hub.listeners(interview.id)).toBe(0);
      expect(snapshot).toHaveBeenCalledOnce();
    } finally {
      snapshot.mockRestore();
    }
  });
});
