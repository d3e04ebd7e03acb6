import type { FastifyInstance } from 'fastify';
import { errors } from '../errors/catalogue.ts';

/**
 * JSON is the only request media type (§1): Fastify's text/plain parser is removed, so anything
 * else is a 415. An empty JSON body counts as no body (clients often send the header anyway).
 */
export function installJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json(\s*;.*)?$/i, { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, rejectPrototypeKeys));
    } catch (error) {
      done(errors.invalidJson(error instanceof Error ? error.message : 'unparseable'), undefined);
    }
  });
}

// Keys that could poison prototypes are refused rather than silently kept (secure-json-parse's stance).
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError(`the key "${key}" is not allowed`);
  return value;
}
