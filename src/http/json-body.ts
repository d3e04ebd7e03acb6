import type { FastifyInstance } from 'fastify';
import { errors } from '../errors/catalogue.ts';
import { NUL, nulRefused } from './nul-refusal.ts';
import { joinPath } from './validation-issues.ts';

/**
 * JSON is the only request media type (§1): Fastify's text/plain parser is removed, so anything
 * else is a 415. An empty JSON body counts as no body (clients often send the header anyway).
 */
export function installJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json(\s*;.*)?$/i, { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    // RFC 8259 §9 lets a parser limit nesting; a fixed limit keeps every recursive walk of a body
    // (the reviver below, validation, merge patches) far from the stack's end, whatever the body.
    const { depth, escapes } = scan(text);
    if (depth > MAX_JSON_DEPTH) return done(errors.invalidJson(`it is nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
    let value: unknown;
    try {
      // The reviver makes JSON.parse several times slower; a key can only be "__proto__" if the
      // text says so literally or spells it with an escape, and a lone surrogate only with an escape.
      value = escapes || text.includes('__proto__') ? JSON.parse(text, checkKeysAndStrings) : JSON.parse(text);
    } catch (error) {
      return done(errors.invalidJson(error instanceof Error ? error.message : 'unparseable'), undefined);
    }
    // JSON text can hold U+0000 only as the escape \u0000 (a raw one is a syntax error), so only
    // such a text is walked; the text may also say \\u0000 (a backslash, then "u0000"), hence the walk.
    const nul = escapes && text.includes('\\u0000') ? nulPath(value, []) : null;
    if (nul) return done(nulRefused(joinPath(nul.path), nul.inKey), undefined);
    done(null, value);
  });
}

export const MAX_JSON_DEPTH = 256;

/** The deepest nesting of objects and arrays in JSON text (strings skipped), and whether a string has an escape, in one pass. */
function scan(text: string): { depth: number; escapes: boolean } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escapes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        escapes = true;
        i++; // skip the escaped character
      } else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { depth: deepest, escapes };
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

/** Where the first string or key holding U+0000 is: the string's path, or the path of the object whose key holds it. */
function nulPath(value: unknown, path: string[]): { path: string[]; inKey: boolean } | null {
  if (typeof value === 'string') return value.includes(NUL) ? { path, inKey: false } : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return { path, inKey: true };
    const found = nulPath(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
