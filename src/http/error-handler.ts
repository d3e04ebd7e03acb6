import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Clock } from '../core/clock.ts';
import { AppError, errors } from '../errors/catalogue.ts';
import { toEnvelope } from '../errors/envelope.ts';
import { drainRefusedBody } from './refused-body.ts';
import { ResponseShapeError } from './response-serializer.ts';
import { toValidationIssues } from './validation-issues.ts';

/** Maps Fastify's own failures to catalogue errors; everything unknown becomes INTERNAL_ERROR. */
function toAppError(error: FastifyError, bodyLimit: number, contentType: string | undefined): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      ...(v.params as { keys?: string[] }),
      code: v.keyword,
      message: v.message ?? 'invalid',
      path: v.instancePath.split('/').filter(Boolean),
    }));
    return errors.validation(toValidationIssues(issues));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.unsupportedMediaType(contentType);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.validation([{ path: 'content-length', message: 'the Content-Length header does not match the body', code: 'invalid_header' }]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge(bodyLimit);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.invalidJson('the body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return errors.invalidJson(error.message);
  }
  // Recursion over a pathologically nested body: the input's fault, not ours.
  if (error instanceof RangeError && error.message.includes('call stack')) return errors.validation([{ path: '', message: 'the request body is nested too deeply', code: 'too_deep' }]);
  // Only an error that says it is the request's (a 400): a SyntaxError of our own, say JSON.parse of
  // a stored column an operator broke, is ours to log, not the client's to fix.
  if (error.statusCode === 400) {
    if (error.message.includes('JSON') || error.name === 'SyntaxError') return errors.invalidJson(error.message);
    return errors.validation([{ path: '', message: error.message, code: error.code ?? 'bad_request' }]);
  }
  if (error.statusCode === 413) return errors.payloadTooLarge(bodyLimit);
  if (error.statusCode === 415) return errors.unsupportedMediaType(contentType);
  return null;
}

/** Answers a router error with a page where the path is one (the room's link), else undefined. */
export type RouterErrorPage = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

/**
 * Errors Fastify's router raises before any route or hook runs (a path parameter over the router's
 * length limit, a malformed percent-encoding): still a 400 with the §2 envelope, never Fastify's
 * own body, except on a path `page` answers (an HTML link). Pass as the `frameworkErrors` option.
 */
export function frameworkErrorHandler(clock: Clock, page?: RouterErrorPage) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    await drainRefusedBody(request, reply);
    reply.header('x-request-id', request.id);
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.code === 'FST_ERR_BAD_URL') {
      const answered = page?.(request, reply);
      if (answered) return answered;
    }
    let appError: AppError;
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') appError = errors.validation([{ path: 'params', message: 'a path parameter is too long (IDs are UUIDs)', code: 'too_long' }]);
    else if (error.code === 'FST_ERR_BAD_URL') appError = errors.validation([{ path: 'params', message: 'the URL path is not valid percent-encoding', code: 'invalid_url' }]);
    else {
      request.log.error({ err: error }, 'router error');
      appError = errors.internal();
    }
    return reply.code(appError.status).send(toEnvelope(appError, clock.now()));
  };
}

/**
 * A stored value the response schema refuses (docs/decisions.md): what an operator needs to find
 * and fix the row. The value is cut short: it may be a whole object.
 */
function logUnservable(request: FastifyRequest, error: ResponseShapeError): void {
  const value = JSON.stringify(error.value) ?? String(error.value);
  request.log.error(
    { route: `${request.method} ${request.routeOptions.url ?? request.url}`, resourceId: error.resourceId, field: error.path, value: value.length > 200 ? `${value.slice(0, 200)}…` : value, expected: error.expected },
    'a stored value is outside the response schema: not served',
  );
}

/** The one place where an error becomes a status code and the §2 envelope. */
export function installErrorHandling(app: FastifyInstance, clock: Clock, bodyLimit: number): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    let appError = toAppError(error, bodyLimit, request.headers['content-type']);
    if (error instanceof ResponseShapeError) logUnservable(request, error);
    else if (!appError) request.log.error({ err: error }, 'unhandled error');
    appError ??= errors.internal();
    await drainRefusedBody(request, reply);
    reply.headers(appError.headers);
    return reply.code(appError.status).send(toEnvelope(appError, clock.now()));
  });
  app.setNotFoundHandler((request, reply) => {
    const appError = errors.routeNotFound(request.method, request.url);
    return reply.code(appError.status).send(toEnvelope(appError, clock.now()));
  });
}
