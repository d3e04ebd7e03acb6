import type { FastifyRequest } from 'fastify';
import { errors } from '../errors/catalogue.ts';
import type { ZodApp } from './app-deps.ts';
import { utf8Charset } from './json-body.ts';
import { NUL, nulRefused } from './nul-refusal.ts';

const FORM = 'application/x-www-form-urlencoded';
const ONLY_FORMS = `This route takes ${FORM} bodies (UTF-8) only.`;

/**
 * Routes whose protocol posts HTML forms (Twilio's callbacks, contract §14) are registered inside
 * `formRoutes`: the form parser exists only in that encapsulated context, so every other route
 * (all of `/v1`) still answers a form with 415, and these routes answer anything but a form with
 * 415 too (docs/decisions.md). The body limit is the server's. Routes validate `request.body`, a
 * plain object of strings, with their own schema.
 */
export async function formRoutes(app: ZodApp, routes: (scoped: ZodApp) => void | Promise<void>): Promise<void> {
  await app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(FORM, { parseAs: 'string' }, (request, body, done) => {
      try {
        done(null, parseForm(request, typeof body === 'string' ? body : body.toString('utf8')));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    scoped.addContentTypeParser('*', (request, _payload, done) => done(errors.unsupportedMediaType(request.headers['content-type'], ONLY_FORMS), undefined));
    await routes(scoped);
  });
}

/**
 * A form body as field → value. A field named twice is a 400 (no form this server takes repeats
 * one, and keeping either value would drop the other silently); so are `__proto__` and U+0000,
 * as in JSON bodies. Bytes that are not UTF-8 become U+FFFD.
 */
export function parseForm(request: Pick<FastifyRequest, 'headers'>, text: string): Record<string, string> {
  const contentType = request.headers['content-type'];
  if (contentType?.includes(';') && !utf8Charset(contentType)) throw errors.unsupportedMediaType(contentType, ONLY_FORMS);
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (name === '__proto__') throw errors.field(name, 'the field name "__proto__" is not allowed', 'invalid_key');
    if (name.includes(NUL)) throw nulRefused('', true);
    if (value.includes(NUL)) throw nulRefused(name);
    if (Object.hasOwn(fields, name)) throw errors.field(name, 'appears more than once in the form', 'duplicate_field');
    fields[name] = value;
  }
  return fields;
}
