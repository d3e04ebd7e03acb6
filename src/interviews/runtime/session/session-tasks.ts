/**
 * Every use of the queue by the interview runtime, in one file: the per-interview timer (the
 * engine's `wakeAt`, feeding `tick`) and the link's expiry. Written against today's queue
 * (`enqueue` with `dedupeKey`): "move" is cancel-by-update of the unfinished task with the key,
 * then a new task. A task that wakes early is harmless (an early tick changes nothing), so a move
 * never has to be exact.
 */
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../../core/clock.ts';
import type { DB } from '../../../db/schema.ts';
import { enqueue } from '../../../queue/enqueue.ts';
import type { QueueRunner } from '../../../queue/runner.ts';

export const INTERVIEW_TIMER_TASK = 'interview.timer';
export const INTERVIEW_EXPIRY_TASK = 'interview.expiry';

/** §10: an interview link expires this long after `scheduledAt`. */
export const LINK_LIFETIME_MS = 7 * 86_400_000;

export interface InterviewRef {
  companyId: string;
  interviewId: string;
}

const timerKey = (interviewId: string) => `interview:${interviewId}:timer`;
const expiryKey = (interviewId: string) => `interview:${interviewId}:expiry`;

/**
 * Drops the task with `key`: a pending one is finished unrun; a running one (the timer whose tick
 * is deciding right now) keeps running but lets go of the key, so a new task can take it.
 */
async function releaseKey(db: Kysely<DB>, clock: Clock, key: string): Promise<void> {
  const now = clock.now().toISOString();
  await sql`update queue_tasks set status = 'DONE', last_error = 'cancelled', updated_at = ${now}
    where dedupe_key = ${key} and status in ('PENDING', 'RUNNING') and status = 'PENDING'`.execute(db);
  await sql`update queue_tasks set dedupe_key = null, updated_at = ${now}
    where dedupe_key = ${key} and status in ('PENDING', 'RUNNING') and status = 'RUNNING'`.execute(db);
}

/** Sets the interview's one timer to `at` (in the transaction that stored the decision). */
export async function setInterviewTimer(db: Kysely<DB>, clock: Clock, ref: InterviewRef, at: Date): Promise<void> {
  await releaseKey(db, clock, timerKey(ref.interviewId));
  await enqueue(db, clock, { kind: INTERVIEW_TIMER_TASK, payload: ref, dedupeKey: timerKey(ref.interviewId), runAt: at });
}

export async function cancelInterviewTimer(db: Kysely<DB>, clock: Clock, interviewId: string): Promise<void> {
  await releaseKey(db, clock, timerKey(interviewId));
}

/** An ONLINE interview's link expiry, enqueued with the interview. */
export async function scheduleLinkExpiry(db: Kysely<DB>, clock: Clock, ref: InterviewRef, scheduledAt: Date, options: { replace?: boolean } = {}): Promise<void> {
  if (options.replace) await releaseKey(db, clock, expiryKey(ref.interviewId));
  await enqueue(db, clock, { kind: INTERVIEW_EXPIRY_TASK, payload: ref, dedupeKey: expiryKey(ref.interviewId), runAt: new Date(scheduledAt.getTime() + LINK_LIFETIME_MS) });
}

/** Started, cancelled or deleted: neither the timer nor the expiry has anything left to do. */
export async function cancelInterviewTasks(db: Kysely<DB>, clock: Clock, interviewId: string): Promise<void> {
  await releaseKey(db, clock, timerKey(interviewId));
  await releaseKey(db, clock, expiryKey(interviewId));
}

export async function cancelLinkExpiry(db: Kysely<DB>, clock: Clock, interviewId: string): Promise<void> {
  await releaseKey(db, clock, expiryKey(interviewId));
}

export interface SessionTaskHandlers {
  tick(ref: InterviewRef): Promise<void>;
  expire(ref: InterviewRef): Promise<void>;
}

/** Registers the timer and the expiry on the runner (called from src/server/tasks.ts). */
export function registerSessionTasks(queue: QueueRunner, handlers: SessionTaskHandlers): void {
  queue.register(INTERVIEW_TIMER_TASK, { run: (payload) => handlers.tick(payload as InterviewRef) });
  queue.register(INTERVIEW_EXPIRY_TASK, { run: (payload) => handlers.expire(payload as InterviewRef) });
}
