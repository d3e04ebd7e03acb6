/**
 * Every use of the queue for dialling, in one file (issue 14): each SCHEDULED call attempt has one
 * durable task under the key `call-attempt:<attemptId>:dial`, due at the attempt's `scheduledAt`,
 * enqueued, moved or cancelled in the transaction that decides about the attempt. A restart
 * forgets nothing: the task is a row. Running it places the call (`dialTaskKind` in place-call.ts), which claims the
 * attempt first, so a task run twice dials once.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import type { TaskKindSpec } from '../queue/task-kind.ts';
import { cancelTask, scheduleTask } from '../queue/task-keys.ts';

export const DIAL_TASK = 'call-attempt.dial';

const payload = z.object({ attemptId: z.string().min(1) });
export type DialPayload = z.infer<typeof payload>;

export const dialSpec: TaskKindSpec<DialPayload> = { name: DIAL_TASK, payload };

export const dialKey = (attemptId: string) => `call-attempt:${attemptId}:dial`;

/** The attempt's call is due at `at` (a new attempt, or one moved). */
export async function scheduleDial(db: Kysely<DB>, clock: Clock, attemptId: string, at: Date): Promise<void> {
  await scheduleTask(db, clock, dialSpec, { attemptId }, { key: dialKey(attemptId), runAt: at });
}

/** The attempt will not be dialled (cancelled, replaced, its interview ended). */
export async function cancelDial(db: Kysely<DB>, clock: Clock, attemptId: string): Promise<void> {
  await cancelTask(db, clock, dialKey(attemptId));
}
