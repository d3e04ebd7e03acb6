/**
 * The fixed lines of the interview runtime: one interface, one file per agent language.
 * Placeholders are `{name}` tokens; every language has every key with the same placeholders.
 * (A minimal version for building the engine; the full set of languages replaces it.)
 */
export interface Lines {
  // spoken by the interviewer
  greeting: string; // {interviewerName} {companyName} {candidateName}
  consentNotice: string; // {companyName}
  howItWorks: string; // {minutes}
  firstQuestion: string;
  nextQuestion: string;
  lastQuestion: string;
  reprompt: string;
  timeNotice: string; // {minutes}
  nudge: string;
  closing: string; // {companyName}
  closingTimeUp: string; // {companyName}
  fallbackQuestion: string;
  outreachInterest: string; // {companyName}
  outreachAvailability: string;
  unknownCaller: string; // {companyName}
  voicemailCallBack: string; // {companyName}
  // the room page
  pageTitle: string; // {companyName}
  introHeading: string;
  introAiNotice: string; // {companyName}
  introAgent: string; // {agentName} {minutes}
  startButton: string;
  answerLabel: string;
  sendButton: string;
  voiceButton: string;
  voiceStop: string;
  muteButton: string;
  unmuteButton: string;
  timeRemaining: string; // {time}
  interviewerLabel: string;
  youLabel: string;
  reconnecting: string;
  notOpenYet: string; // {time}
  expired: string;
  cancelled: string;
  finished: string;
  failed: string;
  endedHeading: string;
  sendFailed: string;
}

/** Fills `{name}` placeholders; a placeholder without a value is a programming error, never spoken as "{name}". */
export function render(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_token, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`render: no value for the placeholder {${name}}`);
    return String(value);
  });
}
