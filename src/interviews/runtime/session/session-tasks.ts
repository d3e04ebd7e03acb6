/**
 * Every use of the queue by the interview runtime, in one file: the per-interview timer (the
 * engine's `wakeAt`, feeding `tick`) and the link's expiry, each under a task key of its
 * interview, moved or cancelled in the transaction that decides it. A task that wakes early is
 * harmless (an early tick changes nothing), so a move never has to be exact.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../../core/clock.ts';
import type { DB } from '../../../db/schema.ts';
import { enqueue } from '../../../queue/enqueue.ts';
import type { QueueRunner } from '../../../queue/runner.ts';
import { taskKind, type TaskKindSpec } from '../../../queue/task-kind.ts';
import { cancelTask, scheduleTask } from '../../../queue/task-keys.ts';

export const INTERVIEW_TIMER_TASK = 'interview.timer';
export const INTERVIEW_EXPIRY_TASK = 'interview.expiry';

/** §10: an interview link expires this long after `scheduledAt`. */
export const LINK_LIFETIME_MS = 7 * 86_400_000;

const interviewRef = z.object({ companyId: z.string().min(1), interviewId: z.string().min(1) });
export type InterviewRef = z.infer<typeof interviewRef>;

const timerTask: TaskKindSpec<InterviewRef> = { name: INTERVIEW_TIMER_TASK, payload: interviewRef };
const expiryTask: TaskKindSpec<InterviewRef> = { name: INTERVIEW_EXPIRY_TASK, payload: interviewRef };

const timerKey = (interviewId: string) => `interview:${interviewId}:timer`;
const expiryKey = (interviewId: string) => `interview:${interviewId}:expiry`;

/**
 * Sets the interview's one timer to `at` (in the transaction that stored the decision). The tick
 * that is deciding right now may hold the key: its task is then cancelled and replaced, and the
 * tick itself runs to its end (it does not follow the task's signal).
 */
export async function setInterviewTimer(db: Kysely<DB>, clock: Clock, ref: InterviewRef, at: Date): Promise<void> {
  await scheduleTask(db, clock, timerTask, ref, { key: timerKey(ref.interviewId), runAt: at });
}

export async function cancelInterviewTimer(db: Kysely<DB>, clock: Clock, interviewId: string): Promise<void> {
  await cancelTask(db, clock, timerKey(interviewId));
}

/** An ONLINE interview's link expiry, enqueued with the interview. */
export async function scheduleLinkExpiry(db: Kysely<DB>, clock: Clock, ref: InterviewRef, scheduledAt: Date, options: { replace?: boolean } = {}): Promise<void> {
  const runAt = new Date(scheduledAt.getTime() + LINK_LIFETIME_MS);
  if (options.replace) await scheduleTask(db, clock, expiryTask, ref, { key: expiryKey(ref.interviewId), runAt });
  else await enqueue(db, clock, expiryTask, ref, { key: expiryKey(ref.interviewId), runAt });
}

/** Started, cancelled or deleted: neither the timer nor the expiry has anything left to do. */
export async function cancelInterviewTasks(db: Kysely<DB>, clock: Clock, interviewId: string): Promise<void> {
  await cancelTask(db, clock, timerKey(interviewId));
  await cancelTask(db, clock, expiryKey(interviewId));
}

export async function cancelLinkExpiry(db: Kysely<DB>, clock: Clock, interviewId: string): Promise<void> {
  await cancelTask(db, clock, expiryKey(interviewId));
}

export interface SessionTaskHandlers {
  tick(ref: InterviewRef): Promise<void>;
  expire(ref: InterviewRef): Promise<void>;
}

/** Registers the timer and the expiry on the runner (called from src/server/tasks.ts). */
export function registerSessionTasks(queue: QueueRunner, handlers: SessionTaskHandlers): void {
  queue.register(taskKind({ ...timerTask, run: (ref) => handlers.tick(ref) }));
  queue.register(taskKind({ ...expiryTask, run: (ref) => handlers.expire(ref) }));
}
