/** Completed interviews to analyse, and the analysis task run through the real queue. */
import { expect } from 'vitest';
import type { SeededCompany, TestServer } from '../../../test/harness.ts';
import { eventually } from '../../../test/webhook-helpers.ts';
import type { ManualClock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { TenantScope } from '../../db/tenant-scope.ts';
import { companyTransaction } from '../../db/transaction.ts';
import { CANDIDATE, JOB } from '../interviews.test-helpers.ts';
import { appendTranscriptTurns, findInterview, findInterviewForUpdate, type InterviewRecord, type StoredTranscriptTurn } from '../repository.ts';
import { loadContext } from '../runtime/session/session-store.ts';
import type { TranscriptTurn } from '../schema.ts';
import { moveInterview } from '../transitions.ts';
import type OpenAI from 'openai';
import type { AnalysisDeps, AnalysisTarget } from './analyse.ts';
import { enqueue } from '../../queue/enqueue.ts';
import { ANALYSE_TASK, analyseTask } from './task.ts';

/** One scripted turn: who, what, how many seconds it lasted, and the plan question an interviewer turn asks. */
export type ScriptedTurn = [role: TranscriptTurn['role'], text: string, seconds: number, questionIndex?: number];

export interface CompletedInterview extends AnalysisTarget {
  turns: StoredTranscriptTurn[];
}

/**
 * A COMPLETED ONLINE interview with this transcript. It is created over the API (agent, candidate
 * and job inline), then started, given its turns and completed with the repository functions and
 * the state machine the runtime uses: no public path completes an ONLINE interview yet (the room's
 * session will). Like Start, it writes the session row with the context pinned then (the agent as it
 * is now); `modelFailed` is that row's flag; `session: false` leaves the interview without one.
 */
export async function completedInterview(
  server: TestServer,
  company: SeededCompany,
  agent: Record<string, unknown>,
  script: ScriptedTurn[],
  options: { modelFailed?: boolean; session?: boolean } = {},
): Promise<CompletedInterview> {
  const created = await company.api('POST', '/v1/interviews', { body: { candidate: CANDIDATE, job: JOB, agent: { name: 'Analysed agent', duration: 20, ...agent } } });
  expect(created.status, created.text).toBe(201);
  const interviewId = created.body.id as string;
  let at = server.deps.clock.now().getTime();
  const turns: StoredTranscriptTurn[] = script.map(([role, text, seconds, questionIndex]) => {
    const startedAt = new Date((at += 1000)).toISOString();
    return { id: newId(), role, text, startedAt, endedAt: new Date((at += seconds * 1000)).toISOString(), questionIndex: questionIndex ?? null };
  });
  const scope = new TenantScope(server.deps.database.db, company.id);
  const loaded = await loadContext(scope, (await findInterview(scope, interviewId)) as InterviewRecord);
  if (!loaded) throw new Error(`interview ${interviewId}: no context to pin`);
  const { agentRecord: _agent, ...context } = loaded;
  await companyTransaction(server.deps.clock, { scope }, async (tx, time) => {
    const scheduled = await findInterviewForUpdate(tx, interviewId);
    if (!scheduled) throw new Error(`interview ${interviewId} vanished`);
    const started = await moveInterview(tx, time, scheduled, 'IN_PROGRESS');
    await appendTranscriptTurns(tx, interviewId, turns);
    if (options.session !== false) {
      await tx.insertInto('interviewSessions', { interviewId, context: JSON.stringify(context), state: '{}', modelFailed: options.modelFailed ? 1 : 0, createdAt: time.at, updatedAt: time.at }).execute();
    }
    await moveInterview(tx, time, started, 'COMPLETED', { durationMinutes: 1 });
  });
  return { companyId: company.id, interviewId, turns };
}

export const idsOf = (interview: CompletedInterview, role: TranscriptTurn['role']) => interview.turns.filter((t) => t.role === role).map((t) => t.id);

/**
 * Lets the server's queue run the analysis task that completing the interview enqueued (the
 * `interview.completed` subscriber) to the end: each time an attempt failed, the clock moves to
 * when the back-off lets the next one run. Answers the task's row. `given` runs a task the test
 * enqueued itself (`enqueueAnalysisTask`) instead.
 */
export async function runAnalysisTask(server: TestServer, clock: ManualClock, target: AnalysisTarget, given?: string) {
  const { db } = server.deps.database;
  let id = given;
  if (id === undefined) {
    const tasks = await db.selectFrom('queueTasks').select('id').where('kind', '=', ANALYSE_TASK).where('payload', 'like', `%${target.interviewId}%`).execute();
    expect(tasks, 'completing the interview enqueued exactly one analysis task').toHaveLength(1);
    id = tasks[0]?.id;
  }
  server.deps.queue.wake();
  let attempts = 0;
  for (;;) {
    const task = await eventually(
      async () => {
        const row = await db.selectFrom('queueTasks').selectAll().where('id', '=', id as string).executeTakeFirstOrThrow();
        return row.status === 'DONE' || row.status === 'DEAD' || (row.status === 'PENDING' && row.attempts > attempts) ? row : undefined;
      },
      20_000,
      `analysis task ${id} attempt ${attempts + 1}`,
    );
    if (task.status !== 'PENDING') return task;
    attempts = task.attempts;
    clock.set(task.runAt);
    server.deps.queue.wake();
  }
}

/** An analysis task for any target, as if an `interview.completed` event had named it. */
export async function enqueueAnalysisTask(server: TestServer, clock: ManualClock, target: AnalysisTarget): Promise<string> {
  const payload = { eventId: newId(), type: 'interview.completed' as const, ...target };
  const id = await enqueue(server.deps.database.db, clock, analyseTask, payload, { key: `test:${payload.eventId}` });
  if (id === null) throw new Error('the analysis task was not enqueued');
  return id;
}

/** The webhook deliveries recorded for an interview's events of one type (recorded with the event, in its transaction). */
export async function deliveriesOf(server: TestServer, interviewId: string, eventType: string) {
  return server.deps.database.db.selectFrom('webhookDeliveries').selectAll().where('interviewId', '=', interviewId).where('eventType', '=', eventType).execute();
}

/**
 * A model evaluator whose one call gives `answer` after `meanwhile` ran: a test decides what
 * happens while the model thinks, with no timing involved.
 */
export function stubModel(answer: unknown, meanwhile: () => Promise<unknown> = async () => undefined): NonNullable<AnalysisDeps['model']> {
  const create = async () => {
    await meanwhile();
    return { choices: [{ message: { content: JSON.stringify(answer), refusal: null } }] };
  };
  return { client: { chat: { completions: { create } } } as unknown as OpenAI, model: 'stub-evaluator', maxAttempts: 1 };
}
