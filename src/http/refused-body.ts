import type { FastifyReply, FastifyRequest } from 'fastify';

/** How much of a refused request body is read, and dropped, before the answer. */
export const REFUSED_BODY_DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * Before an error is answered while its request's body is still arriving (over the size limit,
 * a bad key, a bad path): the rest of the body is read and dropped first. Answering at once and
 * closing (Fastify closes after a body it refused; so does Node when the client asked to) while
 * the client still sends makes the kernel reset the connection, and the client often meets a
 * broken pipe instead of the answer. Once the body is read, the connection can serve the next
 * request. A body that goes on past REFUSED_BODY_DRAIN_BYTES (or announces more) is answered at
 * once and its connection closed; a client that stops sending meets the request timeout.
 */
export async function drainRefusedBody(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const raw = request.raw;
  if (raw.complete) return;
  const announced = Number(raw.headers['content-length'] ?? 0); // a chunked body announces nothing
  const read = announced <= REFUSED_BODY_DRAIN_BYTES && (await dropUpToBound(raw));
  if (read) reply.removeHeader('connection');
  else reply.header('connection', 'close');
}

/** Reads and drops the rest of `raw`: true once it ended, false if it went on past the bound. */
function dropUpToBound(raw: FastifyRequest['raw']): Promise<boolean> {
  return new Promise((resolve) => {
    let dropped = 0;
    const finish = (ended: boolean) => {
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('close', onClose);
      resolve(ended);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(raw.complete);
    const onData = (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped <= REFUSED_BODY_DRAIN_BYTES) return;
      raw.pause();
      finish(false);
    };
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('close', onClose);
  });
}
