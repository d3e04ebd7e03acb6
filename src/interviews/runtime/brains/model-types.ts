/**
 * The seam between the model brain and the structured wording: how one intent is said, split
 * where a model takes over.
 */
import type { Intent } from '../engine/engine.ts';
import type { TurnRequest } from './brain.ts';

export type { AgentForRuntime, Brain, TurnRequest } from './brain.ts';
export type { Intent } from '../engine/engine.ts';
export type { Lines } from '../lines/lines.ts';
export type { TranscriptTurn } from '../../schema.ts';

/**
 * `fixed` is said as it is by every brain (a fixed intent's line; for `question` its transition
 * line, "Let's begin."; '' for `followUp`), `worded` is the part a model words (`question`: the
 * question as written) or null for a fixed intent.
 */
export type IntentWording = (intent: Intent, request: TurnRequest) => { fixed: string; worded: string | null };
