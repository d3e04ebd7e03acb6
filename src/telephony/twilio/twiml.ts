import twilio from 'twilio';
import type { SpeechSettings } from './voices.ts';

const { VoiceResponse } = twilio.twiml;

/**
 * Seconds of silence after which Twilio ends a `<Gather>` that heard nothing; after speech,
 * `speechTimeout="auto"` ends it at the candidate's first real pause.
 */
export const GATHER_TIMEOUT_SECONDS = 8;

/**
 * Says `text` and listens for the answer, posted to `action` (also when nothing was heard:
 * `actionOnEmptyResult`, so the interviewer decides what silence means). Barge-in stays on, so a
 * candidate who answers early is heard.
 */
export function sayAndListen(text: string, speech: SpeechSettings, action: string): string {
  const response = new VoiceResponse();
  const gather = response.gather({
    input: ['speech'],
    action,
    method: 'POST',
    language: speech.gatherLanguage,
    speechTimeout: 'auto',
    timeout: GATHER_TIMEOUT_SECONDS,
    actionOnEmptyResult: true,
    profanityFilter: false,
  });
  gather.say({ voice: speech.voice, language: speech.sayLanguage }, text);
  return response.toString();
}

/** Says `text` (when there is any) and ends the call. */
export function sayAndHangUp(text: string | null, speech: SpeechSettings): string {
  const response = new VoiceResponse();
  if (text) response.say({ voice: speech.voice, language: speech.sayLanguage }, text);
  response.hangup();
  return response.toString();
}

/** Says `text` (when there is any), then asks `url` for what comes next. */
export function sayAndRedirect(text: string | null, speech: SpeechSettings, url: string): string {
  const response = new VoiceResponse();
  if (text) response.say({ voice: speech.voice, language: speech.sayLanguage }, text);
  response.redirect({ method: 'POST' }, url);
  return response.toString();
}

/** Ends the call at once (a machine answered, the attempt is over, the request was not for a live call). */
export function hangUpNow(): string {
  const response = new VoiceResponse();
  response.hangup();
  return response.toString();
}
