/**
 * The live interview: one engine input at a time per interview (serialised in this process; the
 * row lock of `lockInterviewSession` orders the transactions that store decisions across
 * processes). Each decision is stored with the input that caused it (an answer is stored in the
 * same transaction) and the turn it owes; the brain then words that turn outside any transaction,
 * streaming it to the room, and the whole turn is stored before the next input is decided. A turn
 * owed but never stored (the process died while it streamed) is produced again under the same
 * id by whoever comes next: an input, a room connection or the durable timer.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../../core/clock.ts';
import { newId } from '../../../core/ids.ts';
import type { TransactionClock } from '../../../db/feed-clock.ts';
import type { DB } from '../../../db/schema.ts';
import { TenantScope, type TxScope } from '../../../db/tenant-scope.ts';
import { companyTransaction } from '../../../db/transaction.ts';
import { errors } from '../../../errors/catalogue.ts';
import { appendTranscriptTurns, findInterview, type InterviewRecord } from '../../repository.ts';
import type { InterviewStatus, StatusReason } from '../../schema.ts';
import { moveInterview } from '../../transitions.ts';
import { decide, type Decision, type EngineInput, initialState } from '../engine/engine.ts';
import type { BrainChoice } from './brain-choice.ts';
import { endInterview, expireLink, setTimer } from './lifecycle.ts';
import { RoomHub } from './room-hub.ts';
import { ANSWERED_KEPT, engineConfigOf, type SessionState, type SilenceRules } from './session-state.ts';
import { insertSession, loadContext, loadSession, lockInterviewSession, saveSession, type StoredSession } from './session-store.ts';
import { cancelLinkExpiry, type InterviewRef, LINK_LIFETIME_MS } from './session-tasks.ts';
import { TurnStreamer } from './turn-streamer.ts';

export interface SessionLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface InterviewSessionsOptions {
  db: Kysely<DB>;
  clock: Clock;
  brain: BrainChoice;
  rules: SilenceRules;
  log: SessionLog;
}

export interface RoomStatus {
  status: InterviewStatus;
  statusReason: StatusReason | null;
}

const statusOf = (interview: InterviewRecord): RoomStatus => ({ status: interview.status, statusReason: interview.statusReason });
const iso = (ms: number) => new Date(ms).toISOString();
/** An answer's transaction found a turn still owed: it decided nothing. */
const OWED = Symbol('owed turn');

type Locked = NonNullable<Awaited<ReturnType<typeof lockInterviewSession>>>;

/** How a spoken answer was heard (the phone's speech recognition). */
type Heard = { channel: 'phone'; confidence: number | null };

export class InterviewSessions {
  readonly hub = new RoomHub();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly kicked = new Set<string>();
  private readonly streamer: TurnStreamer;

  constructor(readonly options: InterviewSessionsOptions) {
    this.streamer = new TurnStreamer(this, this.hub);
  }

  get brain(): BrainChoice {
    return this.options.brain;
  }

  /** Runs `step` after every step queued before it for this interview (in this process). */
  serial<T>(interviewId: string, step: () => Promise<T>): Promise<T> {
    const result = (this.chains.get(interviewId) ?? Promise.resolve()).then(step);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(interviewId, settled);
    void settled.then(() => {
      if (this.chains.get(interviewId) === settled) this.chains.delete(interviewId);
    });
    return result;
  }

  /** Resolves once every step queued for the interview has run, including turns still streaming (tests). */
  async settled(interviewId: string): Promise<void> {
    for (let chain = this.chains.get(interviewId); chain; chain = this.chains.get(interviewId)) await chain;
  }

  transaction<T>(ref: InterviewRef, fn: (scope: TxScope, time: TransactionClock) => Promise<T>): Promise<T> {
    return companyTransaction(this.options.clock, { scope: new TenantScope(this.options.db, ref.companyId) }, fn);
  }

  /** The engine configuration of a session: follow-ups only while the model interviewer speaks. */
  configOf(session: StoredSession) {
    return engineConfigOf(session.context, this.options.rules, this.brain.kind === 'model' && !session.modelFailed);
  }

  /** Produces the owed turn, if any, after the steps already queued (a room connected, an input was decided). */
  resume(ref: InterviewRef): void {
    if (this.kicked.has(ref.interviewId)) return;
    this.kicked.add(ref.interviewId);
    void this.serial(ref.interviewId, async () => {
      this.kicked.delete(ref.interviewId);
      await this.streamer.produceOwed(ref);
    }).catch((err: unknown) => this.options.log.error({ err, interviewId: ref.interviewId }, 'interviewer turn not produced; the next input, connection or timer produces it'));
  }

  /** Start: SCHEDULED → IN_PROGRESS and the opening turn; a second Start (a reload) changes nothing. */
  async start(ref: InterviewRef): Promise<RoomStatus> {
    const status = await this.serial(ref.interviewId, () =>
      this.transaction(ref, async (scope, time) => {
        const { interview } = await this.lock(scope, ref);
        if (interview.status === 'IN_PROGRESS') return statusOf(interview);
        const now = time.now().getTime();
        const scheduledAt = Date.parse(interview.scheduledAt);
        if (interview.status !== 'SCHEDULED') throw errors.stateForbids(`This interview is ${interview.status} and cannot be started.`, { ...statusOf(interview) });
        if (interview.isTest) throw errors.stateForbids('A test interview runs by itself, without a candidate.', { ...statusOf(interview) });
        if (now < scheduledAt) throw errors.stateForbids(`This interview opens at ${interview.scheduledAt}.`, { ...statusOf(interview), opensAt: interview.scheduledAt });
        if (now >= scheduledAt + LINK_LIFETIME_MS) throw errors.stateForbids('This interview link has expired.', { ...statusOf(interview) });
        const loaded = await loadContext(scope, interview);
        if (!loaded) throw errors.notFound('interview link', ref.interviewId);
        const { agentRecord: _agent, ...context } = loaded;
        const started = await moveInterview(scope, time, interview, 'IN_PROGRESS');
        await cancelLinkExpiry(scope.db, time, interview.id);
        const blank: StoredSession = { context, state: { engine: initialState(), owed: null, lastTurnEnd: now, answered: [] }, modelFailed: false };
        await insertSession(scope, interview.id, blank, time.at);
        await this.record(scope, time, ref, started, blank, { type: 'start', at: now }, {});
        return statusOf(started);
      }),
    );
    this.hub.publish(ref.interviewId, { event: 'status', data: status });
    this.resume(ref);
    return status;
  }

  /**
   * A candidate's answer, stored with the decision on it; a resent `clientId` is taken once. A
   * turn still owed (its process died while it streamed) is produced first, then the answer is
   * decided; the common case, nothing owed, reads the session once, inside the transaction.
   * `heard`: recognised speech on the phone.
   */
  async answer(ref: InterviewRef, text: string, clientId: string, heard?: Heard): Promise<RoomStatus> {
    const outcome = await this.serial(ref.interviewId, async () => {
      const first = await this.takeAnswer(ref, text, clientId, heard);
      if (first !== OWED) return first;
      await this.streamer.produceOwed(ref);
      const again = await this.takeAnswer(ref, text, clientId, heard);
      if (again === OWED) throw errors.conflict('The interviewer is still speaking; send the answer again in a moment.');
      return again;
    });
    if (outcome.turn) this.hub.publish(ref.interviewId, { event: 'turn-end', data: { turnId: outcome.turn.id, role: 'candidate', text } });
    this.afterDecision(ref, outcome.status);
    return outcome.status;
  }

  private takeAnswer(ref: InterviewRef, text: string, clientId: string, heard: Heard | undefined): Promise<typeof OWED | { status: RoomStatus; turn: { id: string } | null }> {
    return this.transaction(ref, async (scope, time) => {
      const { interview, session } = this.live(await this.lock(scope, ref));
      if (session.state.answered.includes(clientId)) return { status: statusOf(interview), turn: null };
      if (session.state.owed) return OWED;
      const now = time.now().getTime();
      const turn = { id: newId(), role: 'candidate' as const, text, startedAt: iso(Math.min(session.state.lastTurnEnd, now)), endedAt: time.at, ...heard };
      await appendTranscriptTurns(scope, interview.id, [turn]);
      const answered = [...session.state.answered, clientId].slice(-ANSWERED_KEPT);
      const after = await this.record(scope, time, ref, interview, session, { type: 'answer', text, at: now }, { lastTurnEnd: now, answered });
      return { status: statusOf(after), turn };
    });
  }

  /**
   * The room finished saying turn `turnId` (speech ended, or at once when it does not speak): the
   * silence, and the candidate's next answer, start now. Only the interviewer's last stored turn
   * counts — a late report about an earlier one (the candidate answered while it was still being
   * read) changes nothing. Without `turnId` (a page older than it), the last turn is meant.
   */
  spoken(ref: InterviewRef, turnId?: string): Promise<RoomStatus> {
    return this.roomSignal(ref, ({ lastAgentTurnId, lastTurnEnd }, now) =>
      turnId !== undefined && lastAgentTurnId !== undefined && turnId !== lastAgentTurnId
        ? null
        : { input: { type: 'spoken', at: now }, patch: { lastTurnEnd: Math.max(lastTurnEnd, now) } },
    );
  }

  /** The candidate is typing (the room says so now and then): activity, so no nudge and no abandonment meanwhile. */
  typing(ref: InterviewRef): Promise<RoomStatus> {
    return this.roomSignal(ref, (_state, now) => ({ input: { type: 'typing', at: now }, patch: {} }));
  }

  /**
   * A signal of the room between answers, decided in the session unless `step` ignores it; while a
   * turn is owed it is about a turn not said yet (the silence starts after that turn anyway).
   */
  private roomSignal(ref: InterviewRef, step: (state: SessionState, now: number) => { input: EngineInput; patch: Partial<SessionState> } | null): Promise<RoomStatus> {
    return this.serial(ref.interviewId, () =>
      this.transaction(ref, async (scope, time) => {
        const locked = await this.lock(scope, ref);
        if (locked.interview.status !== 'IN_PROGRESS') return statusOf(locked.interview);
        const { interview, session } = this.live(locked);
        const taken = session.state.owed ? null : step(session.state, time.now().getTime());
        if (!taken) return statusOf(interview);
        return statusOf(await this.record(scope, time, ref, interview, session, taken.input, taken.patch));
      }),
    );
  }

  /** The durable timer fired: an owed turn first, then the tick (a nudge, the notice, an end). */
  async tick(ref: InterviewRef): Promise<void> {
    const status = await this.serial(ref.interviewId, async () => {
      await this.streamer.produceOwed(ref);
      return this.transaction(ref, async (scope, time) => {
        const locked = await lockInterviewSession(scope, ref.interviewId);
        if (!locked || locked.interview.status !== 'IN_PROGRESS') return null;
        const { interview, session } = this.live(locked);
        if (session.state.phone?.pausedAt != null) return null; // no call carries it: nothing to say
        // Still owed: its production failed just now; the queue tries the timer again later.
        if (session.state.owed) throw new Error(`interview ${ref.interviewId}: an owed turn could not be produced`);
        return statusOf(await this.record(scope, time, ref, interview, session, { type: 'tick', at: time.now().getTime() }, {}));
      });
    });
    if (status) this.afterDecision(ref, status);
  }

  /** The link's expiry task. */
  async expire(ref: InterviewRef): Promise<void> {
    const failed = await expireLink(this.options.db, this.options.clock, ref);
    if (failed) this.hub.publish(ref.interviewId, { event: 'status', data: statusOf(failed) });
  }

  /**
   * Cancelled or deleted through the API: the turn streaming stops and the room is told (a
   * deleted interview's link is gone whatever its status: `gone`, not a status it may still hold).
   */
  interviewEnded(interviewId: string, status: RoomStatus, deleted = false): void {
    this.streamer.abort(interviewId);
    this.hub.publish(interviewId, deleted ? { event: 'gone', data: {} } : { event: 'status', data: { status: status.status, statusReason: status.statusReason } });
  }

  /** Shutdown: turns streaming stop (they are produced again after the restart), push connections end, the model-call thread too. */
  async close(): Promise<void> {
    this.streamer.abortAll();
    this.hub.closeAll();
    await this.brain.close();
  }

  /**
   * Decides `input` and stores the decision in the caller's transaction: the session (with the
   * turn it owes), the timer, and the end when the engine ends the interview without a word
   * (abandonment). An end with a closing line happens when that line is stored. The phone
   * transport (telephony/phone-interview.ts) feeds the engine through it too.
   */
  async record(
    scope: TxScope,
    time: TransactionClock,
    ref: InterviewRef,
    interview: InterviewRecord,
    session: StoredSession,
    input: EngineInput,
    patch: Partial<SessionState>,
  ): Promise<InterviewRecord> {
    const config = this.configOf(session);
    const decision: Decision = decide(session.state.engine, input, config);
    const owed = decision.intents.length > 0 ? { turnId: newId(), intents: decision.intents, decidedAt: input.at, from: { state: session.state.engine, input }, end: decision.end ?? null } : null;
    const state: SessionState = { ...session.state, ...patch, engine: decision.state, owed };
    let after = interview;
    if (decision.end && !owed) after = await endInterview(scope, time, interview, decision.end, session.context.agent.duration);
    else await setTimer(scope, time, ref, state.engine, owed, config);
    await saveSession(scope, interview.id, { state, modelFailed: session.modelFailed }, time.at);
    return after;
  }

  private afterDecision(ref: InterviewRef, status: RoomStatus): void {
    if (status.status === 'IN_PROGRESS') this.resume(ref);
    else this.hub.publish(ref.interviewId, { event: 'status', data: status });
  }

  private async lock(scope: TxScope, ref: InterviewRef): Promise<Locked> {
    const locked = await lockInterviewSession(scope, ref.interviewId);
    if (!locked) throw errors.notFound('interview link', ref.interviewId);
    return locked;
  }

  /** An interview in progress and its session; anything else takes no input. */
  private live({ interview, session }: Locked): { interview: InterviewRecord; session: StoredSession } {
    if (interview.status !== 'IN_PROGRESS' || !session) throw errors.stateForbids(`This interview is ${interview.status}; it takes no more answers.`, { ...statusOf(interview) });
    return { interview, session };
  }

  /** What the room shows on (re)connecting: the status, the stored transcript, the turn streaming now, the time left. */
  async snapshot(ref: InterviewRef): Promise<RoomSnapshot | null> {
    const scope = new TenantScope(this.options.db, ref.companyId);
    const interview = await findInterview(scope, ref.interviewId);
    if (!interview) return null;
    const session = await loadSession(scope, ref.interviewId);
    const transcript = session ? await transcriptTurnsOf(scope, ref.interviewId) : [];
    const duration = session?.context.agent.duration ?? null;
    const startedAt = interview.startedAt === null ? null : Date.parse(interview.startedAt);
    const remainingMs = duration === null ? null : startedAt === null ? duration * 60_000 : startedAt + duration * 60_000 - this.options.clock.now().getTime();
    return {
      ...statusOf(interview),
      transcript,
      pending: this.hub.pending(ref.interviewId),
      remainingSeconds: remainingMs === null ? null : Math.max(0, Math.ceil(remainingMs / 1000)),
    };
  }
}

export interface RoomSnapshot extends RoomStatus {
  transcript: { id: string; role: 'agent' | 'candidate'; text: string }[];
  pending: { turnId: string; text: string } | null;
  remainingSeconds: number | null;
}

async function transcriptTurnsOf(scope: TenantScope, interviewId: string): Promise<RoomSnapshot['transcript']> {
  const rows = await scope.selectFrom('transcriptTurns').select(['id', 'role', 'text']).where('interviewId', '=', interviewId).orderBy('position').execute();
  return rows.map((row) => ({ id: row.id, role: row.role as 'agent' | 'candidate', text: row.text }));
}
