import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { lazyChildLogger } from './request-logger.ts';

/** A pino destination that keeps every line. */
function sink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('request logging', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('at info, writes each request with its request id and never the Authorization header', async () => {
    const { lines, stream } = sink();
    server = await startTestServer({ logger: { level: 'info', stream } });
    const acme = await server.company();
    const response = await acme.api('GET', '/v1/agents', { headers: { 'x-request-id': 'trace-me-1' } });
    expect(response.status).toBe(200);
    const mine = lines.filter((l) => l.reqId === 'trace-me-1');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(JSON.stringify(lines)).not.toContain(acme.key);
  });

  it('at warn, writes no per-request lines', async () => {
    const { lines, stream } = sink();
    server = await startTestServer({ logger: { level: 'warn', stream } });
    const acme = await server.company();
    expect((await acme.api('GET', '/v1/agents')).status).toBe(200);
    expect(lines).toEqual([]);
  });

  it('builds the request child only for a line at an enabled level, bound to the request id', () => {
    const { lines, stream } = sink();
    const parent = pino({ level: 'warn' }, stream);
    const log = lazyChildLogger(parent, { reqId: 'trace-me-2' }, {});
    log.info('not written');
    log.debug('not written');
    expect(lines).toEqual([]);
    log.warn({ detail: 1 }, 'written');
    log.child({ part: 'x' }).error('nested');
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, reqId: 'trace-me-2', detail: 1, msg: 'written' }),
      expect.objectContaining({ level: 50, reqId: 'trace-me-2', part: 'x', msg: 'nested' }),
    ]);
    expect(log.level).toBe('warn');
  });
});
