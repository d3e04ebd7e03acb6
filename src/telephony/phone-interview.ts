/**
 * The spoken interview (issue 14): the one engine and session of the room, reached through a
 * phone call instead. A person answering starts the interview (or resumes it where the last call
 * stopped, §10); each recognised answer is fed to the session like a typed one (stored with its
 * confidence, `channel: "phone"`); what the interviewer says next is the stored turn, said with
 * `<Say>` inside a `<Gather input="speech">` whose action names the turn it answers (a replayed
 * Gather is the same answer, taken once). The closing line is said, then `<Hangup>`. No brain
 * runs inside a transaction: turns are produced by the session, outside, before the TwiML is sent.
 */
import type { Kysely } from 'kysely';
import { newId } from '../core/ids.ts';
import type { TransactionClock } from '../db/feed-clock.ts';
import { literalLimit } from '../db/literal-limit.ts';
import type { DB } from '../db/schema.ts';
import { TenantScope, type TxScope } from '../db/tenant-scope.ts';
import { AppError } from '../errors/catalogue.ts';
import { findInterview, findInterviewForUpdate, type InterviewRecord } from '../interviews/repository.ts';
import { initialState, type Intent } from '../interviews/runtime/engine/engine.ts';
import { linesFor, render } from '../interviews/runtime/lines/lines.ts';
import { questionCount } from '../interviews/runtime/engine/plan.ts';
import { setTimer } from '../interviews/runtime/session/lifecycle.ts';
import type { InterviewSessions } from '../interviews/runtime/session/session.ts';
import type { SessionState } from '../interviews/runtime/session/session-state.ts';
import { insertSession, loadContext, loadSession, saveSession, type StoredSession } from '../interviews/runtime/session/session-store.ts';
import { cancelLinkExpiry, type InterviewRef } from '../interviews/runtime/session/session-tasks.ts';
import { moveInterview } from '../interviews/transitions.ts';
import type { PhoneConversation } from './phone-conversation.ts';
import { callbackUrl } from './twilio/callback-urls.ts';
import { hangUpNow, sayAndHangUp, sayAndListen, sayAndRedirect } from './twilio/twiml.ts';
import { speechSettings } from './twilio/voices.ts';

export interface PhoneInterviewDeps {
  db: Kysely<DB>;
  sessions: InterviewSessions;
  /** Where Twilio reaches this server (`PUBLIC_URL`): the Gather actions are built on it. */
  publicUrl: string;
}

/** The query parameter of a Gather action naming the interviewer turn it answers. */
export const ANSWERING_PARAM = 'turn';

/** The Gather action for an answer to `turnId`. */
export function gatherUrl(publicUrl: string, attemptId: string, turnId: string): string {
  return `${callbackUrl(publicUrl, attemptId, 'gather')}?${ANSWERING_PARAM}=${encodeURIComponent(turnId)}`;
}

/** The interview of a call attempt, by the attempt's id alone (the callback's signature is its credential). */
async function refOfAttempt(db: Kysely<DB>, attemptId: string): Promise<InterviewRef | null> {
  const row = await db.selectFrom('callAttempts').select(['companyId', 'interviewId']).where('id', '=', attemptId).where('deletedAt', 'is', null).executeTakeFirst();
  return row ?? null;
}

/** The turn that resumes a dropped interview: a greeting, then the question it stopped at, asked again. */
function resumeIntents(question: number, count: number): Intent[] {
  const transition = question === 0 ? 'first' : question === count - 1 ? 'last' : 'next';
  return [{ type: 'greeting' }, { type: 'question', index: question, transition }];
}

export class PhoneInterviews implements PhoneConversation {
  constructor(private readonly deps: PhoneInterviewDeps) {}

  async onAnswered(attemptId: string): Promise<string> {
    const ref = await refOfAttempt(this.deps.db, attemptId);
    if (!ref) return hangUpNow();
    const { sessions } = this.deps;
    const taken = await sessions.serial(ref.interviewId, () => sessions.transaction(ref, (scope, time) => this.takeCall(scope, time, ref, attemptId)));
    if (!taken) return this.reply(ref, attemptId);
    sessions.resume(ref);
    await sessions.settled(ref.interviewId);
    return this.reply(ref, attemptId);
  }

  async onSpeech(attemptId: string, text: string, confidence: number | null, answering?: string | null): Promise<string> {
    const ref = await refOfAttempt(this.deps.db, attemptId);
    if (!ref) return hangUpNow();
    const session = await loadSession(new TenantScope(this.deps.db, ref.companyId), ref.interviewId);
    if (session?.state.phone?.attemptId !== attemptId) return this.reply(ref, attemptId);
    // Answers to the same interviewer turn are one answer: Twilio may post a Gather result twice.
    const clientId = answering ? `phone:${answering}` : `phone:${newId()}`;
    try {
      await this.deps.sessions.answer(ref, text.trim(), clientId, { channel: 'phone', confidence });
    } catch (error) {
      // Ended meanwhile, or the turn before is still owed: what the call says next is decided below.
      if (!(error instanceof AppError)) throw error;
    }
    await this.deps.sessions.settled(ref.interviewId);
    return this.reply(ref, attemptId);
  }

  /** CALL_VOICEMAIL_MESSAGE: a short message in the agent's language asking the candidate to call the company's number back. */
  async onVoicemail(attemptId: string): Promise<string> {
    const ref = await refOfAttempt(this.deps.db, attemptId);
    if (!ref) return hangUpNow();
    const scope = new TenantScope(this.deps.db, ref.companyId);
    const interview = await findInterview(scope, ref.interviewId);
    const agent = interview ? await scope.selectFrom('agents').select(['language', 'voiceId']).where('id', '=', interview.agentId).executeTakeFirst() : undefined;
    const company = await scope.db.selectFrom('companies').select('name').where('id', '=', ref.companyId).executeTakeFirst();
    if (!agent || !company) return hangUpNow();
    const message = render(linesFor(agent.language).voicemailCallBack, { companyName: company.name });
    return sayAndHangUp(message, speechSettings(agent.language, agent.voiceId));
  }

  /**
   * In the interview's transaction: a first answer starts the interview (SCHEDULED →
   * IN_PROGRESS); an interview a dropped call left IN_PROGRESS is resumed by this call, its
   * engine's clock moved on by the pause; the same call answered again changes nothing.
   */
  private async takeCall(scope: TxScope, time: TransactionClock, ref: InterviewRef, attemptId: string): Promise<boolean> {
    const interview = await findInterviewForUpdate(scope, ref.interviewId);
    const attempt = await scope.selectFrom('callAttempts').select('status').where('id', '=', attemptId).executeTakeFirst();
    if (!interview || attempt?.status !== 'IN_PROGRESS') return false;
    if (interview.status === 'SCHEDULED') return this.start(scope, time, ref, interview, attemptId);
    if (interview.status !== 'IN_PROGRESS') return false;
    const session = await loadSession(scope, interview.id);
    if (!session) return false;
    if (session.state.phone?.attemptId === attemptId) return true;

    const now = time.now().getTime();
    const paused = Math.max(0, now - (session.state.phone?.pausedAt ?? now));
    const before = session.state.engine;
    const shift = (at: number | null) => (at === null ? null : at + paused);
    const engine = { ...before, startedAt: shift(before.startedAt), askedAt: before.askedAt + paused, followUps: 0, reprompted: false, silenceSince: now, awaitingSpoken: true, nudged: false };
    const config = this.deps.sessions.configOf(session);
    const owed = { turnId: newId(), intents: resumeIntents(engine.question, questionCount(config)), decidedAt: now, from: { state: engine, input: { type: 'tick' as const, at: now } }, end: null };
    const state: SessionState = { ...session.state, engine, owed, lastTurnEnd: now, phone: { attemptId, pausedAt: null } };
    await setTimer(scope, time, ref, engine, owed, config);
    await saveSession(scope, interview.id, { state, modelFailed: session.modelFailed }, time.at);
    return true;
  }

  private async start(scope: TxScope, time: TransactionClock, ref: InterviewRef, interview: InterviewRecord, attemptId: string): Promise<boolean> {
    const loaded = await loadContext(scope, interview);
    if (!loaded) return false;
    const { agentRecord: _agent, ...context } = loaded;
    const now = time.now().getTime();
    const started = await moveInterview(scope, time, interview, 'IN_PROGRESS');
    await cancelLinkExpiry(scope.db, time, interview.id);
    const session: StoredSession = { context, state: { engine: initialState(), owed: null, lastTurnEnd: now, answered: [], phone: { attemptId, pausedAt: null } }, modelFailed: false };
    await insertSession(scope, interview.id, session, time.at);
    await this.deps.sessions.record(scope, time, ref, started, session, { type: 'start', at: now }, {});
    return true;
  }

  /**
   * What the call says now: the interviewer's last turn, listening for the answer while the
   * interview goes on, or said before hanging up once it has ended. A turn not produced yet
   * (the model stalled) is asked for again through the answer URL.
   */
  private async reply(ref: InterviewRef, attemptId: string): Promise<string> {
    const scope = new TenantScope(this.deps.db, ref.companyId);
    const [interview, session] = await Promise.all([findInterview(scope, ref.interviewId), loadSession(scope, ref.interviewId)]);
    if (!interview || !session) return hangUpNow();
    const speech = speechSettings(session.context.agent.language, session.context.agent.voiceId);
    const last = await scope
      .selectFrom('transcriptTurns')
      .select(['id', 'role', 'text'])
      .where('interviewId', '=', ref.interviewId)
      .orderBy('position', 'desc')
      .limit(literalLimit(1))
      .executeTakeFirst();
    const said = last?.role === 'agent' ? last : null;
    const onThisCall = session.state.phone?.attemptId === attemptId;
    // Completed: its last turn is the closing line. Any other end (cancelled, abandoned) says nothing more.
    if (interview.status !== 'IN_PROGRESS' || !onThisCall) return sayAndHangUp(interview.status === 'COMPLETED' ? (said?.text ?? null) : null, speech);
    if (!said) return sayAndRedirect(null, speech, callbackUrl(this.deps.publicUrl, attemptId, 'answer'));
    return sayAndListen(said.text, speech, gatherUrl(this.deps.publicUrl, attemptId, said.id));
  }
}
