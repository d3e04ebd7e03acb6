/**
 * The telephony port: what the rest of the server asks of a phone provider. One adapter speaks
 * Twilio (`twilio/twilio-telephony.ts`); without configuration every dial fails with
 * TELEPHONY_NOT_CONFIGURED and nothing else happens (issue 14, part 5).
 */
export interface DialRequest {
  /** The call attempt this call is for: every callback URL of the call names it. */
  attemptId: string;
  /** The company's number (E.164). */
  from: string;
  /** The candidate's number (E.164). */
  to: string;
  /** Record the call; its URL arrives by the recording callback. */
  record: boolean;
}

/** A dial the provider took (`callSid`), or why not, as the attempt's `reasonCode` and `notes`. */
export type DialOutcome = { ok: true; callSid: string } | { ok: false; reasonCode: 'FAILED' | 'TELEPHONY_NOT_CONFIGURED'; message: string };

export interface Telephony {
  readonly configured: boolean;
  /** Never throws: a refusal, an unreachable provider or a timeout is an outcome. */
  dial(request: DialRequest): Promise<DialOutcome>;
  /** Ends a call (ringing or answered); a call that has ended already is no error. */
  hangUp(callSid: string): Promise<DialOutcome>;
}

export const NOT_CONFIGURED_MESSAGE = 'Telephony is not configured on this server: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to place phone interviews.';

/** The port when no provider is configured. */
export const unconfiguredTelephony: Telephony = {
  configured: false,
  dial: async () => ({ ok: false, reasonCode: 'TELEPHONY_NOT_CONFIGURED', message: NOT_CONFIGURED_MESSAGE }),
  hangUp: async () => ({ ok: false, reasonCode: 'TELEPHONY_NOT_CONFIGURED', message: NOT_CONFIGURED_MESSAGE }),
};
