/**
 * The interviewer's plan, decided by code: `decide(state, input, config)` says what the
 * interviewer does next (intents, in order), whether the interview ends, and when a timer must
 * fire next (`wakeAt`). Pure: no clock, no I/O, no randomness; the state is plain JSON stored
 * with the interview, so a decision replayed from stored state is the same decision.
 *
 * How the session feeds it (one input at a time, in order):
 * - `start {at}` when the candidate starts; a second start (a reload) changes nothing.
 * - `answer {text, at}` for every candidate answer, empty ones included.
 * - `spoken {at}` when the interviewer's last turn that asked something has been fully delivered:
 *   silence (nudge, abandonment) is measured from then. Until it arrives, from when the turn was
 *   decided.
 * - `typing {at}` now and then while the candidate composes an answer: activity, not silence.
 * - `tick {at}` when the durable timer fires (set it to `wakeAt`); an early tick changes nothing.
 */
import {
  abandonDelayMs, deadlineOf, type EngineConfig, followUpFits, noticeMinutes, noticeThresholdMs, nudgeDelayMs, questionCount,
} from './plan.ts';

export type Intent =
  | { type: 'greeting' }
  | { type: 'consent' }
  | { type: 'howItWorks' }
  | { type: 'question'; index: number; transition: 'first' | 'next' | 'last' }
  | { type: 'followUp'; index: number; n: number }
  | { type: 'reprompt'; index: number }
  | { type: 'timeNotice'; minutes: number }
  | { type: 'nudge' }
  | { type: 'closing'; reason: 'completed' | 'timeUp' };

export type EngineInput =
  | { type: 'start'; at: number }
  | { type: 'answer'; text: string; at: number }
  | { type: 'spoken'; at: number }
  | { type: 'typing'; at: number }
  | { type: 'tick'; at: number };

export interface EngineEnd {
  status: 'COMPLETED' | 'FAILED';
  statusReason: 'COMPLETED' | 'TIME_LIMIT' | 'ABANDONED';
}

export interface EngineState {
  phase: 'notStarted' | 'inProgress' | 'ended';
  startedAt: number | null;
  /** The current question (index into the plan's questions). */
  question: number;
  /** When the current question was first asked: its time share starts there. */
  askedAt: number;
  followUps: number;
  reprompted: boolean;
  /** The end of the interviewer's last turn that asked something. */
  silenceSince: number;
  /** That turn was decided but its `spoken` has not arrived yet. */
  awaitingSpoken: boolean;
  nudged: boolean;
  noticeGiven: boolean;
  end: EngineEnd | null;
}

export interface Decision {
  state: EngineState;
  /** The interviewer's turn, in order; empty when nothing is said. */
  intents: Intent[];
  /** Present exactly once: in the decision that ends the interview. */
  end?: EngineEnd;
  /** The next instant a tick matters; null when none will (not started, or ended). */
  wakeAt: number | null;
}

export function initialState(): EngineState {
  return {
    phase: 'notStarted', startedAt: null, question: 0, askedAt: 0, followUps: 0, reprompted: false,
    silenceSince: 0, awaitingSpoken: false, nudged: false, noticeGiven: false, end: null,
  };
}

export function decide(state: EngineState, input: EngineInput, config: EngineConfig): Decision {
  if (state.phase === 'ended') return unchanged(state, config);
  if (state.phase === 'notStarted') return input.type === 'start' ? start(state, input.at, config) : unchanged(state, config);
  switch (input.type) {
    case 'start': return unchanged(state, config);
    case 'spoken': return spoken(state, input.at, config);
    case 'typing': return typing(state, input.at, config);
    case 'answer': return answer(state, input.text, input.at, config);
    case 'tick': return tick(state, input.at, config);
  }
}

/** The next instant a tick matters: the notice, the nudge, abandonment or the deadline. */
export function wakeAtOf(state: EngineState, config: EngineConfig): number | null {
  if (state.phase !== 'inProgress' || state.startedAt === null) return null;
  const deadline = deadlineOf(state.startedAt, config);
  const times = [deadline, state.silenceSince + abandonDelayMs(config)];
  if (!state.noticeGiven) times.push(deadline - noticeThresholdMs(config));
  if (!state.nudged) times.push(state.silenceSince + nudgeDelayMs(config));
  return Math.min(...times);
}

function start(state: EngineState, at: number, config: EngineConfig): Decision {
  const asking = prompted({ ...state, phase: 'inProgress', startedAt: at, question: 0, askedAt: at, followUps: 0, reprompted: false }, at);
  const intents: Intent[] = [{ type: 'greeting' }, { type: 'consent' }, { type: 'howItWorks' }, questionIntent(0, config)];
  return decided(asking, intents, config);
}

function spoken(state: EngineState, at: number, config: EngineConfig): Decision {
  if (!state.awaitingSpoken) return unchanged(state, config);
  return decided({ ...state, silenceSince: Math.max(state.silenceSince, at), awaitingSpoken: false }, [], config);
}

/** The candidate is composing an answer: the silence (and its one nudge) starts again from now. */
function typing(state: EngineState, at: number, config: EngineConfig): Decision {
  if (at <= state.silenceSince) return unchanged(state, config);
  return decided({ ...state, silenceSince: at, nudged: false }, [], config);
}

function answer(state: EngineState, text: string, at: number, config: EngineConfig): Decision {
  const deadline = deadlineOf(started(state), config);
  if (at >= deadline) return ended(state, 'TIME_LIMIT');
  // Every answer is followed by a prompt (a new silence, with its own nudge) or by the end.
  if (text.trim() === '') {
    // One reprompt per question, and only for the question itself: an empty answer to a
    // follow-up, or a second empty answer, moves on.
    if (state.reprompted || state.followUps > 0) return moveOn(state, at, deadline, config);
    return ask({ ...state, reprompted: true }, { type: 'reprompt', index: state.question }, at, deadline, config);
  }
  if (followUpFits({ index: state.question, askedAt: state.askedAt, followUps: state.followUps }, at, deadline, config)) {
    const n = state.followUps + 1;
    return ask({ ...state, followUps: n }, { type: 'followUp', index: state.question, n }, at, deadline, config);
  }
  return moveOn(state, at, deadline, config);
}

function moveOn(state: EngineState, at: number, deadline: number, config: EngineConfig): Decision {
  const index = state.question + 1;
  if (index >= questionCount(config)) return ended(state, 'COMPLETED');
  const next = { ...state, question: index, askedAt: at, followUps: 0, reprompted: false };
  return ask(next, questionIntent(index, config), at, deadline, config);
}

/** A turn that asks something, preceded by the time notice when it has become due. */
function ask(state: EngineState, worded: Intent, at: number, deadline: number, config: EngineConfig): Decision {
  const intents: Intent[] = [];
  const next = noticeIfDue(prompted(state, at), intents, at, deadline, config);
  intents.push(worded);
  return decided(next, intents, config);
}

/** Adds the time notice to the turn once, when at most the notice threshold remains. */
function noticeIfDue(state: EngineState, intents: Intent[], at: number, deadline: number, config: EngineConfig): EngineState {
  if (state.noticeGiven || deadline - at > noticeThresholdMs(config)) return state;
  intents.push({ type: 'timeNotice', minutes: noticeMinutes(deadline - at) });
  return { ...state, noticeGiven: true };
}

function tick(state: EngineState, at: number, config: EngineConfig): Decision {
  // Each event below is due exactly when wakeAtOf() says: a tick before wakeAt changes nothing.
  const deadline = deadlineOf(started(state), config);
  const abandonAt = state.silenceSince + abandonDelayMs(config);
  // Whichever end came first wins (a late tick may find both due); a tie is the time limit.
  if (at >= Math.min(deadline, abandonAt)) return ended(state, abandonAt < deadline ? 'ABANDONED' : 'TIME_LIMIT');
  const intents: Intent[] = [];
  let next = state;
  if (!state.nudged && at >= state.silenceSince + nudgeDelayMs(config)) {
    intents.push({ type: 'nudge' });
    next = { ...next, nudged: true };
  }
  return decided(noticeIfDue(next, intents, at, deadline, config), intents, config);
}

function questionIntent(index: number, config: EngineConfig): Intent {
  const transition = index === 0 ? 'first' : index === questionCount(config) - 1 ? 'last' : 'next';
  return { type: 'question', index, transition };
}

/** The interviewer has just asked something: a new silence begins. */
function prompted(state: EngineState, at: number): EngineState {
  return { ...state, silenceSince: at, awaitingSpoken: true, nudged: false };
}

function ended(state: EngineState, reason: EngineEnd['statusReason']): Decision {
  const end: EngineEnd = { status: reason === 'ABANDONED' ? 'FAILED' : 'COMPLETED', statusReason: reason };
  const intents: Intent[] =
    reason === 'ABANDONED' ? [] : [{ type: 'closing', reason: reason === 'COMPLETED' ? 'completed' : 'timeUp' }];
  return { state: { ...state, phase: 'ended', awaitingSpoken: false, end }, intents, end, wakeAt: null };
}

function decided(state: EngineState, intents: Intent[], config: EngineConfig): Decision {
  return { state, intents, wakeAt: wakeAtOf(state, config) };
}

function unchanged(state: EngineState, config: EngineConfig): Decision {
  return decided(state, [], config);
}

function started(state: EngineState): number {
  if (state.startedAt === null) throw new Error('engine: an interview in progress has no start time');
  return state.startedAt;
}
