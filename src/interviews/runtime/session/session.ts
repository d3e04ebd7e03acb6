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
import { type StepTime, TransactionClock } from '../../../db/feed-clock.ts';
import type { DB } from '../../../db/schema.ts';
import { TenantScope, type TxScope } from '../../../db/tenant-scope.ts';
import { companyStep, companyTransaction } from '../../../db/transaction.ts';
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

/**
 * A decision as committed: the interview and its session after it. A step that commits one hands
 * it to the interview's next serial step only, so the turn it owes is produced without reading
 * them again; any other step in between drops it (that one reads). The turn is stored only if
 * it is still owed then, so a session another process moved meanwhile loses nothing.
 */
export interface Decided {
  interview: InterviewRecord;
  session: StoredSession;
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
  /** What the last step of an interview committed, for the next step only (see `Decided`). */
  private readonly handedOver = new Map<string, Decided>();
  private readonly streamer: TurnStreamer;

  constructor(readonly options: InterviewSessionsOptions) {
    this.streamer = new TurnStreamer(this, this.hub);
  }

  get brain(): BrainChoice {
    return this.options.brain;
  }

  /**
   * Runs `step` after every step queued before it for this interview (in this process), with the
   * decision the step right before it handed over, if any.
   */
  serial<T>(interviewId: string, step: (handed: Decided | undefined) => Promise<T>): Promise<T> {
    const result = (this.chains.get(interviewId) ?? Promise.resolve()).then(() => {
      const handed = this.handedOver.get(interviewId);
      this.handedOver.delete(interviewId);
      return step(handed);
    });
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

  /** A step that may move the interview (its status is in the interviews feed): with the feed's clock. */
  transaction<T>(ref: InterviewRef, fn: (scope: TxScope, time: TransactionClock) => Promise<T>): Promise<T> {
    return companyTransaction(this.options.clock, { scope: new TenantScope(this.options.db, ref.companyId) }, fn);
  }

  /** A step that cannot move the interview (an answer, `spoken`, a turn that ends nothing): no feed clock. */
  step<T>(ref: InterviewRef, fn: (scope: TxScope, time: StepTime) => Promise<T>): Promise<T> {
    return companyStep(this.options.clock, new TenantScope(this.options.db, ref.companyId), fn);
  }

  /** The engine configuration of a session: follow-ups only while the model interviewer speaks. */
  configOf(session: StoredSession) {
    return engineConfigOf(session.context, this.options.rules, this.brain.kind === 'model' && !session.modelFailed);
  }

  /** Produces the owed turn, if any, after the steps already queued (a room connected, an input was decided). */
  resume(ref: InterviewRef): void {
    if (this.kicked.has(ref.interviewId)) return;
    this.kicked.add(ref.interviewId);
    void this.serial(ref.interviewId, async (handed) => {
      this.kicked.delete(ref.interviewId);
      await this.streamer.produceOwed(ref, handed);
    }).catch((err: unknown) => this.options.log.error({ err, interviewId: ref.interviewId }, 'interviewer turn not produced; the next input, connection or timer produces it'));
  }

  /** Start: SCHEDULED → IN_PROGRESS and the opening turn; a second Start (a reload) changes nothing. */
  async start(ref: InterviewRef): Promise<RoomStatus> {
    const decided = await this.serial(ref.interviewId, async () => {
      const outcome = await this.transaction(ref, async (scope, time): Promise<Decided | RoomStatus> => {
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
        return this.record(scope, time, ref, started, blank, { type: 'start', at: now }, {});
      });
      return 'session' in outcome ? this.handOver(ref, outcome) : outcome;
    });
    if (!('session' in decided)) return decided;
    const status = statusOf(decided.interview);
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
      let taken = await this.takeAnswer(ref, text, clientId, heard);
      if (taken === OWED) {
        await this.streamer.produceOwed(ref);
        taken = await this.takeAnswer(ref, text, clientId, heard);
        if (taken === OWED) throw errors.conflict('The interviewer is still speaking; send the answer again in a moment.');
      }
      if (taken.decided) this.handOver(ref, taken.decided);
      return taken;
    });
    if (!outcome.decided) return statusOf(outcome.interview);
    this.hub.publish(ref.interviewId, { event: 'turn-end', data: { turnId: outcome.turn.id, role: 'candidate', text } });
    this.afterDecision(ref, outcome.decided);
    return statusOf(outcome.decided.interview);
  }

  private takeAnswer(
    ref: InterviewRef, text: string, clientId: string, heard: Heard | undefined,
  ): Promise<typeof OWED | { decided: Decided; turn: { id: string } } | { decided: null; interview: InterviewRecord }> {
    return this.step(ref, async (scope, time) => {
      const { interview, session } = this.live(await this.lock(scope, ref));
      if (session.state.answered.includes(clientId)) return { decided: null, interview };
      if (session.state.owed) return OWED;
      const now = time.now().getTime();
      const turn = { id: newId(), role: 'candidate' as const, text, startedAt: iso(Math.min(session.state.lastTurnEnd, now)), endedAt: time.at, ...heard };
      await appendTranscriptTurns(scope, interview.id, [turn]);
      const answered = [...session.state.answered, clientId].slice(-ANSWERED_KEPT);
      return { decided: await this.record(scope, time, ref, interview, session, { type: 'answer', text, at: now }, { lastTurnEnd: now, answered }), turn };
    });
  }

  /** The room finished saying the last turn (speech ended, or at once when it does not speak). */
  async spoken(ref: InterviewRef): Promise<RoomStatus> {
    return this.serial(ref.interviewId, () =>
      this.step(ref, async (scope, time) => {
        const locked = await this.lock(scope, ref);
        if (locked.interview.status !== 'IN_PROGRESS') return statusOf(locked.interview);
        const { interview, session } = this.live(locked);
        if (session.state.owed) return statusOf(interview); // about a turn not said yet
        return statusOf((await this.record(scope, time, ref, interview, session, { type: 'spoken', at: time.now().getTime() }, {})).interview);
      }),
    );
  }

  /** The durable timer fired: an owed turn first, then the tick (a nudge, the notice, an end). */
  async tick(ref: InterviewRef): Promise<void> {
    const decided = await this.serial(ref.interviewId, async () => {
      await this.streamer.produceOwed(ref);
      const outcome = await this.transaction(ref, async (scope, time) => {
        const locked = await lockInterviewSession(scope, ref.interviewId);
        if (!locked || locked.interview.status !== 'IN_PROGRESS') return null;
        const { interview, session } = this.live(locked);
        if (session.state.phone?.pausedAt != null) return null; // no call carries it: nothing to say
        // Still owed: its production failed just now; the queue tries the timer again later.
        if (session.state.owed) throw new Error(`interview ${ref.interviewId}: an owed turn could not be produced`);
        return this.record(scope, time, ref, interview, session, { type: 'tick', at: time.now().getTime() }, {});
      });
      return outcome && this.handOver(ref, outcome);
    });
    if (decided) this.afterDecision(ref, decided);
  }

  /** The link's expiry task. */
  async expire(ref: InterviewRef): Promise<void> {
    const failed = await expireLink(this.options.db, this.options.clock, ref);
    if (failed) this.hub.publish(ref.interviewId, { event: 'status', data: statusOf(failed) });
  }

  /** Cancelled or deleted through the API: the turn streaming stops and the room is told. */
  interviewEnded(interviewId: string, status: RoomStatus): void {
    this.handedOver.delete(interviewId);
    this.streamer.abort(interviewId);
    this.hub.publish(interviewId, { event: 'status', data: { status: status.status, statusReason: status.statusReason } });
  }

  /** Shutdown: turns streaming stop (they are produced again after the restart) and push connections end. */
  close(): void {
    this.streamer.abortAll();
    this.hub.closeAll();
  }

  /**
   * Decides `input` and stores the decision in the caller's transaction: the session (with the
   * turn it owes), the timer, and the end when the engine ends the interview without a word
   * (abandonment). An end with a closing line happens when that line is stored. The phone
   * transport (telephony/phone-interview.ts) feeds the engine through it too.
   */
  async record(
    scope: TxScope,
    time: StepTime,
    ref: InterviewRef,
    interview: InterviewRecord,
    session: StoredSession,
    input: EngineInput,
    patch: Partial<SessionState>,
  ): Promise<Decided> {
    const config = this.configOf(session);
    const decision: Decision = decide(session.state.engine, input, config);
    const owed = decision.intents.length > 0 ? { turnId: newId(), intents: decision.intents, decidedAt: input.at, from: { state: session.state.engine, input }, end: decision.end ?? null } : null;
    const state: SessionState = { ...session.state, ...patch, engine: decision.state, owed };
    let after = interview;
    if (decision.end && !owed) {
      // Only a tick ends without a word (abandonment), and ticks run with the feed's clock.
      if (!(time instanceof TransactionClock)) throw new Error(`interview ${interview.id}: a ${input.type} ended the interview in a step without the feed's clock`);
      after = await endInterview(scope, time, interview, decision.end, session.context.agent.duration);
    } else await setTimer(scope, time, ref, state.engine, owed, config);
    await saveSession(scope, interview.id, { state, modelFailed: session.modelFailed }, time.at);
    return { interview: after, session: { ...session, state } };
  }

  /** Inside a step, once its decision is committed. */
  private handOver(ref: InterviewRef, decided: Decided): Decided {
    if (decided.session.state.owed) this.handedOver.set(ref.interviewId, decided);
    return decided;
  }

  private afterDecision(ref: InterviewRef, decided: Decided): void {
    if (decided.interview.status === 'IN_PROGRESS') this.resume(ref);
    else this.hub.publish(ref.interviewId, { event: 'status', data: statusOf(decided.interview) });
  }

  private async lock(scope: TxScope, ref: InterviewRef): Promise<Locked> {
    const locked = await lockInterviewSession(scope, ref.interviewId);
    if (!locked) throw errors.notFound('interview link', ref.interviewId);
    return locked;
  }

  /** An interview in progress and its session; anything else takes no input. */
  private live({ interview, session }: Locked): Decided {
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
