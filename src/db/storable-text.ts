// NUL, a high surrogate without its low half, or a low surrogate without its high half.
// eslint-disable-next-line no-control-regex -- NUL is what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from outside (a webhook receiver's answer, later recognised speech) made storable on both
 * databases: PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate is not a character
 * (UTF-8 storage would keep something else). Each becomes U+FFFD, the replacement character, and
 * the rest of the text is kept as it came. Request input is refused instead, not repaired.
 */
export function storableText(text: string): string;
export function storableText(text: string | null): string | null;
export function storableText(text: string | null): string | null {
  return text === null ? null : text.replace(UNSTORABLE, '\uFFFD');
}
