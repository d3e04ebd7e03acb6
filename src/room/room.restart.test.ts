/**
 * The model interviewer through the room, and a server that stops in the middle of a turn: a
 * second app on the same database resumes exactly there (the owed turn is produced again under
 * the same id and stored once). A model that keeps failing on a follow-up hands the rest of the
 * interview to the structured wording, and the session records it (`model_failed`).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply, startOpenAiFake, type OpenAiFake } from '../../test/fakes/openai-server.ts';
import { apiClient, type FreshDatabase, freshDatabase, testEnv } from '../../test/harness.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { insertCompany } from '../companies/repository.ts';
import { newCompanyRow } from '../companies/service.ts';
import { loadConfig } from '../config/config.ts';
import { ManualClock } from '../core/clock.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { buildApp } from '../http/app.ts';
import { linesFor } from '../interviews/runtime/lines/lines.ts';
import { createDeps } from '../server/runtime.ts';
import { createRoomInterview, transcriptOf } from './room.test-helpers.ts';

const START = '2025-11-20T10:00:00.000Z';
const en = linesFor('EN');

interface App {
  app: FastifyInstance;
  deps: AppDeps;
  baseUrl: string;
  close(): Promise<void>;
}

/** One server process's worth: its own deps and app on the shared database. */
async function startApp(url: string, clock: ManualClock, env: Record<string, string>): Promise<App> {
  const deps = await createDeps(loadConfig(testEnv(url, env), '/nonexistent/.env'), clock);
  const app = await buildApp(deps, { logger: false });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    deps,
    baseUrl,
    async close() {
      await app.close();
      await deps.queue.stop();
      await deps.database.close();
    },
  };
}

interface PushedEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads the room's server-sent events until `enough` holds; then hangs up. */
async function readEvents(url: string, enough: (events: PushedEvent[]) => boolean): Promise<PushedEvent[]> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: PushedEvent[] = [];
  let buffer = '';
  while (!enough(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  controller.abort();
  return events;
}

describe('the model interviewer, a restart mid-turn, and the fallback', () => {
  const clock = new ManualClock(START);
  let database: FreshDatabase;
  let fake: OpenAiFake;
  let env: Record<string, string>;
  const apps: App[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    fake = await startOpenAiFake();
    env = { LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-interviewer', LLM_MAX_RETRIES: '0', LLM_FIRST_TOKEN_TIMEOUT_MS: '30000' };
  });
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await fake.close();
    await database.drop();
  });

  it('a server stopped while a turn streams loses nothing and duplicates nothing; a failing model hands over to the structured wording', async () => {
    const first = await startApp(database.url, clock, env);
    apps.push(first);
    await first.deps.queue.stop();
    expect(first.deps.sessions.brain).toMatchObject({ kind: 'model' });
    expect(first.deps.sessions.brain.description).toMatch(/^interviewer: model fake-interviewer at 127\.0\.0\.1:\d+ \(LLM_BASE_URL and LLM_MODEL set\)/);
    const company = newCompanyRow(clock, { name: 'Acme' });
    await insertCompany(first.deps.database.db, company);
    const { plaintext } = await createApiKey(first.deps.database.db, clock, { name: 'k', kind: 'COMPANY', companyId: company.id });
    const api = apiClient(first.baseUrl, plaintext);
    const { interview, token } = await createRoomInterview(api, { questions: ['Tell me about a system you scaled.', 'How do you test?'] });

    // The model stalls on the first question: the fixed opening has streamed, the question has not.
    fake.script(reply.stall());
    const started = await fetch(`${first.baseUrl}/room/${token}/start`, { method: 'POST' });
    expect(started.status).toBe(200);
    await fake.waitForRequests(1);
    const pending = first.deps.sessions.hub.pending(interview.id);
    expect(pending?.text).toMatch(/^Hello Ana/);
    expect(pending?.text).toContain(en.firstQuestion);
    await first.close();
    expect(await transcriptOf(api, interview.id).catch(() => null)).toBeNull(); // the first server is gone

    // A second server on the same database: the room reconnects and the turn is produced again.
    const second = await startApp(database.url, clock, env);
    apps.push(second);
    await second.deps.queue.stop();
    const api2 = apiClient(second.baseUrl, plaintext);
    expect(await transcriptOf(api2, interview.id)).toEqual([]);
    fake.script(reply.text('Could you describe a system you scaled, and how?'));
    const events = await readEvents(`${second.baseUrl}/room/${token}/events`, (got) => got.some((e) => e.event === 'turn-end'));
    expect(events[0]).toMatchObject({ event: 'snapshot', data: { status: 'IN_PROGRESS', transcript: [] } });
    const end = events.find((e) => e.event === 'turn-end');
    const streamed = events.filter((e) => e.event === 'token' && e.data.turnId === pending?.turnId).map((e) => e.data.text).join('');
    expect(end?.data).toMatchObject({ turnId: pending?.turnId, role: 'agent' });
    expect(end?.data.text).toBe(streamed);
    expect(String(end?.data.text)).toMatch(/Let’s begin\. Could you describe a system you scaled, and how\?$/);
    await second.deps.sessions.settled(interview.id);
    let turns = await transcriptOf(api2, interview.id);
    expect(turns.map((t) => [t.id, t.text])).toEqual([[pending?.turnId, end?.data.text]]);

    // A good answer gets a follow-up, which the model fails to word: the structured wording moves on.
    fake.script(reply.fail(500));
    const answered = await fetch(`${second.baseUrl}/room/${token}/answers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'A payments API, sharded by merchant.', clientId: 'c1' }) });
    expect(answered.status).toBe(200);
    await second.deps.sessions.settled(interview.id);
    turns = await transcriptOf(api2, interview.id);
    expect(turns.at(-1)?.text).toBe(`${en.lastQuestion} How do you test?`);
    const session = await second.deps.database.db.selectFrom('interviewSessions').select('modelFailed').where('interviewId', '=', interview.id).executeTakeFirstOrThrow();
    expect(session.modelFailed).toBe(1);
    const questionIndexes = await second.deps.database.db.selectFrom('transcriptTurns').select('questionIndex').where('interviewId', '=', interview.id).orderBy('position').execute();
    expect(questionIndexes.map((r) => r.questionIndex)).toEqual([0, null, 1]);

    // From now on the structured interviewer: no follow-up, no model call, the close.
    const calls = fake.requests.length;
    await fetch(`${second.baseUrl}/room/${token}/answers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Unit and contract tests.', clientId: 'c2' }) });
    await second.deps.sessions.settled(interview.id);
    expect(fake.requests.length).toBe(calls);
    turns = await transcriptOf(api2, interview.id);
    expect(turns.at(-1)?.text).toBe(en.closing.replace('{companyName}', 'Acme'));
    expect(new Set(turns.map((t) => t.id)).size).toBe(turns.length);
    expect((await api2('GET', `/v1/interviews/${interview.id}`)).body).toMatchObject({ status: 'COMPLETED', statusReason: 'COMPLETED', durationMinutes: 1 });
  });
});
