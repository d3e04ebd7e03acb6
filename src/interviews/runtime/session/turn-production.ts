/**
 * Producing one owed interviewer turn: the brain streams it (outside any transaction), every
 * chunk goes to the room as it comes, and the whole text is what gets stored. When the model
 * fails on a follow-up, nothing stands in for it: the same input is decided again without
 * follow-ups, and the structured wording of that decision finishes the turn.
 */
import type { TranscriptTurn } from '../../schema.ts';
import type { TurnRequest } from '../brains/brain.ts';
import type { ModelFailure } from '../brains/model.ts';
import { joinSpoken, structuredBrain, structuredText } from '../brains/structured.ts';
import { decide, type EngineEnd, type EngineState, type Intent } from '../engine/engine.ts';
import { linesFor } from '../lines/lines.ts';
import type { BrainChoice } from './brain-choice.ts';
import { engineConfigOf, type OwedTurn, questionIndexOf, type SessionContext, type SilenceRules } from './session-state.ts';

export interface ProducedTurn {
  /** Exactly what the room was sent. */
  text: string;
  /** The engine's state when the turn was decided again (a follow-up the model failed to word), else null. */
  engine: EngineState | null;
  end: EngineEnd | null;
  questionIndex: number | null;
  /** The model interviewer has failed (in this turn or before): the structured one speaks from now on. */
  modelFailed: boolean;
  failure: ModelFailure | null;
}

export interface TurnProduction {
  owed: OwedTurn;
  context: SessionContext;
  /** The interview so far, this turn excluded. */
  transcript: TranscriptTurn[];
  brain: BrainChoice;
  modelFailed: boolean;
  rules: SilenceRules;
  emit(chunk: string): void;
  signal: AbortSignal;
}

export async function produceTurn(production: TurnProduction): Promise<ProducedTurn> {
  const { owed, context, signal } = production;
  let failure: ModelFailure | null = null;
  const brain = production.modelFailed ? structuredBrain : production.brain.forTurn((f) => (failure ??= f));
  const request: TurnRequest = { ...context, intents: owed.intents, transcript: production.transcript, lines: linesFor(context.agent.language) };
  let text = '';
  const say = (chunk: string) => {
    if (chunk === '') return;
    text += chunk;
    production.emit(chunk);
  };
  for await (const chunk of brain.speak(request, signal)) say(chunk);

  let engine: EngineState | null = null;
  let end = owed.end;
  let intents: Intent[] = owed.intents;
  const failed = failure as ModelFailure | null;
  if (failed?.intent.type === 'followUp') {
    const again = decide(owed.from.state, owed.from.input, engineConfigOf(context, production.rules, false));
    // The same state and input make the same time notice: it was said already.
    const rest = again.intents.filter((intent) => intent.type !== 'timeNotice');
    const more = structuredText({ ...request, intents: rest });
    say(joinSpoken(context.agent.language, [text, more]).slice(text.length));
    engine = again.state;
    end = again.end ?? null;
    intents = [...owed.intents.filter((intent) => intent.type !== 'followUp'), ...rest];
  }
  return { text, engine, end, questionIndex: questionIndexOf(intents), modelFailed: production.modelFailed || failed !== null, failure: failed };
}
