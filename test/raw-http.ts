/** HTTP/1.1 spoken byte by byte over `node:net`, for requests no HTTP client would send. */
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body, parsed as JSON when it is JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  /** Everything the server sent (several answers on a keep-alive connection). */
  raw: string;
  /** The server closed the connection (we did not). */
  closedByServer: boolean;
}

export interface RawConnection {
  socket: Socket;
  /** Sends more bytes. */
  send(data: string | Buffer): void;
  /**
   * Resolves with the first answer once the server has closed the connection (or, with
   * `untilComplete`, once the answer is complete), at the latest after `timeoutMs`.
   */
  answer(options?: { timeoutMs?: number; untilComplete?: boolean }): Promise<RawAnswer>;
  close(): void;
}

/** Opens a connection to `port` on loopback and sends `data` (if any). */
export async function rawConnect(port: number, data?: string | Buffer): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const chunks: Buffer[] = [];
  let closedByUs = false;
  let onChunk = () => {};
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    onChunk();
  });
  socket.on('error', () => {}); // a reset shows as a missing or partial answer
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  if (data !== undefined) socket.write(data);
  return {
    socket,
    send: (more) => void socket.write(more),
    async answer({ timeoutMs = 20_000, untilComplete = false } = {}) {
      let timer: NodeJS.Timeout | undefined;
      const complete = new Promise<void>((resolve) => {
        onChunk = () => {
          if (untilComplete && isComplete(Buffer.concat(chunks).toString('utf8'))) resolve();
        };
        onChunk();
      });
      await Promise.race([closed, complete, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      const closedByServer = socket.destroyed && !closedByUs;
      if (!closedByServer) {
        closedByUs = true;
        socket.destroy();
      }
      return { ...parseAnswer(Buffer.concat(chunks).toString('utf8')), closedByServer };
    },
    close() {
      closedByUs = true;
      socket.destroy();
    },
  };
}

/** Sends `data` on a new connection and waits for the server's answer and close. */
export async function rawRequest(port: number, data: string | Buffer, timeoutMs?: number): Promise<RawAnswer> {
  return (await rawConnect(port, data)).answer({ timeoutMs });
}

function isComplete(raw: string): boolean {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(raw.slice(0, end))?.[1];
  return length !== undefined && Buffer.byteLength(raw.slice(end + 4)) >= Number(length);
}

function parseAnswer(raw: string): Omit<RawAnswer, 'closedByServer'> {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: undefined, text: raw, raw };
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? Number.NaN);
  const text = Number.isNaN(length) ? raw.slice(end + 4) : Buffer.from(raw.slice(end + 4)).subarray(0, length).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body, text, raw };
}
