/**
 * Where Twilio calls us back about one call attempt (contract §14: under `/telephony/twilio/`).
 * The attempt id in the path is what ties a callback to its attempt; the signature over
 * `PUBLIC_URL` + path is what proves Twilio sent it.
 */
export const TWILIO_CALLBACK_PREFIX = '/telephony/twilio/attempts';

export type CallbackKind = 'answer' | 'status' | 'recording' | 'gather';

export function callbackPath(attemptId: string, kind: CallbackKind): string {
  return `${TWILIO_CALLBACK_PREFIX}/${attemptId}/${kind}`;
}

export function callbackUrl(publicUrl: string, attemptId: string, kind: CallbackKind): string {
  return `${publicUrl}${callbackPath(attemptId, kind)}`;
}

/** The Voice webhook of a company number (calls to it); its status callback is `${INBOUND_PATH}/status`. */
export const INBOUND_PATH = '/telephony/twilio/inbound';
