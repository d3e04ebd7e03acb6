/**
 * A webhook receiver on loopback that speaks real HTTP and verifies every delivery with the
 * `standardwebhooks` library, as an integrator's endpoint would. Each test takes its own endpoint
 * (a path with its own secret and behaviour); the receiver can go down and come back up on the
 * same port.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  /** The endpoint path it arrived at. */
  path: string;
  /** `webhook-id` (= the body's deliveryId). */
  id: string;
  /** `webhook-timestamp`, Unix seconds. */
  timestamp: number;
  body: string;
  /** The parsed body: `{ event, timestamp, deliveryId, data }`. */
  payload: { event: string; timestamp: string; deliveryId: string; data: Record<string, unknown> } & Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Whether `standardwebhooks` accepted the signature with the endpoint's secret. */
  verified: boolean;
  verifyError: string | null;
  /** The status this receiver answered. */
  answered: number;
  receivedAt: number;
}

export interface Reply {
  status: number;
  body?: string;
  /** Wait this long before answering (a slow receiver). */
  delayMs?: number;
  /** Answer only once this settles (a receiver the test holds). */
  until?: Promise<unknown>;
}

/** Decides the answer to a delivery (after verification). Default: 200 when verified, else 401. */
export type Responder = (delivery: ReceivedDelivery) => Reply | number;

export interface Endpoint {
  url: string;
  path: string;
  /** The webhook's `signingSecret`; set it from the create answer. */
  secret: string | null;
  respond: Responder;
  /** Every request that reached this endpoint, in arrival order. */
  received: ReceivedDelivery[];
  /** The deliveries answered 2xx. */
  accepted(): ReceivedDelivery[];
  /** Resolves once `count` deliveries were accepted (2xx). */
  waitForAccepted(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  /** Resolves once `count` requests arrived (whatever the answer). */
  waitForReceived(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
}

export interface WebhookReceiver {
  baseUrl: string;
  port: number;
  endpoint(options?: { secret?: string; respond?: Responder; name?: string }): Endpoint;
  /** Every request to any endpoint. */
  all: ReceivedDelivery[];
  /** Goes down: stops listening and drops open connections (senders see connection refused). */
  down(): Promise<void>;
  /** Comes back on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const ok: Responder = (d) => (d.verified ? 200 : 401);

export async function startWebhookReceiver(options: { port?: number } = {}): Promise<WebhookReceiver> {
  const endpoints = new Map<string, Endpoint>();
  const all: ReceivedDelivery[] = [];
  const sockets = new Set<Socket>();
  let counter = 0;
  let server: Server | null = null;
  let port = options.port ?? 0;

  const handle: Parameters<typeof createServer>[1] = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] as string;
      const endpoint = endpoints.get(path);
      if (!endpoint || req.method !== 'POST') {
        res.writeHead(404).end('no such endpoint');
        return;
      }
      let verified = false;
      let verifyError: string | null = null;
      try {
        if (!endpoint.secret) throw new Error('the endpoint has no secret yet');
        new Webhook(endpoint.secret).verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch (error) {
        verifyError = (error as Error).message;
      }
      let payload: ReceivedDelivery['payload'];
      try {
        payload = JSON.parse(body);
      } catch {
        payload = {} as ReceivedDelivery['payload'];
      }
      const delivery: ReceivedDelivery = {
        path,
        id: String(req.headers['webhook-id'] ?? ''),
        timestamp: Number(req.headers['webhook-timestamp']),
        body,
        payload,
        headers: req.headers,
        verified,
        verifyError,
        answered: 0,
        receivedAt: Date.now(),
      };
      const decided = endpoint.respond(delivery);
      const reply = typeof decided === 'number' ? { status: decided } : decided;
      delivery.answered = reply.status;
      endpoint.received.push(delivery);
      all.push(delivery);
      const send = () => {
        if (!res.destroyed) res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body ?? (reply.status < 300 ? 'ok' : 'nope'));
      };
      if (reply.until) void reply.until.then(send, send);
      else if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer({ keepAliveTimeout: 5000 }, handle);
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  await listen();
  const baseUrl = `http://127.0.0.1:${port}`;

  const waitFor = (what: () => ReceivedDelivery[], count: number, timeoutMs: number, label: string) =>
    new Promise<ReceivedDelivery[]>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const check = () => {
        const got = what();
        if (got.length >= count) return resolve(got);
        if (Date.now() > deadline) return reject(new Error(`expected ${count} ${label}, got ${got.length} within ${timeoutMs} ms`));
        setTimeout(check, 20);
      };
      check();
    });

  return {
    baseUrl,
    get port() {
      return port;
    },
    all,
    endpoint(opts = {}) {
      const path = `/hooks/${opts.name ?? `e${++counter}`}`;
      const endpoint: Endpoint = {
        url: `${baseUrl}${path}`,
        path,
        secret: opts.secret ?? null,
        respond: opts.respond ?? ok,
        received: [],
        accepted: () => endpoint.received.filter((d) => d.answered >= 200 && d.answered < 300),
        waitForAccepted: (count, timeoutMs = 10_000) => waitFor(endpoint.accepted, count, timeoutMs, `accepted deliveries at ${path}`),
        waitForReceived: (count, timeoutMs = 10_000) => waitFor(() => endpoint.received, count, timeoutMs, `requests at ${path}`),
      };
      endpoints.set(path, endpoint);
      return endpoint;
    },
    down: stop,
    up: listen,
    close: stop,
  };
}
