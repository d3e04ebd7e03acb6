/**
 * What a phone call says, asked by the Twilio callbacks (issue 14): the lead plugs the interview
 * session in here. Each answer is the TwiML for what the call does next (built with `twilio/twiml.ts`:
 * `sayAndListen` with the `gather` callback URL as its action, `sayAndHangUp`, …).
 */
export interface PhoneConversation {
  /** A person answered the call of this attempt (not a machine: that is handled before). */
  onAnswered(attemptId: string): Promise<string>;
  /** What the candidate said (empty when nothing was heard), with the recogniser's confidence 0..1. */
  onSpeech(attemptId: string, text: string, confidence: number | null): Promise<string>;
}
