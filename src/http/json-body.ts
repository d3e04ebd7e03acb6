import type { FastifyInstance } from 'fastify';
import { errors } from '../errors/catalogue.ts';
import { NUL, nulRefused } from './nul-refusal.ts';
import { joinPath } from './validation-issues.ts';

/**
 * JSON is the only request media type (§1): Fastify's text/plain parser is removed, so anything
 * else is a 415, and so is JSON in a charset other than UTF-8 (the body is read as UTF-8 only).
 * An empty JSON body counts as no body (clients often send the header anyway).
 */
export function installJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json(\s*;.*)?$/i, { parseAs: 'string' }, (request, body, done) => {
    const contentType = request.headers['content-type'];
    if (contentType?.includes(';') && !utf8Charset(contentType)) {
      return done(errors.unsupportedMediaType(contentType, 'The request body must be JSON in UTF-8 (charset=utf-8, or no charset).'), undefined);
    }
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    // RFC 8259 §9 lets a parser limit nesting; a fixed limit keeps every recursive walk of a body
    // (the reviver below, validation, merge patches) far from the stack's end, whatever the body.
    const { depth, escapes, longNumbers } = scan(text);
    if (depth > MAX_JSON_DEPTH) return done(errors.invalidJson(`it is nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
    let value: unknown;
    try {
      // The reviver makes JSON.parse several times slower; a key can only be "__proto__" if the
      // text says so literally or spells it with an escape, and a lone surrogate only with an escape.
      value = escapes || text.includes('__proto__') ? JSON.parse(text, checkKeysAndStrings) : JSON.parse(text);
    } catch (error) {
      return done(errors.invalidJson(error instanceof Error ? error.message : 'unparseable'), undefined);
    }
    // The parsed body is walked only when the text could hold what cannot be stored. U+0000 can only
    // be spelled as the escape \u0000 (a raw one is a syntax error); the text may also say \\u0000
    // (a backslash, then "u0000"), hence the walk. A number beyond the double range needs an
    // exponent or a long run of digits; JSON.parse makes it ±Infinity, which would be written back
    // as null (and two different bodies would compare equal for idempotency).
    const nul = escapes && text.includes('\\u0000');
    const found = nul || longNumbers ? unstorable(value, [], nul, longNumbers) : null;
    if (found?.problem === 'range') return done(errors.field(joinPath(found.path), OUT_OF_RANGE, 'out_of_range'), undefined);
    if (found) return done(nulRefused(joinPath(found.path), found.problem === 'nulKey'), undefined);
    done(null, value);
  });
}

export const MAX_JSON_DEPTH = 256;

// Every charset parameter (a repeated one included) must name UTF-8; `utf8` is its common alias.
const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/gi;
const UTF8 = new Set(['utf-8', 'utf8']);

export function utf8Charset(contentType: string): boolean {
  for (const [, quoted, bare] of contentType.matchAll(CHARSET)) if (!UTF8.has((quoted ?? bare ?? '').toLowerCase())) return false;
  return true;
}

// Integers of up to this many digits are below 1e308, inside the double range.
const FINITE_DIGITS = 308;
const OUT_OF_RANGE = 'is a number outside the range of a double-precision number (about ±1.8e308)';

/**
 * In one pass over JSON text (strings skipped): the deepest nesting of objects and arrays, whether
 * a string has an escape, and whether a number has an exponent or a long run of digits.
 */
function scan(text: string): { depth: number; escapes: boolean; longNumbers: boolean } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escapes = false;
  let digits = 0;
  let longNumbers = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        escapes = true;
        i++; // skip the escaped character
      } else if (c === 0x22) inString = false;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > FINITE_DIGITS) longNumbers = true;
      continue;
    }
    if ((c === 0x65 || c === 0x45) && digits > 0) longNumbers = true; // e or E after a digit: an exponent
    digits = 0;
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { depth: deepest, escapes, longNumbers };
}

type Unstorable = { path: string[]; problem: 'nul' | 'nulKey' | 'range' };

/** The first string or key holding U+0000 (for a key: the path of its object), or the first non-finite number. */
function unstorable(value: unknown, path: string[], nul: boolean, numbers: boolean): Unstorable | null {
  if (typeof value === 'string') return nul && value.includes(NUL) ? { path, problem: 'nul' } : null;
  if (typeof value === 'number') return numbers && !Number.isFinite(value) ? { path, problem: 'range' } : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (nul && key.includes(NUL)) return { path, problem: 'nulKey' };
    const found = unstorable(item, [...path, key], nul, numbers);
    if (found) return found;
  }
  return null;
}

// Keys that could poison prototypes are refused rather than silently kept (secure-json-parse's stance).
// So are strings with a lone surrogate (`"\ud83c"`, half an emoji): UTF-8 cannot store them, so the
// databases would keep something other than what was acknowledged (RFC 8259 §8.2 leaves them to
// the receiver).
// The messages never quote the offending text: it is what cannot be written back as JSON text.
function checkKeysAndStrings(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError(`the key "${key}" is not allowed`);
  if (LONE_SURROGATE.test(key)) throw new SyntaxError(`a key holds ${LONE_SURROGATE_TEXT}`);
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) throw new SyntaxError(`a string holds ${LONE_SURROGATE_TEXT}`);
  return value;
}

// String.prototype.isWellFormed is ES2024, beyond this project's lib (ES2023, Node 20's).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_TEXT = 'a lone UTF-16 surrogate (an escape such as \\ud83c without its pair), which is not a character';

