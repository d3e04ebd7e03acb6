/**
 * A brain words the interviewer's turn that the engine decided. It never decides what comes next:
 * the intents say it. Fixed intents are always said from the lines, by every brain.
 */
import type { Agent } from '../../../agents/schema.ts';
import type { TranscriptTurn } from '../../schema.ts';
import type { Intent } from '../engine/engine.ts';
import type { Lines } from '../lines/lines.ts';

/** What of the agent the runtime uses. */
export type AgentForRuntime = Pick<Agent, 'name' | 'focus' | 'language' | 'cefrLevel' | 'questions' | 'instructions' | 'duration' | 'voiceId'>;

export interface TurnRequest {
  /** One decision's intents, in order; at most one is worded (question, followUp or reprompt), and it is last. */
  intents: Intent[];
  agent: AgentForRuntime;
  companyName: string;
  candidateName: string;
  /** The interview so far, this turn excluded. */
  transcript: TranscriptTurn[];
  /** The lines of the agent's language (`linesFor(agent.language)`). */
  lines: Lines;
}

export interface Brain {
  readonly kind: 'model' | 'structured';
  /** The model's name; null for the structured brain. */
  readonly model: string | null;
  /** The turn's text in chunks, in order; their concatenation is the whole turn. */
  speak(request: TurnRequest, signal: AbortSignal): AsyncIterable<string>;
}
