import { LANGUAGE_INFO, runtimeLanguage, type AgentLanguage } from '../languages.ts';
import { LINES } from './index.ts';

/**
 * Every fixed line of the interviewer and the room, in one language. Each language file
 * (`en.ts`, `de.ts`, …) is one `Lines`; every line has the same `{name}` placeholders in every
 * language (lines.test.ts holds it). Lines are plain text (no markup): the room inserts them as
 * text, speech synthesis and Twilio `<Say>` read them aloud.
 *
 * `{minutes}` is never a bare number: it is filled with `minutesText(language, n)`, the count
 * with its unit in the form the language needs ("1 minute", "2 минут", "دقيقتين"). Each
 * language's lines are phrased so that this one form fits every place `{minutes}` appears.
 * `{time}` is filled by the room page (Intl.DateTimeFormat in the candidate's zone, or the
 * remaining time as m:ss); a line holding it reads well whether it is a time or a date and time.
 */
export interface Lines {
  // ——— Spoken by the interviewer (room and phone) ———

  /** First words of an interview. {interviewerName} is the voice's name (Emma, Alex…), {candidateName} the candidate's, {companyName} the company's. */
  greeting: string;
  /** Right after the greeting: an AI, not a person, conducts the interview; it is recorded as a text transcript that {companyName} receives; no audio or video is stored. Never left to a model. */
  consentNotice: string;
  /** After the consent notice: the interview takes about {minutes}; answer by typing or speaking; take your time. */
  howItWorks: string;
  /** Transition before the first question ("Let's begin."). */
  firstQuestion: string;
  /** Transition before each further question except the last ("Thank you. Next question."). */
  nextQuestion: string;
  /** Transition before the last question. */
  lastQuestion: string;
  /** An empty answer arrived: kindly ask once more (the brain may repeat the question after it). */
  reprompt: string;
  /** Once, when about {minutes} remain (min(2 minutes, a fifth of the duration)). */
  timeNotice: string;
  /** The candidate has been silent for INTERVIEW_IDLE_NUDGE_SECONDS: are you still there? */
  nudge: string;
  /** The last question is answered: thanks, the interview is over, {companyName} will be in touch. */
  closing: string;
  /** The duration is used up: time is up, thanks, the interview is over, {companyName} will be in touch. */
  closingTimeUp: string;
  /** The opening question of an agent that has no questions (GENERIC, SCREENING, LANGUAGE_TEST). */
  fallbackQuestion: string;
  /** OUTREACH without questions, first: would you be interested in an opportunity with {companyName}? */
  outreachInterest: string;
  /** OUTREACH without questions, second: when could you start, when are you free for a conversation? */
  outreachAvailability: string;
  /** Phone, inbound: no interview was found for the caller's number at {companyName}; goodbye. */
  unknownCaller: string;
  /** Phone, voicemail: {companyName} calls about your interview; please call this number back to take it. */
  voicemailCallBack: string;

  // ——— The room page ———

  /** The page's `<title>`: an interview with {companyName}. */
  pageTitle: string;
  /** Heading of the first screen, before Start. */
  introHeading: string;
  /** First screen: an AI interviewer conducts the interview; the answers (typed or spoken, as text) and the interviewer's turns are recorded and shared with {companyName}; no audio or video is stored. */
  introAiNotice: string;
  /** First screen: which interview ({agentName}, the agent's name) and how long it takes (about {minutes}). */
  introAgent: string;
  /** The button that starts the interview (and accepts the notice above it). */
  startButton: string;
  /** Label of the answer text box. */
  answerLabel: string;
  /** The button that sends the typed answer (Enter sends too). */
  sendButton: string;
  /** The button that starts answering by voice (speech recognition), where the browser offers it. */
  voiceButton: string;
  /** The same button while listening: stop voice input. */
  voiceStop: string;
  /** Beside the voice button: spoken answers are turned into text by the browser's speech recognition, which may send the audio to the browser vendor's servers. Added to the keys of DESIGN13: the candidate must not believe the audio stays on their machine when it may not. */
  voiceNotice: string;
  /** Switch that silences the interviewer's speech synthesis. */
  muteButton: string;
  /** The same switch while muted. */
  unmuteButton: string;
  /** The remaining time, always visible; {time} is formatted by the page. */
  timeRemaining: string;
  /** Who speaks, beside the interviewer's turns in the transcript. */
  interviewerLabel: string;
  /** Who speaks, beside the candidate's turns in the transcript. */
  youLabel: string;
  /** The push connection dropped; the page is reconnecting. */
  reconnecting: string;
  /** The link is valid but the interview opens later, at {time} (date and time in the candidate's zone). */
  notOpenYet: string;
  /** The link has expired; contact the company that invited you. */
  expired: string;
  /** The interview was cancelled; contact the company that invited you. */
  cancelled: string;
  /** The interview was already completed: thank you. */
  finished: string;
  /** The interview ended without completing (abandoned, failed) and can no longer be taken. */
  failed: string;
  /** Heading of the screen shown once the interview is over: after the closing line, and for a finished or failed interview. */
  endedHeading: string;
  /** An answer could not be sent; the page retries on its own. */
  sendFailed: string;

  /**
   * The unit for `{minutes}`, one form per plural category of `Intl.PluralRules` that whole
   * numbers reach in this language (`other` always). `{count}` is the number; a form may leave
   * it out where the language says the number with the word ("دقيقة واحدة"). Not a line itself.
   */
  minutes: MinuteForms;
}

export type MinuteForms = { readonly other: string } & { readonly [category in Intl.LDMLPluralRule]?: string };

/** The name of a line (every key of `Lines` but the `minutes` unit). */
export type LineKey = Exclude<keyof Lines, 'minutes'>;

declare const minutesTextBrand: unique symbol;
/** A count of minutes with its unit, made by `minutesText()`; `render()` accepts nothing else for `{minutes}`. */
export type MinutesText = string & { readonly [minutesTextBrand]: true };

/** The values of a line's placeholders. `minutes` must come from `minutesText()`, so a bare number does not compile. */
export type LineValues = Readonly<Record<string, string>> & { readonly minutes?: MinutesText };

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The distinct placeholder names of a template, sorted. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))].sort();
}

/**
 * Fills a line's `{name}` placeholders in one pass (a value that itself holds `{…}` stays as it
 * is). A placeholder without a value, or a value for a placeholder the line does not have, is a
 * programming error and throws: a line is never said with a hole or with a word missing.
 */
export function render(template: string, values: LineValues): string {
  const used = new Set<string>();
  const text = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new Error(`render: no value for {${name}} in "${template}"`);
    used.add(name);
    return value;
  });
  for (const name of Object.keys(values)) {
    if (!used.has(name)) throw new Error(`render: "${template}" has no placeholder {${name}}`);
  }
  return text;
}

/** The lines of an agent language; `UNDEFINED` and unknown codes get English. */
export function linesFor(language: string): Lines {
  return LINES[runtimeLanguage(language)];
}

/** `{minutes}` for a line in `language`: the whole number `count` with its unit in the right plural form. */
export function minutesText(language: string, count: number): MinutesText {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`minutesText: ${count} is not a whole number of minutes`);
  const code: AgentLanguage = runtimeLanguage(language);
  const forms = LINES[code].minutes;
  const category = new Intl.PluralRules(LANGUAGE_INFO[code].bcp47).select(count);
  return (forms[category] ?? forms.other).replace('{count}', String(count)) as MinutesText;
}
