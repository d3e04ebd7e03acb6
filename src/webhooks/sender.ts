import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { signatureHeaders } from './signing.ts';
import type { LookupFunction } from 'node:net';
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
// per receiver as the runner sends at once (WEBHOOK_DELIVERY_CONCURRENCY), or a busy receiver's
// connections would be closed and reopened on every round.
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
    const destination = parseTarget(target.url);
    assertDeliverable(destination.url, options.allowPrivate);
    const headers: Record<string, string> = {};
    for (const header of target.headers) {
      assertSendable(header);
      headers[header.name] = header.value;
    }
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
    headers['user-agent'] = USER_AGENT;
    Object.assign(headers, signatureHeaders(target.secret, deliveryId, at, body));
    const { statusCode, text } = await post(destination, headers, body, target.timeoutMs, options);
    const ok = statusCode >= 200 && statusCode < 300;
    return { ok, statusCode, latencyMs: elapsed(), responseBody: text, error: ok ? null : `the receiver answered HTTP ${statusCode}` };
  } catch (error) {
    return { ok: false, statusCode: null, latencyMs: elapsed(), responseBody: null, error: describe(error, target.timeoutMs) };
  }
}

/**
 * A stored header Node cannot send (a row written before the schema refused it) fails the attempt
 * with a reason naming the header, before any request exists. Node's own checks decide.
 */
function assertSendable(header: { name: string; value: string }): void {
  try {
    http.validateHeaderName(header.name);
  } catch {
    throw new UnsendableHeader(`the webhook's header name ${JSON.stringify(header.name)} is not a valid HTTP header name (change the webhook's headers)`);
  }
  try {
    http.validateHeaderValue(header.name, header.value);
  } catch {
    throw new UnsendableHeader(`the value of the webhook's header "${header.name}" holds a character HTTP headers cannot carry (change the webhook's headers)`);
  }
}

class UnsendableHeader extends Error {}

interface Destination {
  url: URL;
  /** http.request options without the per-request ones (headers, lookup); no agent: an unsupported scheme. */
  request: { protocol: string; hostname: string; port: number | undefined; path: string; auth: string | undefined; method: 'POST'; agent: http.Agent | undefined };
  send: typeof http.request;
}

// A webhook's URL is parsed once, not on every delivery (bounded: a burst of distinct URLs just
// starts the cache over).
const destinations = new Map<string, Destination>();
const MAX_DESTINATIONS = 1000;

/** The request options http.request would derive from the URL (as its urlToHttpOptions does). */
function parseTarget(raw: string): Destination {
  const cached = destinations.get(raw);
  if (cached) return cached;
  const url = new URL(raw);
  const auth = url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
  const destination: Destination = {
    url,
    request: {
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      auth,
      method: 'POST',
      agent: agents[url.protocol as 'http:' | 'https:'],
    },
    send: url.protocol === 'https:' ? https.request : http.request,
  };
  if (destinations.size >= MAX_DESTINATIONS) destinations.clear();
  destinations.set(raw, destination);
  return destination;
}

// One guarded lookup per (allowPrivate, resolver), not a new closure per request.
const lookups = new Map<Resolver | undefined, Map<boolean, LookupFunction>>();
function lookupFor(options: SendOptions): LookupFunction {
  let byMode = lookups.get(options.resolve);
  if (!byMode) lookups.set(options.resolve, (byMode = new Map()));
  let lookup = byMode.get(options.allowPrivate);
  if (!lookup) byMode.set(options.allowPrivate, (lookup = guardedLookup(options.allowPrivate, options.resolve)));
  return lookup;
}

function post(destination: Destination, headers: Record<string, string>, body: string, timeoutMs: number, options: SendOptions): Promise<Answer> {
  if (!destination.request.agent) return Promise.reject(new Error(`unsupported scheme ${destination.url.protocol}`));
  return new Promise((resolve, reject) => void new Exchange(destination, headers, body, timeoutMs, options, resolve, reject));
}

interface Answer {
  statusCode: number;
  text: string | null;
}

// The request and the response carry their exchange, so one set of module-level listeners serves
// every request: a batch of deliveries creates no closures per request.
const EXCHANGE = Symbol('exchange');
type Tagged<T> = T & { [EXCHANGE]?: Exchange };

/** One attempt's request and answer, settled once: answered, failed, or timed out. */
class Exchange {
  private readonly request: Tagged<http.ClientRequest>;
  private readonly timer: NodeJS.Timeout;
  private response: http.IncomingMessage | null = null;
  private timedOut = false;
  private settled = false;
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private seen = 0;

  constructor(
    destination: Destination,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
    options: SendOptions,
    private readonly resolve: (answer: Answer) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    // The request first: http.request throws synchronously on what it cannot send (a header, an
    // option), and the exchange then never existed — no timer is left to fire on nothing.
    this.request = destination.send({ ...destination.request, headers, lookup: lookupFor(options) });
    this.request[EXCHANGE] = this;
    this.request.on('response', onResponse);
    this.request.on('error', onError);
    // One timer for the whole attempt (connect, send, answer): cheaper than an AbortSignal per request.
    this.timer = setTimeout(onTimeout, timeoutMs, this);
    try {
      this.request.end(body);
    } catch (error) {
      this.request.destroy();
      this.fail(error);
    }
  }

  timeout(): void {
    this.timedOut = true;
    this.request.destroy();
    this.fail(null);
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    // Whatever breaks after the deadline passed is the timeout's doing.
    this.reject(this.timedOut ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : error);
  }

  answer(response: Tagged<http.IncomingMessage>): void {
    this.response = response;
    response[EXCHANGE] = this;
    response.on('data', onData);
    response.on('end', onEnd);
    response.on('error', onError);
    response.on('aborted', onAborted);
  }

  data(chunk: Buffer): void {
    this.seen += chunk.length;
    if (this.kept < RESPONSE_BODY_LIMIT) {
      this.chunks.push(chunk);
      this.kept += chunk.length;
    }
    // An endless answer is not our problem past the status code.
    if (this.seen > DRAIN_LIMIT) this.finish();
  }

  finish(): void {
    const response = this.response;
    if (this.settled || !response) return;
    this.settled = true;
    clearTimeout(this.timer);
    response.removeAllListeners('data');
    if (this.seen > DRAIN_LIMIT) response.destroy();
    const bytes = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.resolve({ statusCode: response.statusCode ?? 0, text: this.seen === 0 ? null : truncate(bytes) });
  }
}

function onTimeout(exchange: Exchange): void {
  exchange.timeout();
}
function onResponse(this: Tagged<http.ClientRequest>, response: http.IncomingMessage): void {
  this[EXCHANGE]?.answer(response);
}
function onError(this: Tagged<http.ClientRequest | http.IncomingMessage>, error: Error): void {
  this[EXCHANGE]?.fail(error);
}
function onData(this: Tagged<http.IncomingMessage>, chunk: Buffer): void {
  this[EXCHANGE]?.data(chunk);
}
function onEnd(this: Tagged<http.IncomingMessage>): void {
  this[EXCHANGE]?.finish();
}
function onAborted(this: Tagged<http.IncomingMessage>): void {
  this[EXCHANGE]?.fail(new Error('the receiver closed the connection mid-answer'));
}

const decoder = new TextDecoder();

/** The first 2 KB as text, without a character cut in half. */
function truncate(bytes: Buffer): string {
  const text = decoder.decode(bytes.subarray(0, RESPONSE_BODY_LIMIT));
  return bytes.length > RESPONSE_BODY_LIMIT ? text.replace(/\uFFFD$/, '') : text;
}

/** A one-line reason; never throws, whatever was thrown. */
function describe(error: unknown, timeoutMs: number): string {
  try {
    return reason(error, timeoutMs);
  } catch {
    return 'the attempt failed';
  }
}

function reason(error: unknown, timeoutMs: number): string {
  const err = error as NodeJS.ErrnoException & { cause?: unknown };
  if (err instanceof UnsendableHeader) return err.message;
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
