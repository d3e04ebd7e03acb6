import { type IncomingMessage, maxHeaderSize, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { type AppError, errors } from '../errors/catalogue.ts';
import { toEnvelope } from '../errors/envelope.ts';

/**
 * The HTTP transport's own failures, which Node's server raises outside any route (Fastify's
 * `clientErrorHandler`): a request line or header that is not HTTP/1.1, headers over Node's size
 * limit, Content-Length with Transfer-Encoding, a request not received in full within the request
 * timeout. Each is answered with the §2 envelope and an `X-Request-Id`, written on the raw
 * connection, which is then closed: the parser cannot read it any further.
 */

/** The request each connection serves or served last: an error in the middle of its body is answered with its id. */
const requestOnConnection = new WeakMap<Socket, { id: string; request: IncomingMessage; response: ServerResponse }>();
/** Connections already answered: the parser reports the same error again for every later read. */
const answered = new WeakSet<Socket>();

/** Called for every request (onRequest), so that a transport error can name the request it cut short. */
export function rememberRequest(request: FastifyRequest, reply: FastifyReply): void {
  requestOnConnection.set(request.raw.socket, { id: request.id, request: request.raw, response: reply.raw });
}

interface ClientErrorOptions {
  clock: Clock;
  requestTimeoutMs: number;
}

type ClientError = Error & { code?: string; reason?: string };

/** How long an answered connection still reads (and drops) what its client sends, before it is closed. */
const LINGER_MS = 2_000;

/** Pass as Fastify's `clientErrorHandler`; `this` is the Fastify instance. */
export function clientErrorHandler({ clock, requestTimeoutMs }: ClientErrorOptions) {
  return function answerClientError(this: { log: FastifyBaseLogger }, error: ClientError, socket: Socket): void {
    // A reset connection has no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
    answered.add(socket);
    let id = newId(); // an error in a new request: its headers were never read
    const current = requestOnConnection.get(socket);
    if (current && !(current.request.complete && current.response.writableEnded)) {
      // The request in hand is answered if nothing of its answer was written yet. Otherwise there is
      // nothing to add: its answer is being written (more would corrupt it), or was written and its
      // body is being dropped (refused-body.ts).
      if (current.request.complete || current.response.headersSent) {
        socket.destroy();
        return;
      }
      id = current.id;
    }
    const appError = toAppError(error, requestTimeoutMs);
    this.log.info({ reqId: id, clientError: { code: error.code, reason: error.reason ?? error.message }, res: { statusCode: appError.status } }, 'transport error answered');
    const body = JSON.stringify(toEnvelope(appError, clock.now()));
    const answer =
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${id}\r\nconnection: close\r\n\r\n${body}`;
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      // The parser still works: the connection must read nothing more, or a request answered 408
      // could yet run. The answer is small and written at once, before the close (as Node does).
      socket.write(answer);
      socket.destroy();
      return;
    }
    // The parser is stuck on the error. Closing while the client still sends would make the kernel
    // reset the connection, and the client could lose the answer: what it still sends is read (and
    // dropped by the parser) for a while first.
    socket.end(answer);
    const linger = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(linger));
  };
}

function toAppError(error: ClientError, requestTimeoutMs: number): AppError {
  const reason = error.reason ?? 'malformed request';
  const malformed = (path: string) => errors.validation([{ path, message: reason, code: 'malformed_http' }], `The request is not valid HTTP/1.1: ${reason}.`);
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return errors.requestTimeout(requestTimeoutMs);
    case 'HPE_HEADER_OVERFLOW':
      return errors.headersTooLarge(maxHeaderSize);
    case 'HPE_INVALID_METHOD':
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_VERSION':
      return malformed('request-line');
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return malformed('content-length');
    case 'HPE_INVALID_TRANSFER_ENCODING': // also Transfer-Encoding together with Content-Length
      return malformed('transfer-encoding');
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
    case 'HPE_INVALID_EOF_STATE':
      return malformed('body');
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'HPE_LF_EXPECTED':
    case 'HPE_CR_EXPECTED':
    case 'HPE_INVALID_CONSTANT':
      return malformed('headers');
    default:
      return malformed('request');
  }
}

/**
 * A request with an `Expect` other than 100-continue is served as if it were absent (RFC 9110
 * §10.1.1 allows it) instead of getting Node's own bare 417.
 */
export function ignoreUnknownExpectations(server: Server): void {
  server.on('checkExpectation', (request, response) => server.emit('request', request, response));
}

/**
 * The onRequest check for `Host`: Node's own check answers a bare 400, so the server is built with
 * `requireHostHeader: false` and this one answers in the envelope.
 */
export function missingHost(request: FastifyRequest): AppError | null {
  const { httpVersionMajor, httpVersionMinor } = request.raw;
  if (request.headers.host !== undefined || httpVersionMajor * 10 + httpVersionMinor < 11) return null;
  return errors.validation([{ path: 'host', message: 'an HTTP/1.1 request must have a Host header', code: 'required' }]);
}
