/**
 * The GDPR sweep erases the candidate's words too (issue 11, point 8): the transcripts and
 * analyses of the candidate's interviews, the webhook deliveries that carried the analysis (and
 * the receivers' answers to them), and stored idempotent answers that showed the candidate.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/fakes/webhook-receiver.ts';
import { type SeededCompany, startTestServer, type TestServer, testDatabaseKind } from '../../test/harness.ts';
import { createWebhookAt } from '../../test/webhook-helpers.ts';
import { ManualClock } from '../core/clock.ts';
import { GENERIC_AGENT } from '../interviews/interviews.test-helpers.ts';
import { eraseExpiredCandidates } from './gdpr-sweep.ts';

const START = '2030-01-01T12:00:00.000Z';
const SWEEP = '2030-01-03T00:00:00.000Z'; // Alice's date (2030-01-02) has passed, Bob's has not
const ALICE = { firstName: 'Alice', lastName: 'Archer', email: 'alice@example.com', phoneNumber: '+31612345678', metadata: { notes: 'met at the fair' } };
/** Her personal fields and her words (the synthetic transcript's answer, and the analysis built on it). */
const PERSONAL = ['Alice', 'Archer', 'alice@example.com', '+31612345678', 'met at the fair'];
const WORDS = ['synthetic answer', 'Synthetic strong point', 'Synthetic weak point', 'Synthetic analysis', 'Synthetic score', 'Tell me about'];

describe(`GDPR sweep: the candidate's words (${testDatabaseKind})`, () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  afterEach(async () => {
    await server?.close();
    await receiver?.close();
  });

  const db = () => server.deps.database.db;
  /** Runs the queue (test runs, webhook deliveries) until nothing is left to do. */
  const drain = async () => {
    for (let round = 0; round < 20 && (await server.deps.queue.runOnce()) > 0; round++);
  };
  const created = async (company: SeededCompany, path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await company.api('POST', path, { body, headers });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };
  /** Everything stored about an interview that can carry words. */
  const stored = async (interviewId: string) => {
    const interview = await db().selectFrom('interviews').select(['analysis', 'updatedAt']).where('id', '=', interviewId).executeTakeFirstOrThrow();
    const turns = await db().selectFrom('transcriptTurns').select(['id', 'role', 'text']).where('interviewId', '=', interviewId).orderBy('position').execute();
    const deliveries = await db().selectFrom('webhookDeliveries').select(['id', 'body']).where('interviewId', '=', interviewId).where('eventType', '=', 'analysis.completed').execute();
    const answers = await db().selectFrom('webhookAttempts').select('responseBody').where('deliveryId', 'in', deliveries.map((d) => d.id).concat('none')).execute();
    return { interview, turns, deliveries, answers, text: JSON.stringify({ interview, turns, deliveries, answers }) };
  };
  const holdsAny = (text: string, needles: string[]) => needles.filter((needle) => text.includes(needle));

  it('erases transcripts, analyses, delivered bodies and idempotent answers; keeps scores and structure; twice is once', async () => {
    const clock = new ManualClock(START);
    server = await startTestServer({ clock, env: { DEFAULT_MONTHLY_MINUTES: '100000' } });
    await server.deps.queue.stop(); // driven by runOnce() for determinism
    receiver = await startWebhookReceiver();
    // A receiver that echoes what it gets: its answers, logged with each attempt, carry the body too.
    const endpoint = receiver.endpoint({ respond: (delivery) => ({ status: 200, body: delivery.body }) });
    const acme = await server.company('Acme');
    await createWebhookAt(acme.api, endpoint, { events: ['analysis.completed'] });
    const agent = await created(acme, '/v1/agents', GENERIC_AGENT);
    const idempotencyKey = `gdpr-${randomUUID()}`;
    const alice = await created(acme, '/v1/candidates', { ...ALICE, gdprExpiryDate: '2030-01-02' }, { 'idempotency-key': idempotencyKey });
    const bob = await created(acme, '/v1/candidates', { firstName: 'Bob', lastName: 'Baker', email: 'bob@example.com', gdprExpiryDate: '2030-06-01' });
    const aliceInterview = await created(acme, '/v1/interviews', { agentId: agent, candidateId: alice, isTest: true });
    const bobInterview = await created(acme, '/v1/interviews', { agentId: agent, candidateId: bob, isTest: true });
    await drain();

    const before = await stored(aliceInterview);
    expect(before.turns.length).toBeGreaterThan(0);
    expect(before.deliveries).toHaveLength(1);
    expect(before.answers).toHaveLength(1);
    expect(holdsAny(before.text, WORDS)).toEqual(WORDS); // the words are there to erase
    const idempotent = () => db().selectFrom('idempotencyKeys').select(['key', 'responseBody']).where('key', '=', idempotencyKey).execute();
    expect(JSON.stringify(await idempotent())).toContain('alice@example.com');
    const bobBefore = await stored(bobInterview);

    clock.set(SWEEP);
    expect(await eraseExpiredCandidates(db(), clock)).toBe(1);
    const after = await stored(aliceInterview);
    expect(holdsAny(after.text, [...WORDS, ...PERSONAL])).toEqual([]);
    expect(await idempotent()).toEqual([]);
    // Every turn stays (id, role, times) with its text erased, the agent's too (it addresses the candidate).
    expect(after.turns).toEqual(before.turns.map((t) => ({ ...t, text: '(erased)' })));
    // The analysis keeps its structure and every score; each free text is the marker.
    const was = JSON.parse(before.interview.analysis as string);
    const analysis = JSON.parse(after.interview.analysis as string);
    expect(analysis).toEqual({
      ...was,
      general: {
        ...was.general,
        strongPoints: was.general.strongPoints.map(() => '(erased)'),
        weakPoints: was.general.weakPoints.map(() => '(erased)'),
        summary: '(erased)',
        evaluation: was.general.evaluation.map((e: { evidence: Array<{ turnId: string; quote: string }> }) => ({
          ...e,
          question: '(erased)',
          answerSummary: '(erased)',
          reasoning: '(erased)',
          evidence: e.evidence.map((q) => ({ turnId: q.turnId, quote: '(erased)' })),
        })),
      },
    });
    // The delivery log shows the erased analysis; the receiver's echo is gone.
    expect(JSON.parse(after.deliveries[0]?.body as string).data.analysis).toEqual(analysis);
    expect(after.answers).toEqual([{ responseBody: null }]);
    // The change is an update of the interview: an updatedSince feed sees it.
    expect(after.interview.updatedAt).toBe(SWEEP);
    const feed = await acme.api('GET', '/v1/interviews', { query: { updatedSince: SWEEP } });
    expect(feed.body.data.map((i: { id: string }) => i.id)).toEqual([aliceInterview]);
    expect(feed.body.data[0].analysis).toEqual(analysis);
    const transcript = await acme.api('GET', `/v1/interviews/${aliceInterview}/transcript`);
    expect(transcript.status, transcript.text).toBe(200);
    expect(JSON.stringify(transcript.body)).not.toMatch(/synthetic answer|Tell me about/);
    // Bob has not expired: his words stay.
    expect((await stored(bobInterview)).text).toBe(bobBefore.text);

    // Erasing again changes nothing.
    clock.advance(3600_000);
    expect(await eraseExpiredCandidates(db(), clock)).toBe(0);
    expect((await stored(aliceInterview)).text).toBe(after.text);

    // Words that arrive after the erasure (an interview of the erased candidate run later) go at the next sweep.
    const later = await created(acme, '/v1/interviews', { agentId: agent, candidateId: alice, isTest: true });
    await drain();
    expect(holdsAny((await stored(later)).text, WORDS).length).toBeGreaterThan(0);
    const erasedAt = (await db().selectFrom('candidates').select('erasedAt').where('id', '=', alice).executeTakeFirstOrThrow()).erasedAt;
    clock.advance(3600_000);
    expect(await eraseExpiredCandidates(db(), clock)).toBe(0); // no personal field to erase: only words
    expect(holdsAny((await stored(later)).text, [...WORDS, ...PERSONAL])).toEqual([]);
    expect((await stored(aliceInterview)).text).toBe(after.text);
    expect((await db().selectFrom('candidates').select('erasedAt').where('id', '=', alice).executeTakeFirstOrThrow()).erasedAt).toBe(erasedAt);
    expect((await stored(bobInterview)).text).toBe(bobBefore.text);
  });
});
