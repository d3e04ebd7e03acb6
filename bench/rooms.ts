// `node bin/run-ts.mjs bench/rooms.ts`: many open rooms answering at a steady total rate (issue 13).
// interviewd runs as deployed (`bin/interviewd.mjs serve`, its own process) with the OpenAI fake
// of test/fakes in this process as its model, answering at once. Each room is an interview
// created through the API, its push connection (SSE) kept open, started and answered over the
// room's own routes. Timed: from an answer's POST written out to the first token of the
// interviewer's next turn on that room's push connection, minus the fake's own time when the
// model spoke first. Then every room's stored transcript is checked against what its client sent
// and saw. Not a test: npm test never runs it. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type RecordedRequest, reply, startOpenAiFake } from '../test/fakes/openai-server.ts';
import { type Engine, freshDatabase } from './databases.ts';
import { cpuSeconds, freePort, pinSelf, startServer, stopServer } from './processes.ts';
import { checkRoom, emptyMismatches, type Mismatches, type StoredTurn } from './room-checks.ts';
import { type Answer, RoomClient, send } from './room-client.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values: opts } = parseArgs({
  options: {
    rooms: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '200', description: 'answers per second, all rooms together' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3', description: 'seconds of answers checked but not timed' },
    questions: { type: 'string', default: '20' },
    db: { type: 'string', default: 'sqlite,postgres' },
    'pg-admin': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    'log-level': { type: 'string', default: 'warn' },
    // Off by default: the server's model calls run on a thread of their own, which a server pinned
    // to one CPU would make share that CPU with everything else.
    pin: { type: 'boolean', default: false, description: 'the server on CPU 0, this process on CPU 1' },
    'cpu-prof': { type: 'string', description: 'a directory for a V8 CPU profile of the server' },
  },
});
const ROOMS = Number(opts.rooms);
const RATE = Number(opts.rate);
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const QUESTIONS = Math.min(50, Number(opts.questions));
/** Requests in flight while interviews are created, rooms opened and started. */
const SETUP_CONCURRENCY = 16;

/** The issue's targets. */
const MEDIAN_TARGET_MS = 5;
const P99_TARGET_MS = 25;
const KB_PER_ROOM_TARGET = 150;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

// ——— The model: the fake answers every call at once; its own time is kept per answer ———
/** Per answer marker (`r<room>.<n>`): when the model call arrived and when its first token left. */
const modelCalls = new Map<string, { arrivedAt: number; firstChunkAt: number | null }>();
const fake = await startOpenAiFake();
const FOLLOW_UP = ['Thanks, that helps.', ' What did the latency', ' numbers show', ' after the move?'];
fake.respond = (recorded: RecordedRequest) => {
  fake.requests.length = 0; // the fake records every request; nothing here reads them
  const call = { arrivedAt: performance.now(), firstChunkAt: null as number | null };
  const lastUser = [...(recorded.body.messages ?? [])].reverse().find((m) => m.role === 'user');
  const marker = [...String(lastUser?.content ?? '').matchAll(/\[(r\d+\.\d+)\]/g)].at(-1)?.[1];
  if (marker && !modelCalls.has(marker)) modelCalls.set(marker, call);
  // The fake pushes each content chunk to `sent` right after writing it: the first push is its first token.
  const sent: string[] = [];
  sent.push = (...items: string[]) => {
    call.firstChunkAt ??= performance.now();
    return Array.prototype.push.apply(sent, items);
  };
  recorded.sent = sent;
  return reply.text(FOLLOW_UP.join(''), { chunks: FOLLOW_UP });
};

// ——— Helpers ———
async function inBatches<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resident memory of a process in bytes, from /proc. */
function rssBytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms.toFixed(1));

function newKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // A live key: interviews made with an sk_test_ key are test interviews that run by themselves.
  return `sk_live_${Array.from({ length: 40 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

// ——— The run ———
/** Paces answers at RATE in total, each from a room whose previous interviewer turn has ended. */
function pace(queue: RoomClient[]): Promise<{ sent: number; timed: number; behind: number }> {
  const started = performance.now();
  let sent = 0;
  let timed = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - started) / 1000;
      if (elapsed >= WARMUP + DURATION) {
        clearInterval(timer);
        resolve({ sent, timed, behind: Math.floor((WARMUP + DURATION) * RATE) - sent });
        return;
      }
      // Answers not sent for want of a ready room stay due: the achieved rate shows them.
      for (let due = Math.floor(elapsed * RATE) - sent; due > 0 && queue.length > 0; ) {
        const room = queue.shift() as RoomClient;
        room.dequeued();
        if (!room.ready) continue;
        room.answer(elapsed < WARMUP);
        sent++;
        if (elapsed >= WARMUP) timed++;
        due--;
      }
    }, 2);
  });
}

interface Timing {
  /** Server time: first token seen − POST written − the model's own time when it spoke first. */
  serverMs: number;
  modelFirst: boolean;
  fakeMs: number;
}

function timingOf(answer: Answer): Timing | null {
  if (answer.status !== 200 || answer.firstTokenAt === null || Number.isNaN(answer.sentAt)) return null;
  // By its text, not by time: this process may read the fake's request before the room's token.
  const modelFirst = answer.firstToken === FOLLOW_UP[0];
  const call = modelCalls.get(`r${answer.room}.${answer.n}`);
  const fakeMs = modelFirst && call?.firstChunkAt != null ? call.firstChunkAt - call.arrivedAt : 0;
  return { serverMs: answer.firstTokenAt - answer.sentAt - fakeMs, modelFirst, fakeMs };
}

async function benchEngine(engine: Engine, serverCpu: number | undefined): Promise<string> {
  const database = await freshDatabase(engine, opts['pg-admin']);
  const key = newKey();
  const port = await freePort();
  const server = await startServer({
    name: `interviewd (${engine})`,
    cwd: ROOT,
    args: ['bin/interviewd.mjs', 'serve'],
    nodeFlags: opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(opts['cpu-prof'])}`] : [],
    port,
    cpu: serverCpu,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: opts['log-level'],
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_HOUR: '1000000000',
      DEFAULT_MONTHLY_MINUTES: '1000000000',
      INTERVIEWD_BOOTSTRAP_KEY: key,
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'bench-fake',
    },
  });
  const agents = { stream: new Agent({ keepAlive: false, maxSockets: Infinity }), posts: new Agent({ keepAlive: true, maxSockets: 64 }) };
  const rooms: RoomClient[] = [];
  const queue: RoomClient[] = [];
  try {
    const auth = { authorization: `Bearer ${key}` };
    const questions = Array.from({ length: QUESTIONS }, (_, i) => `Question ${i + 1}: tell me about a system you changed and how you measured it.`);
    const created = await inBatches(Array.from({ length: ROOMS }, (_, i) => i), SETUP_CONCURRENCY, async (i) => {
      const res = await send(agents.posts, 'POST', new URL('/v1/interviews', server.baseUrl), {
        agent: { name: 'Bench room agent', type: 'ONLINE', focus: 'GENERIC', duration: 60, questions },
        candidate: { firstName: 'Room', lastName: `Candidate ${i}`, email: `room-${i}-${process.pid}@example.com` },
      }, auth);
      const body = JSON.parse(res.text) as { id?: string; interviewUrl?: string };
      if (res.status !== 201 || !body.id || !body.interviewUrl) throw new Error(`creating interview ${i}: ${res.status} ${res.text.slice(0, 300)}`);
      return { id: body.id, token: body.interviewUrl.split('/room/')[1] as string };
    });
    log(`${engine}: ${ROOMS} interviews created on ${database.label}`);
    const rssBefore = rssBytes(server.child.pid);

    for (const [i, { id, token }] of created.entries()) {
      rooms.push(new RoomClient(i, id, new URL(`/room/${token}/`, server.baseUrl), agents, (room) => queue.push(room)));
    }
    await inBatches(rooms, SETUP_CONCURRENCY, (room) => room.open());
    await inBatches(rooms, SETUP_CONCURRENCY, (room) => room.start());
    await until(() => rooms.every((room) => room.ready), 300_000, 'every room to finish its opening turn');
    const rssOpen = rssBytes(server.child.pid);
    const kbPerRoom = (rssOpen - rssBefore) / ROOMS / 1024;
    log(`${engine}: ${ROOMS} rooms open and started; server RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssOpen / 2 ** 20).toFixed(0)} MB (${kbPerRoom.toFixed(0)} KB per room)`);

    // The server's CPU with every room open and nobody answering (timers, the queue's polling).
    const idleFrom = cpuSeconds(server.child.pid) ?? Number.NaN;
    await new Promise((r) => setTimeout(r, 3000));
    const idleCores = ((cpuSeconds(server.child.pid) ?? Number.NaN) - idleFrom) / 3;
    const load0 = loadavg()[0] ?? 0;
    const serverCpuBefore = cpuSeconds(server.child.pid);
    const mainThreadCpuBefore = cpuSeconds(server.child.pid, 'main');
    const ownCpuBefore = process.cpuUsage();
    const pacedAt = performance.now();
    const paced = await pace(queue);
    const pacedSeconds = (performance.now() - pacedAt) / 1000;
    const serverCpuUsed = (cpuSeconds(server.child.pid) ?? Number.NaN) - (serverCpuBefore ?? Number.NaN);
    const mainThreadCpuUsed = (cpuSeconds(server.child.pid, 'main') ?? Number.NaN) - (mainThreadCpuBefore ?? Number.NaN);
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const ownCpuUsed = (ownCpu.user + ownCpu.system) / 1e6;
    await until(() => rooms.every((room) => room.idle), 60_000, 'the last answers to be followed by their interviewer turns');
    const rssEnd = rssBytes(server.child.pid);

    const answers = rooms.flatMap((room) => room.answers);
    const timings = answers.filter((a) => !a.warmup).map(timingOf).filter((t): t is Timing => t !== null);
    const all = sorted(timings.map((t) => t.serverMs));
    const modelFirst = sorted(timings.filter((t) => t.modelFirst).map((t) => t.serverMs));
    const fixedFirst = sorted(timings.filter((t) => !t.modelFirst).map((t) => t.serverMs));
    const fakeMs = sorted(timings.filter((t) => t.modelFirst).map((t) => t.fakeMs));
    const refused = answers.filter((a) => a.status !== 200).length;
    const untimed = answers.filter((a) => a.status === 200 && a.firstTokenAt === null).length;

    const mismatches: Mismatches = emptyMismatches();
    await inBatches(rooms, SETUP_CONCURRENCY, async (room) => {
      const res = await send(agents.posts, 'GET', new URL(`/v1/interviews/${room.interviewId}/transcript`, server.baseUrl), undefined, auth);
      if (res.status !== 200) throw new Error(`transcript of ${room.interviewId}: ${res.status} ${res.text.slice(0, 200)}`);
      checkRoom(room, JSON.parse(res.text) as StoredTurn[], mismatches);
    });
    const spokenFailures = rooms.reduce((n, room) => n + room.spokenFailures, 0);
    const unprompted = rooms.reduce((n, room) => n + room.unpromptedTurns, 0);
    const ended = rooms.filter((room) => room.status !== 'IN_PROGRESS').length;
    const lostOrDuplicated = mismatches.lostAnswers + mismatches.duplicatedAnswers + mismatches.duplicatedTurns + mismatches.lostTurns;
    const other = mismatches.unseenTurns + mismatches.outOfOrder + mismatches.duplicateEvents + mismatches.tokenMismatches;

    const achieved = paced.timed / DURATION;
    const median = quantile(all, 0.5);
    const p99 = quantile(all, 0.99);
    const met = median < MEDIAN_TARGET_MS && p99 < P99_TARGET_MS && kbPerRoom < KB_PER_ROOM_TARGET && lostOrDuplicated === 0 && refused === 0;
    log(`${engine}: ${paced.sent} answers sent (${paced.timed} timed, ${achieved.toFixed(1)}/s of ${RATE}/s; ${paced.behind} behind schedule), refused ${refused}, no next turn ${untimed}; load ${load0.toFixed(2)}`);
    log(`${engine}: server time median ${fmt(median)} ms, p99 ${fmt(p99)} ms, max ${fmt(all.at(-1) ?? Number.NaN)} ms over ${all.length}` +
      ` — model first (follow-ups) ${modelFirst.length}: median ${fmt(quantile(modelFirst, 0.5))}, p99 ${fmt(quantile(modelFirst, 0.99))};` +
      ` fixed line first (next question) ${fixedFirst.length}: median ${fmt(quantile(fixedFirst, 0.5))}, p99 ${fmt(quantile(fixedFirst, 0.99))};` +
      ` fake's own time median ${fmt(quantile(fakeMs, 0.5))}, p99 ${fmt(quantile(fakeMs, 0.99))} ms`);
    // CPU over the paced run: one core is 1.00; this process runs every client and the fake model.
    // Its main thread serves every room: the rest (model calls, SQLite's helpers, GC helpers) runs beside it.
    log(`${engine}: CPU during the answers — server ${(serverCpuUsed / pacedSeconds).toFixed(2)} cores, its main thread ${(mainThreadCpuUsed / pacedSeconds).toFixed(2)} (idle before: ${idleCores.toFixed(2)}; above idle, ${(((serverCpuUsed - idleCores * pacedSeconds) / paced.sent) * 1000).toFixed(2)} ms per answer, its turn and /spoken included; main thread ${((mainThreadCpuUsed / paced.sent) * 1000).toFixed(2)} ms), this process ${(ownCpuUsed / pacedSeconds).toFixed(2)} cores`);
    log(`${engine}: server RSS at the end ${(rssEnd / 2 ** 20).toFixed(0)} MB; rooms no longer in progress ${ended}; interviewer turns no answer caused ${unprompted}; /spoken failures ${spokenFailures}`);
    log(`${engine}: check — lost answers ${mismatches.lostAnswers}, duplicated answers ${mismatches.duplicatedAnswers}, turns stored twice ${mismatches.duplicatedTurns}, seen but not stored ${mismatches.lostTurns}; stored but never seen ${mismatches.unseenTurns}, out of order ${mismatches.outOfOrder}, duplicate events ${mismatches.duplicateEvents}, token mismatches ${mismatches.tokenMismatches} → ${lostOrDuplicated === 0 ? 'no lost or duplicated turns' : `${lostOrDuplicated} LOST OR DUPLICATED`}${other ? `, ${other} other mismatches` : ''}`);
    for (const detail of mismatches.details) log(`  ${detail}`);
    if (server.output().trim()) log(`${engine}: server output (tail):\n${server.output().trim().split('\n').slice(-10).join('\n')}`);
    return `| ${engine} | ${ROOMS} | ${achieved.toFixed(0)} / ${RATE} | ${all.length} | **${fmt(median)}** | **${fmt(p99)}** | ${fmt(quantile(modelFirst, 0.5))} / ${fmt(quantile(fixedFirst, 0.5))} | ${fmt(quantile(fakeMs, 0.5))} | **${kbPerRoom.toFixed(0)}** | ${lostOrDuplicated} (${other}) | ${met ? 'met' : 'MISSED'} |`;
  } finally {
    for (const room of rooms) room.close();
    agents.stream.destroy();
    agents.posts.destroy();
    await stopServer(server);
    await database.drop();
  }
}

const pin = opts.pin && availableParallelism() >= 2;
// The server on CPU 0; this process (clients and the fake model) on CPU 1.
const pinned = pin && pinSelf(1);
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
log(`rooms benchmark at ${commit}, ${new Date().toISOString()}: ${ROOMS} rooms, ${RATE} answers/s, ${WARMUP} s warm-up + ${DURATION} s, ${QUESTIONS} questions per room, pinning ${pinned ? 'on' : 'off'}`);
if ((RATE * (WARMUP + DURATION)) / ROOMS > QUESTIONS * 3 - 1) log(`warning: rooms may run out of questions (${QUESTIONS} questions take about ${QUESTIONS * 3} answers); raise --questions`);
const rows: string[] = [];
try {
  for (const engine of opts.db.split(',').filter(Boolean) as Engine[]) rows.push(await benchEngine(engine, pinned ? 0 : undefined));
} finally {
  await fake.close();
}
log(`\n| DB | rooms | answers/s | timed | median ms | p99 ms | median model first / fixed first | fake ms | KB/room | lost or duplicated (other) | targets |\n|---|---|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
