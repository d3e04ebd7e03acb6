/**
 * The structured brain (no model): the fixed lines and the questions as written. Its wording of
 * the fixed intents is also every brain's: a model brain yields `fixedPrefix()` first and words
 * only the last intent.
 */
import type { Intent } from '../engine/engine.ts';
import { defaultQuestionLines } from '../engine/plan.ts';
import { minutesText, placeholdersOf, render } from '../lines/lines.ts';
import type { AgentForRuntime, Brain, TurnRequest } from './brain.ts';
import type { IntentWording } from './model-types.ts';

export const structuredBrain: Brain = {
  kind: 'structured',
  model: null,
  async *speak(request: TurnRequest, signal: AbortSignal): AsyncIterable<string> {
    signal.throwIfAborted();
    const text = structuredText(request);
    if (text !== '') yield text;
  },
};

/** The whole turn as the structured brain says it. */
export function structuredText(request: TurnRequest): string {
  const parts = request.intents.flatMap((intent) => [fixedText(intent, request), structuredWording(intent, request)]);
  return joinSpoken(request.agent.language, parts);
}

/** The fixed part of one intent ('' for a follow-up, which has none). */
export function fixedText(intent: Intent, request: TurnRequest): string {
  const { lines, companyName } = request;
  switch (intent.type) {
    case 'greeting':
      return render(lines.greeting, { interviewerName: interviewerName(request.agent), companyName, candidateName: request.candidateName });
    case 'consent': return render(lines.consentNotice, { companyName });
    case 'howItWorks': return render(lines.howItWorks, { minutes: minutesText(request.agent.language, request.agent.duration) });
    case 'question':
      return render(intent.transition === 'first' ? lines.firstQuestion : intent.transition === 'last' ? lines.lastQuestion : lines.nextQuestion, {});
    case 'reprompt': return render(lines.reprompt, {});
    case 'followUp': return '';
    case 'timeNotice': return render(lines.timeNotice, { minutes: minutesText(request.agent.language, intent.minutes) });
    case 'nudge': return render(lines.nudge, {});
    case 'closing': return render(intent.reason === 'completed' ? lines.closing : lines.closingTimeUp, { companyName });
  }
}

/** Everything said before the turn's worded part: the fixed parts of all its intents, joined. */
export function fixedPrefix(request: TurnRequest): string {
  return joinSpoken(request.agent.language, request.intents.map((intent) => fixedText(intent, request)));
}

/** The intent a brain words (question, follow-up or reprompt), or null for an all-fixed turn. */
export function wordedIntent(request: TurnRequest): Extract<Intent, { type: 'question' | 'followUp' | 'reprompt' }> | null {
  const last = request.intents.at(-1);
  return last && (last.type === 'question' || last.type === 'followUp' || last.type === 'reprompt') ? last : null;
}

/** The question as written: the agent's, or the focus's default line when the agent has none. */
export function questionText(request: TurnRequest, index: number): string {
  const { agent } = request;
  if (agent.questions.length > 0) {
    const text = agent.questions[index];
    if (text !== undefined) return text;
  } else {
    const key = defaultQuestionLines(agent.focus)[index];
    if (key !== undefined) {
      // Only OUTREACH's interest line names the company.
      const line = request.lines[key];
      return render(line, placeholdersOf(line).includes('companyName') ? { companyName: request.companyName } : {});
    }
  }
  throw new Error(`structured brain: the plan has no question ${index}`);
}

/** The interviewer introduces itself by its voice's name (MIRIAM → Miriam), else by the agent's name. */
export function interviewerName(agent: Pick<AgentForRuntime, 'name' | 'voiceId'>): string {
  return agent.voiceId === null ? agent.name : agent.voiceId.charAt(0) + agent.voiceId.slice(1).toLowerCase();
}

/** What goes between two sentences: a space, except in the languages that write none. */
export function spokenGap(language: AgentForRuntime['language']): string {
  return language === 'JA' || language === 'ZH' ? '' : ' ';
}

export function joinSpoken(language: AgentForRuntime['language'], parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(spokenGap(language));
}

function structuredWording(intent: Intent, request: TurnRequest): string {
  switch (intent.type) {
    case 'question':
    case 'reprompt':
      return questionText(request, intent.index);
    case 'followUp':
      // The engine gives this brain no follow-ups (maxFollowUps 0). A session falling back to it
      // after a model failure re-decides the same input with maxFollowUps 0 instead.
      throw new Error('structured brain: asked to word a follow-up; it asks none (maxFollowUps must be 0)');
    default:
      return '';
  }
}

/**
 * The structured wording of one intent for the model brain (`IntentWording`): the fixed part every
 * brain says, and the part a model words (the question as written). A follow-up has no structured
 * wording (''): when the model fails on one, nothing stands in for it and the session moves on.
 */
export const structuredIntentWording: IntentWording = (intent, request) => ({
  fixed: fixedText(intent, request),
  worded: intent.type === 'question' || intent.type === 'reprompt' ? questionText(request, intent.index) : intent.type === 'followUp' ? '' : null,
});
