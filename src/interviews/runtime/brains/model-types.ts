/**
 * The runtime types the model brain and the evaluators rely on, mirroring DESIGN13.md ("Engine",
 * "Brains"). They stand in for `brains/brain.ts` and `engine/` while those are written in
 * parallel; at integration these definitions are replaced by re-exports of the real ones.
 */
import type { Agent } from '../../../agents/schema.ts';
import type { TranscriptTurn } from '../../schema.ts';

export type { TranscriptTurn };

/** What the runtime needs of an agent. */
export type AgentForRuntime = Pick<Agent, 'name' | 'focus' | 'language' | 'questions' | 'instructions' | 'voiceId' | 'cefrLevel' | 'duration'>;

/** One thing the interviewer does in a turn; a turn is a list of them, in order. */
export type Intent =
  | { kind: 'greeting' }
  | { kind: 'consent' }
  | { kind: 'howItWorks' }
  | { kind: 'question'; index: number; transition: 'first' | 'next' | 'last' }
  | { kind: 'followUp'; index: number; n: number }
  | { kind: 'reprompt'; index: number }
  | { kind: 'timeNotice'; minutes: number }
  | { kind: 'nudge' }
  | { kind: 'closing'; reason: 'completed' | 'timeUp' };

/** The fixed lines of one language (`lines/lines.ts`); the model brain reads none directly. */
export type Lines = Record<string, string>;

export interface TurnRequest {
  intents: Intent[];
  agent: AgentForRuntime;
  companyName: string;
  candidateName: string;
  transcript: TranscriptTurn[];
  lines: Lines;
}

export interface Brain {
  readonly kind: 'model' | 'structured';
  readonly model: string | null;
  /** The turn's text, in chunks, as it is produced. */
  speak(request: TurnRequest, signal: AbortSignal): AsyncIterable<string>;
}

/**
 * How the structured brain words one intent, split where a model takes over: `fixed` is said as
 * it is by every brain (a fixed intent's line; for `question` its transition line, "Let's
 * begin."; '' for `followUp`), `worded` is the part a model words (`question`: the question as
 * written; `followUp`: the structured follow-up) or null for a fixed intent.
 */
export type IntentWording = (intent: Intent, request: TurnRequest) => { fixed: string; worded: string | null };
