/**
 * A call that ends while its interview is still IN_PROGRESS (issue 14, §10): the candidate hung
 * up, or the line dropped. The interview waits, its session paused (no timer: silence on a line
 * that is down is not abandonment), and the attempt is FAILED with CANDIDATE_HUNG_UP, retried
 * like an unanswered call; the next answered call resumes at the question where it stopped
 * (phone-interview.ts). When all that was left was the closing line, the interview is simply over.
 */
import type { TransactionClock } from '../db/feed-clock.ts';
import type { TxScope } from '../db/tenant-scope.ts';
import type { CallAttemptRow, InterviewRecord } from '../interviews/repository.ts';
import { endInterview } from '../interviews/runtime/session/lifecycle.ts';
import { loadSession, saveSession } from '../interviews/runtime/session/session-store.ts';
import { cancelInterviewTimer } from '../interviews/runtime/session/session-tasks.ts';
import type { AttemptMove } from './attempt-callbacks.ts';

export const HUNG_UP_NOTES = 'The call ended before the interview was over (the candidate hung up or the line dropped); the next answered call resumes it.';

/**
 * Decides what a finished call (`completed`) means for an interview in progress, in the callback's
 * transaction, and returns the attempt's move: COMPLETED when the interview is over, else FAILED
 * with CANDIDATE_HUNG_UP (the session paused). A call that does not carry the interview changes
 * nothing about it.
 */
export async function finishedCallMove(scope: TxScope, time: TransactionClock, attempt: CallAttemptRow, interview: InterviewRecord, move: AttemptMove): Promise<AttemptMove> {
  if (move.to !== 'COMPLETED' || interview.status !== 'IN_PROGRESS' || attempt.status !== 'IN_PROGRESS') return move;
  const session = await loadSession(scope, interview.id);
  if (!session || session.state.phone?.attemptId !== attempt.id) return move;
  const owedEnd = session.state.owed?.end;
  if (owedEnd) {
    // Every answer is in; only the goodbye was not heard.
    await endInterview(scope, time, interview, owedEnd, session.context.agent.duration);
    await saveSession(scope, interview.id, { ...session, state: { ...session.state, owed: null } }, time.at);
    return move;
  }
  await cancelInterviewTimer(scope.db, time, interview.id);
  const state = { ...session.state, owed: null, phone: { attemptId: attempt.id, pausedAt: time.now().getTime() } };
  await saveSession(scope, interview.id, { ...session, state }, time.at);
  return { ...move, to: 'FAILED', reasonCode: 'CANDIDATE_HUNG_UP', notes: HUNG_UP_NOTES };
}
