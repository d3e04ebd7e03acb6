import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import { errors } from '../errors/catalogue.ts';
import { prependRouteHook } from './route-hooks.ts';

/** The character PostgreSQL's text cannot hold; SQLite would keep it, so both refuse it alike. */
export const NUL = '\u0000';

/** The one wording of the refusal, for body fields (json-body.ts) and parameters alike. */
export function nulRefused(path: string, inKey = false) {
  const message = inKey ? 'has a key holding the character U+0000 (NUL), which cannot be stored' : 'holds the character U+0000 (NUL), which cannot be stored';
  return errors.field(path, message, 'invalid_character');
}

/**
 * Query and path parameters holding U+0000 are a 400 naming the parameter, on every route that
 * declares parameters, without each schema having to say so. The check runs on the validated
 * values, so it sees exactly the parameters the route uses: unknown ones stay ignored (§1).
 */
export function installNulRefusal(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema?.querystring && !schema?.params) return;
    const hook: preHandlerHookHandler = (request, _reply, done) => {
      const name = parameterWithNul(request.params) ?? parameterWithNul(request.query);
      done(name === null ? undefined : nulRefused(name));
    };
    prependRouteHook(route, 'preHandler', hook);
  });
}

function parameterWithNul(values: unknown): string | null {
  if (values === null || typeof values !== 'object') return null;
  for (const [name, value] of Object.entries(values)) {
    const held = Array.isArray(value) ? value.some((v) => typeof v === 'string' && v.includes(NUL)) : typeof value === 'string' && value.includes(NUL);
    if (held) return name;
  }
  return null;
}
