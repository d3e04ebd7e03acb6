/**
 * What a live interview's session keeps in `interview_sessions.state` (JSON, rewritten at every
 * step): the engine's state, the turn it owes, the answers already taken. What of the agent,
 * company and candidate the interviewer uses is pinned at Start in `interview_sessions.context`
 * (written once), so an agent edited mid-interview does not change it.
 */
import type { AgentForRuntime } from '../brains/brain.ts';
import type { EngineEnd, EngineInput, EngineState, Intent } from '../engine/engine.ts';
import type { EngineConfig } from '../engine/plan.ts';

/**
 * A turn the engine decided and that is not stored yet. It is produced (again, after a restart)
 * until it is stored, always under the same id, so it is stored once.
 */
export interface OwedTurn {
  turnId: string;
  intents: Intent[];
  /** When it was decided (epoch ms): the turn starts there. */
  decidedAt: number;
  /** The state and input it was decided from: a follow-up the model fails to word is decided again without follow-ups. */
  from: { state: EngineState; input: EngineInput };
  /** The interview ends once this turn (the closing line) is stored. */
  end: EngineEnd | null;
}

export interface SessionContext {
  agent: AgentForRuntime;
  companyName: string;
  candidateName: string;
}

export interface SessionState {
  engine: EngineState;
  owed: OwedTurn | null;
  /** The end of the last stored turn, or of its speech in the room (epoch ms): a candidate's answer starts there. */
  lastTurnEnd: number;
  /** The interviewer's last stored turn: the only one whose `spoken` counts (absent in sessions older than it). */
  lastAgentTurnId?: string;
  /** `clientId`s of the latest answers taken: a resent answer is taken once. */
  answered: string[];
  /** A PHONE interview: the call attempt carrying it, and since when no call has (the candidate hung up). */
  phone?: PhoneCallState;
}

export interface PhoneCallState {
  attemptId: string;
  /** Epoch ms; null while the call is up. The engine's clock is moved on by the pause when a call resumes it. */
  pausedAt: number | null;
}

/** How many answer ids are remembered: far more than a client ever resends. */
export const ANSWERED_KEPT = 50;

/** The silence rules of the deployment (§13). */
export interface SilenceRules {
  idleNudgeSeconds: number;
  abandonMinutes: number;
}

/** The engine's configuration for this session: no follow-ups once only the structured wording speaks. */
export function engineConfigOf(context: SessionContext, rules: SilenceRules, followUps: boolean): EngineConfig {
  const { agent } = context;
  return {
    questions: agent.questions,
    focus: agent.focus,
    durationMinutes: agent.duration,
    ...(followUps ? {} : { maxFollowUps: 0 }),
    idleNudgeSeconds: rules.idleNudgeSeconds,
    abandonMinutes: rules.abandonMinutes,
  };
}

/** The plan question a turn asks (the analysis pairs answers with it), or null. */
export function questionIndexOf(intents: readonly Intent[]): number | null {
  const asked = intents.find((intent) => intent.type === 'question');
  return asked?.type === 'question' ? asked.index : null;
}
