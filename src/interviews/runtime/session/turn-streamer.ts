/**
 * Streams an owed interviewer turn to the room and stores it whole: the brain runs outside any
 * transaction; the turn is stored under the id it was owed with, only if it is still owed (a turn
 * produced twice is stored once), and its storage moves the session on (the next timer, or the
 * end after a closing line).
 */
import { TenantScope } from '../../../db/tenant-scope.ts';
import { appendTranscriptTurns, findInterview, type InterviewRecord, transcriptOf } from '../../repository.ts';
import { endInterview, setTimer } from './lifecycle.ts';
import type { RoomHub } from './room-hub.ts';
import type { InterviewSessions } from './session.ts';
import type { SessionState } from './session-state.ts';
import { loadSession, lockInterviewSession, saveSession } from './session-store.ts';
import type { InterviewRef } from './session-tasks.ts';
import { produceTurn } from './turn-production.ts';

export class TurnStreamer {
  private readonly streaming = new Map<string, AbortController>();

  constructor(
    private readonly sessions: InterviewSessions,
    private readonly hub: RoomHub,
  ) {}

  abort(interviewId: string): void {
    this.streaming.get(interviewId)?.abort(new Error('the interview ended'));
  }

  abortAll(): void {
    for (const controller of this.streaming.values()) controller.abort(new Error('shutting down'));
  }

  /** Produces and stores the turn the session owes, if any. Call it inside the interview's serial steps. */
  async produceOwed(ref: InterviewRef): Promise<void> {
    const { db, rules, log } = this.sessions.options;
    const scope = new TenantScope(db, ref.companyId);
    const interview = await findInterview(scope, ref.interviewId);
    if (!interview || interview.status !== 'IN_PROGRESS') return;
    const session = await loadSession(scope, ref.interviewId);
    const owed = session?.state.owed;
    if (!session || !owed) return;
    const transcript = await transcriptOf(scope, ref.interviewId);

    const controller = new AbortController();
    this.streaming.set(ref.interviewId, controller);
    this.hub.publish(ref.interviewId, { event: 'turn-start', data: { turnId: owed.turnId } });
    let at = 0;
    const emit = (text: string) => {
      this.hub.publish(ref.interviewId, { event: 'token', data: { turnId: owed.turnId, at, text } });
      at += text.length;
    };
    let produced;
    try {
      produced = await produceTurn({ owed, context: session.context, transcript, brain: this.sessions.brain, modelFailed: session.modelFailed, rules, emit, signal: controller.signal });
    } catch (error) {
      this.hub.dropPending(ref.interviewId, owed.turnId);
      if (controller.signal.aborted) return;
      throw error;
    } finally {
      this.streaming.delete(ref.interviewId);
    }
    if (produced.failure) {
      log.warn({ interviewId: ref.interviewId, intent: produced.failure.intent.type, attempts: produced.failure.attempts, reason: produced.failure.reason }, 'the model interviewer kept failing: the structured interviewer continues this interview');
    }

    const stored = await this.sessions.transaction(ref, async (tx, time): Promise<InterviewRecord | null> => {
      const locked = await lockInterviewSession(tx, ref.interviewId);
      const current = locked?.interview;
      const latest = current?.status === 'IN_PROGRESS' ? locked?.session : undefined;
      if (!current || latest?.state.owed?.turnId !== owed.turnId) return null;
      if (produced.text !== '') {
        const turn = {
          id: owed.turnId, role: 'agent' as const, text: produced.text, startedAt: new Date(owed.decidedAt).toISOString(), endedAt: time.at, questionIndex: produced.questionIndex,
          ...(latest.state.phone ? { channel: 'phone' as const } : {}),
        };
        await appendTranscriptTurns(tx, ref.interviewId, [turn]);
      }
      const state: SessionState = {
        ...latest.state, engine: produced.engine ?? latest.state.engine, owed: null, lastTurnEnd: time.now().getTime(),
        ...(produced.text !== '' ? { lastAgentTurnId: owed.turnId } : {}),
      };
      const next = { context: latest.context, state, modelFailed: produced.modelFailed };
      let after = current;
      if (produced.end) after = await endInterview(tx, time, current, produced.end, next.context.agent.duration);
      else await setTimer(tx, time, ref, state.engine, null, this.sessions.configOf(next));
      await saveSession(tx, ref.interviewId, next, time.at);
      return after;
    });
    if (!stored) {
      this.hub.dropPending(ref.interviewId, owed.turnId);
      return;
    }
    this.hub.publish(ref.interviewId, { event: 'turn-end', data: { turnId: owed.turnId, role: 'agent', text: produced.text } });
    if (stored.status !== 'IN_PROGRESS') this.hub.publish(ref.interviewId, { event: 'status', data: { status: stored.status, statusReason: stored.statusReason } });
  }
}
