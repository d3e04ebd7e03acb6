import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Clock } from '../core/clock.ts';
import { AppError, errors } from '../errors/catalogue.ts';
import { toEnvelope } from '../errors/envelope.ts';
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
  if (error instanceof SyntaxError || error.statusCode === 400) {
    if (error.message.includes('JSON') || error.name === 'SyntaxError') return errors.invalidJson(error.message);
    return errors.validation([{ path: '', message: error.message, code: error.code ?? 'bad_request' }]);
  }
  if (error.statusCode === 413) return errors.payloadTooLarge(bodyLimit);
  if (error.statusCode === 415) return errors.unsupportedMediaType(contentType);
  return null;
}

/** The one place where an error becomes a status code and the §2 envelope. */
export function installErrorHandling(app: FastifyInstance, clock: Clock, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError = toAppError(error, bodyLimit, request.headers['content-type']);
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      appError = errors.internal();
    }
    reply.headers(appError.headers);
    return reply.code(appError.status).send(toEnvelope(appError, clock.now()));
  });
  app.setNotFoundHandler((request, reply) => {
    const appError = errors.routeNotFound(request.method, request.url);
    return reply.code(appError.status).send(toEnvelope(appError, clock.now()));
  });
}
