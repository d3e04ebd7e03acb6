import type { TxScope } from '../../db/tenant-scope.ts';
import { cancelDial } from '../../telephony/dial-tasks.ts';
import type { CallAttemptRow } from '../repository.ts';
import { assertAttemptMove, type CallAttemptStatus } from './status-machine.ts';

/**
 * The one way an attempt's status changes: checked against the transition table, written only if
 * the stored status is still the one read. Callers hold the interview's lock (every change to an
 * interview's attempts takes it first), so the write does not miss.
 */
export async function moveAttempt(
  scope: TxScope,
  attempt: Pick<CallAttemptRow, 'id' | 'status'>,
  to: CallAttemptStatus,
  now: string,
  changes: Partial<Pick<CallAttemptRow, 'reasonCode' | 'notes' | 'duration' | 'calledAt'>> = {},
): Promise<void> {
  assertAttemptMove(attempt.status as CallAttemptStatus, to);
  // A cancelled attempt is never dialled (its task is dropped in this transaction). Other moves
  // out of SCHEDULED happen inside the dial task itself, which must not cancel its own run.
  if (to === 'CANCELLED') await cancelDial(scope.db, { now: () => new Date(now) }, attempt.id);
  await scope
    .updateTable('callAttempts')
    .set({ ...changes, status: to, updatedAt: now })
    .where('id', '=', attempt.id)
    .where('status', '=', attempt.status)
    .execute();
}

/** An interview that ends or is cancelled makes no more calls: its waiting (SCHEDULED) attempts are cancelled. */
export async function cancelWaitingAttempts(scope: TxScope, interviewId: string, now: string): Promise<void> {
  const waiting = await scope.selectFrom('callAttempts').select(['id', 'status']).where('interviewId', '=', interviewId).where('status', '=', 'SCHEDULED').execute();
  for (const attempt of waiting) await moveAttempt(scope, attempt, 'CANCELLED', now, { reasonCode: 'CANCELLED' });
}
