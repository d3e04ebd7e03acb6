/**
 * What a phone call says, asked by the Twilio callbacks (issue 14): the interview session
 * (`phone-interview.ts`) in a running server. Each answer is the TwiML for what the call does next (built with `twilio/twiml.ts`:
 * `sayAndListen` with the `gather` callback URL as its action, `sayAndHangUp`, …).
 */
export interface PhoneConversation {
  /** A person answered the call of this attempt (not a machine: that is handled before). */
  onAnswered(attemptId: string): Promise<string>;
  /**
   * What the candidate said (empty when nothing was heard), with the recogniser's confidence 0..1,
   * and the interviewer turn it answers (named in the Gather action), when the action named one.
   */
  onSpeech(attemptId: string, text: string, confidence: number | null, answering?: string | null): Promise<string>;
  /** A machine took the call (the attempt is VOICEMAIL already): what it records, then the hang-up. */
  onVoicemail?(attemptId: string): Promise<string>;
}
