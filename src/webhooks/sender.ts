import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { signatureHeaders } from './signing.ts';
import { assertDeliverable, guardedLookup, type Resolver } from './ssrf-guard.ts';

/** What one attempt needs to know about its webhook. */
export interface Target {
  url: string;
  headers: { name: string; value: string }[];
  secret: string;
  timeoutMs: number;
}

/** What one attempt produced (the delivery log's row). */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** At most RESPONSE_BODY_LIMIT bytes of the answer. */
  responseBody: string | null;
  error: string | null;
}

export const RESPONSE_BODY_LIMIT = 2048;
// Past this, the rest of an answer is not read: the connection is dropped instead.
const DRAIN_LIMIT = 64 * 1024;
export const USER_AGENT = 'interviewd-webhooks/1.0';

// Connections are kept alive and reused: a receiver gets many deliveries. As many may stay open
// per receiver as the runner sends at once (its batch), or a busy receiver's connections would be
// closed and reopened on every round.
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 100, maxFreeSockets: 100, timeout: 60_000 };
const agents = { 'http:': new http.Agent(AGENT_OPTIONS), 'https:': new https.Agent(AGENT_OPTIONS) };

export interface SendOptions {
  allowPrivate: boolean;
  /** The DNS resolver (tests replace it). */
  resolve?: Resolver;
}

/**
 * POSTs one delivery: the webhook's custom headers, then the Standard Webhooks headers signed for
 * `at`. Never throws: every failure (refused target, DNS, connection, timeout, non-2xx) is an
 * outcome with `ok: false` and a one-line reason.
 */
export async function sendDelivery(target: Target, deliveryId: string, body: string, at: Date, options: SendOptions): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const url = new URL(target.url);
    assertDeliverable(url, options.allowPrivate);
    const headers: Record<string, string> = {};
    for (const header of target.headers) headers[header.name] = header.value;
    Object.assign(headers, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': USER_AGENT,
      ...signatureHeaders(target.secret, deliveryId, at, body),
    });
    const { statusCode, text } = await post(url, headers, body, target.timeoutMs, options);
    const ok = statusCode >= 200 && statusCode < 300;
    return { ok, statusCode, latencyMs: elapsed(), responseBody: text, error: ok ? null : `the receiver answered HTTP ${statusCode}` };
  } catch (error) {
    return { ok: false, statusCode: null, latencyMs: elapsed(), responseBody: null, error: describe(error, target.timeoutMs) };
  }
}

function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number, options: SendOptions): Promise<{ statusCode: number; text: string | null }> {
  const protocol = url.protocol === 'https:' ? https : http;
  const agent = agents[url.protocol as 'http:' | 'https:'];
  if (!agent) return Promise.reject(new Error(`unsupported scheme ${url.protocol}`));
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise((resolve, rejectWith) => {
    // Whatever breaks after the deadline passed is the timeout's doing.
    const reject = (error: unknown) => rejectWith(signal.aborted ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : error);
    const request = protocol.request(url, { method: 'POST', headers, agent, signal, lookup: guardedLookup(options.allowPrivate, options.resolve) }, (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let seen = 0;
      response.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (kept < RESPONSE_BODY_LIMIT) {
          chunks.push(chunk);
          kept += chunk.length;
        }
        // An endless answer is not our problem past the status code.
        if (seen > DRAIN_LIMIT) finish();
      });
      const finish = () => {
        response.removeAllListeners('data');
        if (seen > DRAIN_LIMIT) response.destroy();
        resolve({ statusCode: response.statusCode ?? 0, text: seen === 0 ? null : truncate(Buffer.concat(chunks)) });
      };
      response.on('end', finish);
      response.on('error', reject);
      response.on('aborted', () => reject(new Error('the receiver closed the connection mid-answer')));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The first 2 KB as text, without a character cut in half. */
function truncate(bytes: Buffer): string {
  const text = new TextDecoder().decode(bytes.subarray(0, RESPONSE_BODY_LIMIT));
  return bytes.length > RESPONSE_BODY_LIMIT ? text.replace(/\uFFFD$/, '') : text;
}

function describe(error: unknown, timeoutMs: number): string {
  const err = error as NodeJS.ErrnoException & { cause?: unknown };
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError' || err?.code === 'ABORT_ERR') return `timed out after ${timeoutMs} ms`;
  if (err?.code === 'UNSAFE_WEBHOOK_TARGET') return err.message;
  switch (err?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DNS lookup failed (${err.code})`;
    case 'ECONNRESET':
      return 'connection reset by the receiver';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the receiver is unreachable';
  }
  if (String(err?.code ?? '').startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(err?.message ?? '')) return `TLS failure: ${err.message}`;
  return err instanceof Error ? err.message : String(error);
}
