/**
 * Producing one owed interviewer turn: the brain streams it (outside any transaction), every
 * chunk goes to the room as it comes, and the whole text is what gets stored. A follow-up is the
 * model's alone: when the model fails on one, or one is owed when no model speaks any more,
 * nothing stands in for it: the same input is decided again without follow-ups, and the
 * structured wording of that decision says (or finishes) the turn.
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
  const structuredOnly = production.modelFailed || production.brain.kind !== 'model';
  // No model speaks any more (it failed before, or LLM_* went away across a restart).
  const plan = structuredOnly && owed.intents.some((intent) => intent.type === 'followUp') ? withoutFollowUps(production) : { intents: owed.intents, engine: null, end: owed.end };
  const brain = structuredOnly ? structuredBrain : production.brain.forTurn((f) => (failure ??= f));
  const request: TurnRequest = { ...context, intents: plan.intents, transcript: production.transcript, lines: linesFor(context.agent.language) };
  let text = '';
  const say = (chunk: string) => {
    if (chunk === '') return;
    text += chunk;
    production.emit(chunk);
  };
  for await (const chunk of brain.speak(request, signal)) say(chunk);

  let { engine, end, intents } = plan;
  const failed = failure as ModelFailure | null;
  if (failed?.intent.type === 'followUp') {
    const again = withoutFollowUps(production);
    // The same state and input make the same time notice: it was said already.
    const rest = again.intents.filter((intent) => intent.type !== 'timeNotice');
    // The separator and the rest; a trailing space of a broken answer was streamed already and stands for it.
    const more = joinSpoken(context.agent.language, [text, structuredText({ ...request, intents: rest })]).slice(text.length);
    say(/\s$/.test(text) ? more.trimStart() : more);
    ({ engine, end } = again);
    intents = [...owed.intents.filter((intent) => intent.type !== 'followUp'), ...rest];
  }
  return { text, engine, end, questionIndex: questionIndexOf(intents), modelFailed: production.modelFailed || failed !== null, failure: failed };
}

/**
 * The owed turn's input decided again as if no model spoke: what the turn says instead of a
 * follow-up (the next question, or the closing), with the engine state and end that go with it.
 */
function withoutFollowUps(production: TurnProduction): { intents: Intent[]; engine: EngineState; end: EngineEnd | null } {
  const { owed, context, rules } = production;
  const again = decide(owed.from.state, owed.from.input, engineConfigOf(context, rules, false));
  return { intents: again.intents, engine: again.state, end: again.end ?? null };
}
