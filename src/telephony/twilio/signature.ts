import twilio from 'twilio';

/**
 * Whether a request carries Twilio's `X-Twilio-Signature` over `PUBLIC_URL` + the path and query
 * it was sent to + its form fields, made with our auth token (the package's `validateRequest`,
 * HMAC-SHA1: the auth-token signature; Twilio's SharedKey signatures use another secret this
 * server does not hold). A missing header, or no token configured, is no signature.
 */
export function hasValidTwilioSignature(
  authToken: string | null,
  publicUrl: string,
  request: { url: string; header: string | string[] | undefined; params: Record<string, string> },
): boolean {
  if (!authToken || typeof request.header !== 'string' || request.header.length === 0) return false;
  return twilio.validateRequest(authToken, request.header, `${publicUrl}${request.url}`, request.params);
}
