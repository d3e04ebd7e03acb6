/**
 * An OpenAI-compatible Chat Completions server on loopback, speaking the real protocol (the
 * official `openai` package talks to it unchanged): `POST {base}/chat/completions` with `base`
 * `/v1` or empty, streamed (`text/event-stream`, `chat.completion.chunk` events, then
 * `data: [DONE]`) or not (`chat.completion` with `usage`). A `response_format` of type
 * `json_schema` is honoured the way a model honours it: the scripted text is the message content.
 *
 * Each request takes the next scripted behaviour (`script()`), else the answer of `respond`; it can
 * answer (in chunks, slowly, late), fail with an HTTP status and an OpenAI error body, stall, break
 * the stream mid-way (the socket is destroyed) or refuse. Every request is recorded (parsed body,
 * headers) so tests can assert on what the model was sent.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ChatMessage {
  role: string;
  content: unknown;
}

export interface RecordedRequest {
  /** Arrival order, from 1. */
  n: number;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (`model`, `messages`, `stream`, `response_format`, …). */
  body: { model?: string; messages?: ChatMessage[]; stream?: boolean; response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } } } & Record<string, unknown>;
  /** The behaviour it was given. */
  behaviour: Behaviour;
  /** Set when the client went away before the answer was complete (an abort, a timeout). */
  closedByClient: boolean;
  /** The content pieces written so far (streamed answers). */
  sent: string[];
}

export type Behaviour =
  /**
   * Answers `text` (streamed in `chunks`, default word by word) after `firstTokenDelayMs`, `chunkDelayMs` apart;
   * a reasoning model's `reasoning` chunks (`delta.reasoning_content`, as vLLM sends them) come first.
   */
  | { kind: 'answer'; text: string; chunks?: string[]; reasoning?: string[]; firstTokenDelayMs?: number; chunkDelayMs?: number; finishReason?: string }
  /** An HTTP error with OpenAI's error body. */
  | { kind: 'fail'; status: number; message?: string; type?: string; code?: string | null }
  /** Never answers: before the response headers, or (streaming) after them, before any event. */
  | { kind: 'stall'; phase: 'before-headers' | 'after-headers' }
  /** Sends the first `afterChunks` chunks of `text`, then destroys the socket. */
  | { kind: 'break'; text: string; afterChunks: number; chunks?: string[] }
  /** The model declines: `message.refusal` set, content null (structured outputs). */
  | { kind: 'refuse'; refusal: string };

/** The interview data of an evaluation request: the JSON its user message carries between `<interview_data>` tags. */
export function interviewDataIn(userContent: string): { turns: { id: string; role: string; text: string }[] } & Record<string, unknown> {
  return JSON.parse(userContent.slice(userContent.indexOf('{'), userContent.lastIndexOf('}') + 1));
}

/** Builders for behaviours. */
export const reply = {
  text: (text: string, options: Omit<Extract<Behaviour, { kind: 'answer' }>, 'kind' | 'text'> = {}): Behaviour => ({ kind: 'answer', text, ...options }),
  /** A structured answer: the JSON text of `value`. */
  json: (value: unknown): Behaviour => ({ kind: 'answer', text: JSON.stringify(value) }),
  /** Content that is not JSON at all (for a json_schema request). */
  invalidJson: (): Behaviour => ({ kind: 'answer', text: '{"questions": [ {"score": 80, "reasoning": "cut off' }),
  fail: (status: number, message = `fake failure ${status}`): Behaviour => ({ kind: 'fail', status, message }),
  stall: (phase: 'before-headers' | 'after-headers' = 'after-headers'): Behaviour => ({ kind: 'stall', phase }),
  breakAfter: (afterChunks: number, text: string): Behaviour => ({ kind: 'break', text, afterChunks }),
  refuse: (refusal = 'I cannot help with that.'): Behaviour => ({ kind: 'refuse', refusal }),
};

export interface OpenAiFake {
  /** The base URL to give the client (`…/v1`). */
  baseUrl: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Queues behaviours for the next requests, in order. */
  script(...behaviours: Behaviour[]): void;
  /** The behaviour of a request when nothing is queued (default: a 500 saying nothing was scripted). */
  respond: (request: RecordedRequest) => Behaviour;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Stops listening and ends every open connection (stalled ones too). */
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, [type: string, code: string | null]> = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  429: ['rate_limit_error', 'rate_limit_exceeded'],
  500: ['server_error', null],
  503: ['server_error', 'service_unavailable'],
};

/** Splits text into word-sized pieces that concatenate back to it exactly. */
export function wordChunks(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text]);
}

const tokens = (text: string) => wordChunks(text).length;

export async function startOpenAiFake(): Promise<OpenAiFake> {
  const requests: RecordedRequest[] = [];
  const queue: Behaviour[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters: Array<() => void> = [];

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const fake: OpenAiFake = {
    baseUrl: '',
    requests,
    script: (...behaviours) => void queue.push(...behaviours),
    respond: () => ({ kind: 'fail', status: 500, message: 'openai fake: no behaviour was scripted for this request' }),
    waitForRequests: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} requests, got ${requests.length} within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (requests.length < count) return false;
          clearTimeout(timer);
          resolve(requests.slice());
          return true;
        };
        if (!check()) waiters.push(() => void check());
      }),
    close: () => new Promise<void>(() => undefined),
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
        sendError(res, 404, `Unknown request URL: ${req.method} ${path}`, 'invalid_request_error', 'unknown_url');
        return;
      }
      let body: RecordedRequest['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
        return;
      }
      if (!Array.isArray(body.messages) || typeof body.model !== 'string') {
        sendError(res, 400, "Missing required parameter: 'messages' or 'model'.", 'invalid_request_error', 'missing_required_parameter');
        return;
      }
      const recorded: RecordedRequest = { n: requests.length + 1, path, headers: req.headers, body, behaviour: { kind: 'stall', phase: 'before-headers' }, closedByClient: false, sent: [] };
      recorded.behaviour = queue.shift() ?? fake.respond(recorded);
      requests.push(recorded);
      for (const wake of waiters.splice(0)) wake();
      res.on('close', () => {
        if (!res.writableFinished) recorded.closedByClient = true;
      });
      behave(recorded, res);
    });
  });

  function sendError(res: ServerResponse, status: number, message: string, type?: string, code?: string | null) {
    const [defaultType, defaultCode] = ERROR_TYPES[status] ?? ['server_error', null];
    const body = { error: { message, type: type ?? defaultType, param: null, code: code === undefined ? defaultCode : code } };
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '1' } : {}) }).end(JSON.stringify(body));
  }

  function behave(request: RecordedRequest, res: ServerResponse) {
    const b = request.behaviour;
    const stream = request.body.stream === true;
    const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
    const created = Math.floor(Date.now() / 1000);
    const model = request.body.model ?? 'fake-model';
    const includeUsage = (request.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    const promptTokens = tokens(JSON.stringify(request.body.messages));
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`;
    const openStream = () => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.flushHeaders();
    };

    switch (b.kind) {
      case 'fail':
        sendError(res, b.status, b.message ?? `fake failure ${b.status}`, b.type, b.code);
        return;
      case 'stall':
        if (b.phase === 'after-headers') {
          if (stream) openStream();
          else {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.flushHeaders();
          }
        }
        return; // until the client goes away or the fake closes
      case 'refuse':
        if (stream) {
          openStream();
          res.write(chunk({ role: 'assistant', content: null, refusal: '' }, null));
          res.write(chunk({ refusal: b.refusal }, null));
          res.end(`${chunk({}, 'stop')}data: [DONE]\n\n`);
        } else {
          const message = { role: 'assistant', content: null, refusal: b.refusal, annotations: [] };
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, object: 'chat.completion', created, model, choices: [{ index: 0, message, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: promptTokens, completion_tokens: 1, total_tokens: promptTokens + 1 } }));
        }
        return;
      case 'break': {
        const pieces = b.chunks ?? wordChunks(b.text);
        if (stream) {
          openStream();
          res.write(chunk({ role: 'assistant', content: '' }, null));
          for (const piece of pieces.slice(0, b.afterChunks)) {
            res.write(chunk({ content: piece }, null));
            request.sent.push(piece);
          }
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write(`{"id":"${id}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"`);
        }
        // Let the written chunks reach the client before the connection dies mid-body.
        later(20, () => res.socket?.destroy());
        return;
      }
      case 'answer': {
        const finishReason = b.finishReason ?? 'stop';
        const usage = { prompt_tokens: promptTokens, completion_tokens: tokens(b.text), total_tokens: promptTokens + tokens(b.text) };
        if (!stream) {
          const message = { role: 'assistant', content: b.text, refusal: null, annotations: [] };
          const body = JSON.stringify({ id, object: 'chat.completion', created, model, system_fingerprint: 'fp_fake', choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }], usage });
          later(b.firstTokenDelayMs ?? 0, () => void (res.destroyed || res.writeHead(200, { 'content-type': 'application/json' }).end(body)));
          return;
        }
        openStream();
        const thoughts = b.reasoning ?? [];
        const pieces = b.chunks ?? wordChunks(b.text);
        const send = (i: number) => {
          if (res.destroyed) return;
          if (i === 0) res.write(chunk({ role: 'assistant', content: '', refusal: null }, null));
          if (i < thoughts.length) {
            res.write(chunk({ reasoning_content: thoughts[i] }, null));
            later(b.chunkDelayMs ?? 0, () => send(i + 1));
            return;
          }
          if (i - thoughts.length < pieces.length) {
            const piece = pieces[i - thoughts.length] as string;
            res.write(chunk({ content: piece }, null));
            request.sent.push(piece);
            later(b.chunkDelayMs ?? 0, () => send(i + 1));
            return;
          }
          res.write(chunk({}, finishReason));
          if (includeUsage) res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
          res.end('data: [DONE]\n\n');
        };
        later(b.firstTokenDelayMs ?? 0, () => send(0));
        return;
      }
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return fake;
}
