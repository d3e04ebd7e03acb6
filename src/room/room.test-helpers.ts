/**
 * The room's test steps: a server on a manual clock whose queue the test runs itself, the
 * candidate's actions over real HTTP, and reads of what was stored.
 */
import { expect } from 'vitest';
import { type ApiClient, type ApiResponse, type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { type ManualClock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { fixtures } from '../interviews/interviews.test-helpers.ts';

export const MINUTE = 60_000;

export interface RoomWorld {
  server: TestServer;
  clock: ManualClock;
}

/** The real app on a fresh database; its queue does not poll (the test runs it: `runDueTasks`). */
export async function startRoomWorld(clock: ManualClock, env: Record<string, string> = {}): Promise<RoomWorld> {
  const server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '1000', ...env } });
  await server.deps.queue.stop();
  return { server, clock };
}

/**
 * A company of its own for each test that sets the clock back: a company's write transactions
 * never go back in time (its feed clock), so a company that has seen a later instant would pin
 * every decision to it.
 */
export function newCompany(world: RoomWorld): Promise<SeededCompany> {
  return world.server.company('Acme');
}

/** Creates an ONLINE interview over the API (an inline agent unless `agentId`); answers the interview and its token. */
export async function createRoomInterview(api: ApiClient, agent: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const f = fixtures(api);
  const created = await f.interview({
    agent: { name: 'Backend screener', focus: 'GENERIC', duration: 10, questions: ['Tell me about a system you scaled.', 'How do you test?'], ...agent },
    candidate: { firstName: 'Ana', lastName: 'Silva', email: `ana-${newId()}@example.com` },
    ...extra,
  });
  return { interview: created, token: String(created.interviewUrl).split('/room/')[1] as string };
}

/** The candidate's side: the room's POSTs, key-less. */
export function roomClient(world: RoomWorld, token: string) {
  const anonymous = world.server.anonymous;
  const expectOk = (res: ApiResponse) => {
    expect(res.status, res.text).toBe(200);
    return res.body as { status: string; statusReason: string | null };
  };
  return {
    start: async () => expectOk(await anonymous('POST', `/room/${token}/start`)),
    answer: async (text: string, clientId = newId()) => expectOk(await anonymous('POST', `/room/${token}/answers`, { body: { text, clientId } })),
    spoken: async (turnId?: string) => expectOk(await anonymous('POST', `/room/${token}/spoken`, turnId === undefined ? {} : { body: { turnId } })),
    raw: (path: string, body?: unknown) => anonymous('POST', `/room/${token}${path}`, body === undefined ? {} : { body }),
    page: () => anonymous('GET', `/room/${token}`),
  };
}

/** Runs every due task (timers, expiries, deliveries) until none is due, then waits for the turns they caused. */
export async function runDueTasks(world: RoomWorld, interviewId: string): Promise<void> {
  while ((await world.server.deps.queue.runOnce()) > 0);
  await world.server.deps.sessions.settled(interviewId);
}

export async function transcriptOf(api: ApiClient, interviewId: string) {
  const res = await api('GET', `/v1/interviews/${interviewId}/transcript`);
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; role: 'agent' | 'candidate'; text: string; startedAt: string; endedAt: string }[];
}

/** The stored question index of each turn, in order (null on turns that ask no plan question). */
export async function questionIndexes(world: RoomWorld, interviewId: string): Promise<(number | null)[]> {
  const rows = await world.server.deps.database.db.selectFrom('transcriptTurns').select('questionIndex').where('interviewId', '=', interviewId).orderBy('position').execute();
  return rows.map((row) => row.questionIndex);
}

/** The timer and expiry tasks still waiting for the interview. */
export async function pendingTasksOf(world: RoomWorld, interviewId: string) {
  const rows = await world.server.deps.database.db
    .selectFrom('queueTasks')
    .select(['kind', 'runAt', 'dedupeKey'])
    .where('status', '=', 'PENDING')
    .where('dedupeKey', 'like', `interview:${interviewId}:%`)
    .execute();
  return rows.map((row) => ({ kind: row.kind, runAt: row.runAt }));
}

/** The §11 events recorded for the interview (as deliveries to the test's webhook), in order. */
export async function eventsOf(world: RoomWorld, interviewId: string): Promise<string[]> {
  const rows = await world.server.deps.database.db.selectFrom('webhookDeliveries').select('eventType').where('interviewId', '=', interviewId).orderBy('createdAt').orderBy('id').execute();
  return rows.map((row) => row.eventType);
}
