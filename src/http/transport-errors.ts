import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { type AppError, errors } from '../errors/catalogue.ts';
import { toEnvelope } from '../errors/envelope.ts';

/**
 * Errors of the HTTP transport, raised by Node's server outside any route (Fastify's
 * `clientErrorHandler`): a request not received in full within the request timeout. They are
 * answered with the §2 envelope and an `X-Request-Id`, written on the raw connection, which is
 * then closed.
 */

/** The request each connection is serving: an error in the middle of its body is answered with its id. */
const requestOnConnection = new WeakMap<Socket, { id: string; response: ServerResponse }>();

/** Called for every request (onRequest), so that a transport error can name the request it cut short. */
export function rememberRequest(request: FastifyRequest, reply: FastifyReply): void {
  requestOnConnection.set(request.raw.socket, { id: request.id, response: reply.raw });
}

interface ClientErrorOptions {
  clock: Clock;
  requestTimeoutMs: number;
}

/** Pass as Fastify's `clientErrorHandler`; `this` is the Fastify instance. */
export function clientErrorHandler({ clock, requestTimeoutMs }: ClientErrorOptions) {
  return function answerClientError(this: { log: FastifyBaseLogger }, error: Error & { code?: string }, socket: Socket): void {
    // A reset connection has no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const current = requestOnConnection.get(socket);
    if (current && current.response.headersSent && !current.response.writableEnded) {
      // Part of an answer is on the wire: anything more would corrupt it.
      socket.destroy();
      return;
    }
    // The request being received (its body was cut short) or, if none, a new one.
    const id = current && !current.response.writableEnded ? current.id : newId();
    const appError = toAppError(error, requestTimeoutMs);
    this.log.info({ reqId: id, clientError: { code: error.code, message: error.message }, res: { statusCode: appError.status } }, 'transport error answered');
    const body = JSON.stringify(toEnvelope(appError, clock.now()));
    const answer =
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${id}\r\nconnection: close\r\n\r\n${body}`;
    // Closed once the answer is flushed: the parser cannot read this connection any further.
    socket.end(answer, () => socket.destroy());
  };
}

function toAppError(error: Error & { code?: string }, requestTimeoutMs: number): AppError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return errors.requestTimeout(requestTimeoutMs);
  return errors.validation([{ path: 'request', message: 'the request is not valid HTTP/1.1', code: 'malformed_http' }]);
}
