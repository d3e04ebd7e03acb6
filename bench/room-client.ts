// The candidate's side of one room in bench/rooms.ts, over the room's real transport: the push
// connection (server-sent events, kept open) and the room's POSTs, as src/room/assets/room.js
// makes them — Start, each answer with its own clientId, and /spoken after each interviewer turn
// (the page does so at once when it does not speak). It keeps what it saw for the final checks.
import { randomUUID } from 'node:crypto';
import { type Agent, request } from 'node:http';

export interface Reply {
  status: number;
  text: string;
  /** When the request was written out in full (performance.now()). */
  sentAt: number;
}

/** One request; the body is JSON. */
export function send(agent: Agent, method: 'GET' | 'POST', url: URL, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, agent, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }) } });
    let sentAt = Number.NaN;
    req.on('finish', () => (sentAt = performance.now()));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), sentAt }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Answer {
  room: number;
  n: number;
  text: string;
  clientId: string;
  /** Sent during the warm-up: checked, not timed. */
  warmup: boolean;
  sentAt: number;
  status: number | null;
  /** The interviewer turn that follows it, and when its first token arrived here. */
  agentTurnId: string | null;
  firstTokenAt: number | null;
  /** Its text: tells the model's first words from a fixed line's. */
  firstToken: string | null;
}

export interface SeenTurn {
  turnId: string;
  role: 'agent' | 'candidate';
  text: string;
}

type Event = { event: string; data: string };

export class RoomClient {
  status = 'SCHEDULED';
  /** Every turn-end, in arrival order (the snapshot's transcript first). */
  readonly seen: SeenTurn[] = [];
  readonly answers: Answer[] = [];
  readonly problems: string[] = [];
  duplicateEvents = 0;
  tokenMismatches = 0;
  spokenFailures = 0;
  /** Interviewer turns that no answer of this client caused (nudges, notices). */
  unpromptedTurns = 0;
  private streaming: { turnId: string; text: string } | null = null;
  private waiting: Answer | null = null;
  private candidateTurnSeen = false;
  private posting = false;
  private queued = false;
  private closeStream: (() => void) | null = null;

  constructor(
    readonly index: number,
    readonly interviewId: string,
    private readonly base: URL,
    private readonly agents: { stream: Agent; posts: Agent },
    /** Told when the room may answer (the previous interviewer turn has ended). */
    private readonly onReady: (room: RoomClient) => void,
  ) {}

  /** Opens the push connection; resolves once the snapshot has arrived. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(new URL('events', this.base), { agent: this.agents.stream, headers: { accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`room ${this.index}: events answered ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const event = parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (!event) continue;
            this.handle(event);
            if (event.event === 'snapshot') resolve();
          }
        });
        res.on('close', () => {
          if (this.closeStream) this.problems.push('the push connection closed');
        });
      });
      req.on('error', (error) => (this.closeStream ? this.problems.push(`push connection: ${error.message}`) : reject(error)));
      req.end();
      this.closeStream = () => {
        this.closeStream = null;
        req.destroy();
      };
    });
  }

  close(): void {
    this.closeStream?.();
  }

  async start(): Promise<void> {
    const reply = await send(this.agents.posts, 'POST', new URL('start', this.base));
    if (reply.status !== 200) throw new Error(`room ${this.index}: start answered ${reply.status} ${reply.text.slice(0, 200)}`);
  }

  /** It may answer: in progress, nothing in flight, and the interviewer's last turn has ended. */
  get ready(): boolean {
    return this.status === 'IN_PROGRESS' && !this.posting && this.waiting === null && this.streaming === null && this.seen.at(-1)?.role === 'agent';
  }

  /** Idle: nothing sent that has not had its whole answer. */
  get idle(): boolean {
    return !this.posting && this.waiting === null && this.streaming === null;
  }

  /** Taken off the ready queue by the pacer. */
  dequeued(): void {
    this.queued = false;
  }

  answer(warmup: boolean): Answer {
    const n = this.answers.length + 1;
    const text = `[r${this.index}.${n}] I moved our billing jobs onto a queue, measured the latency before and after, and kept the old path as a fallback for a month.`;
    const answer: Answer = { room: this.index, n, text, clientId: randomUUID(), warmup, sentAt: Number.NaN, status: null, agentTurnId: null, firstTokenAt: null, firstToken: null };
    this.answers.push(answer);
    this.waiting = answer;
    this.candidateTurnSeen = false;
    this.posting = true;
    send(this.agents.posts, 'POST', new URL('answers', this.base), { text, clientId: answer.clientId })
      .then(
        (reply) => {
          answer.sentAt = reply.sentAt;
          answer.status = reply.status;
          if (reply.status !== 200) {
            this.problems.push(`answer ${n}: ${reply.status} ${reply.text.slice(0, 200)}`);
            if (this.waiting === answer) this.waiting = null;
          }
        },
        (error: Error) => {
          this.problems.push(`answer ${n}: ${error.message}`);
          if (this.waiting === answer) this.waiting = null;
        },
      )
      .finally(() => {
        this.posting = false;
        this.offer();
      });
    return answer;
  }

  private handle({ event, data: json }: Event): void {
    const data = JSON.parse(json) as Record<string, unknown> & { turnId: string };
    switch (event) {
      case 'snapshot': {
        const snapshot = data as unknown as { status: string; transcript: { id: string; role: SeenTurn['role']; text: string }[] };
        this.status = snapshot.status;
        for (const turn of snapshot.transcript) this.seen.push({ turnId: turn.id, role: turn.role, text: turn.text });
        break;
      }
      case 'status':
        this.status = String(data.status);
        break;
      case 'turn-start':
        this.streaming = { turnId: data.turnId, text: '' };
        if (this.waiting && this.candidateTurnSeen && this.waiting.agentTurnId === null) this.waiting.agentTurnId = data.turnId;
        else if (this.seen.length > 0) this.unpromptedTurns++;
        break;
      case 'token': {
        const at = Number(data.at);
        if (this.streaming?.turnId !== data.turnId || at !== this.streaming.text.length) this.tokenMismatches++;
        else this.streaming.text += String(data.text);
        if (this.waiting?.agentTurnId === data.turnId && this.waiting.firstTokenAt === null) {
          this.waiting.firstTokenAt = performance.now();
          this.waiting.firstToken = String(data.text);
        }
        break;
      }
      case 'turn-end':
        this.turnEnded({ turnId: data.turnId, role: data.role as SeenTurn['role'], text: String(data.text) });
        break;
    }
    this.offer();
  }

  private turnEnded(turn: SeenTurn): void {
    if (this.seen.some((t) => t.turnId === turn.turnId)) this.duplicateEvents++;
    this.seen.push(turn);
    if (turn.role === 'candidate') {
      if (this.waiting?.text === turn.text) this.candidateTurnSeen = true;
      return;
    }
    if (this.streaming?.turnId === turn.turnId && this.streaming.text !== turn.text) this.tokenMismatches++;
    this.streaming = null;
    if (this.waiting?.agentTurnId === turn.turnId) this.waiting = null;
    send(this.agents.posts, 'POST', new URL('spoken', this.base)).then(
      (reply) => void (reply.status === 200 || this.spokenFailures++),
      () => void this.spokenFailures++,
    );
  }

  private offer(): void {
    if (this.queued || !this.ready) return;
    this.queued = true;
    this.onReady(this);
  }
}

function parse(block: string): Event | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}
