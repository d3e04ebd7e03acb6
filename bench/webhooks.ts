// `node bin/run-ts.mjs bench/webhooks.ts`: webhook deliveries per second from the outbox to a
// local receiver, on SQLite and on PostgreSQL. The outbox is filled first (events recorded with
// recordEvent, as the interviews module does), then one QueueRunner — the production runner and
// delivery handler — drains it to a node:http receiver in a worker thread (its own core).
// Not a test: npm test never runs it. See bench/README.md ("Webhook deliveries").
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../src/core/clock.ts';
import { newId } from '../src/core/ids.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations.ts';
import { newCompanyRow } from '../src/companies/service.ts';
import { insertCompany } from '../src/companies/repository.ts';
import { QueueRunner } from '../src/queue/runner.ts';
import { WEBHOOK_DELIVERY_CONCURRENCY, webhookDeliveryKind } from '../src/webhooks/delivery.ts';
import { fanOutEvent } from '../src/webhooks/record-event.ts';
import { insertWebhook } from '../src/webhooks/repository.ts';
import { generateSecret } from '../src/webhooks/signing.ts';
import { type Engine, freshDatabase } from './databases.ts';

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    events: { type: 'string', default: '10000' },
    'per-interview': { type: 'string', default: '1', description: 'events per interview (ordered chains)' },
    concurrency: { type: 'string', default: String(WEBHOOK_DELIVERY_CONCURRENCY), description: 'deliveries the runner sends at once (default: the production setting)' },
    repeat: { type: 'string', default: '3' },
    'pg-admin': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    'cpu-prof': { type: 'string', description: 'write a CPU profile of each drain phase to this directory' },
  },
});

const TARGET_SQLITE = 2000;

async function startProfile(): Promise<{ stop(path: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop(path) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
const engines = opts.db.split(',').filter(Boolean) as Engine[];
const events = Number(opts.events);
const perInterview = Number(opts['per-interview']);
const concurrency = Number(opts.concurrency);
const repeat = Number(opts.repeat);

const RECEIVER = `
const http = require('node:http');
let count = 0;
const server = http.createServer({ keepAliveTimeout: 30000 }, (req, res) => {
  req.resume();
  req.on('end', () => { count++; res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'); });
});
let connections = 0;
server.on('connection', () => connections++);
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => { if (m === 'count') process.send({ count, connections }); });
`;

async function startReceiver(): Promise<{ url: string; count(): Promise<number>; connections(): number; stop(): Promise<number> }> {
  // A separate process: its CPU is not counted as the runner's.
  const child = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  let connections = 0;
  const count = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m: { count: number; connections: number }) => {
        connections = m.connections;
        resolve(m.count);
      });
      child.send('count');
    });
  return {
    url: `http://127.0.0.1:${port}/hook`,
    count,
    connections: () => connections,
    stop: () => new Promise<number>((resolve) => (child.once('exit', () => resolve(0)), child.kill())),
  };
}

interface Result {
  engine: Engine;
  run: number;
  events: number;
  recordPerSec: number;
  deliverPerSec: number;
  seconds: number;
  /** CPU time of this (the runner's) process per delivery: what one core could do, less sensitive to a busy machine. */
  cpuUsPerDelivery: number;
}

async function runOnce(engine: Engine, run: number): Promise<Result> {
  const fresh = await freshDatabase(engine, opts['pg-admin']);
  const database = openDatabase(fresh.url, { poolSize: 10 });
  const receiver = await startReceiver();
  try {
    await migrateToLatest(database);
    const company = newCompanyRow(systemClock, { name: 'Bench' });
    await insertCompany(database.db, company);
    const now = systemClock.now().toISOString();
    await insertWebhook(database.db, {
      id: newId(),
      companyId: company.id,
      ownerKind: 'COMPANY',
      atsKeyId: null,
      url: receiver.url,
      name: 'bench',
      description: null,
      events: JSON.stringify(['interview.started']),
      headers: JSON.stringify([{ name: 'Authorization', value: 'Bearer bench' }]),
      secret: generateSecret(),
      isActive: 1,
      timeoutMs: 30_000,
      maxRetries: 3,
      circuitOpenedAt: null,
      consecutiveFailures: 0,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });

    // Fill the outbox: 500 events per transaction.
    const interviews = Array.from({ length: Math.ceil(events / perInterview) }, () => newId());
    const recordStart = performance.now();
    for (let done = 0; done < events; ) {
      const n = Math.min(500, events - done);
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < n; i++) {
          const interviewId = interviews[(done + i) % interviews.length] as string;
          await fanOutEvent(trx, systemClock, { type: 'interview.started', companyId: company.id, interviewId, data: { interviewId, companyId: company.id, candidateId: newId(), agentId: newId(), jobId: null, status: 'IN_PROGRESS' } });
        }
      });
      done += n;
    }
    const recordSeconds = (performance.now() - recordStart) / 1000;

    const runner = new QueueRunner(database.db, database.kind, systemClock, console, { pollMs: 50 });
    runner.register({ ...webhookDeliveryKind({ db: database.db, clock: systemClock, allowPrivate: true }), concurrency });
    const profiler = opts['cpu-prof'] ? await startProfile() : null;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    runner.start();
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      // Whether any work is left, not how much: literal statuses so SQLite can use the partial index
      // of unfinished tasks (a bound parameter cannot prove its condition: a full scan, counted as runner CPU).
      const { rows } = await sql`select 1 as one from queue_tasks where status in ('PENDING', 'RUNNING') limit 1`.execute(database.db);
      if (rows.length === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    if (profiler) await profiler.stop(join(opts['cpu-prof'] as string, `webhooks-${engine}-${run}.cpuprofile`));
    await runner.stop();
    const received = await receiver.count();
    process.stdout.write(`  (the receiver saw ${receiver.connections()} connections)\n`);
    const delivered = await database.db.selectFrom('webhookDeliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'DELIVERED').executeTakeFirstOrThrow();
    if (received < events || Number(delivered.n) !== events) throw new Error(`expected ${events} deliveries, the receiver got ${received} and ${delivered.n} are DELIVERED`);
    const cpuUsPerDelivery = Math.round((cpu.user + cpu.system) / events);
    return { engine, run, events, recordPerSec: Math.round(events / recordSeconds), deliverPerSec: Math.round(events / seconds), seconds: Math.round(seconds * 100) / 100, cpuUsPerDelivery };
  } finally {
    await receiver.stop();
    await database.close();
    await fresh.drop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

process.stdout.write(
  `webhook delivery benchmark ${new Date().toISOString()}: ${events} events, ${perInterview} per interview, concurrency ${concurrency}, ${repeat} run(s); ` +
    `${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]?.toFixed(2)}\n`,
);
const medians: Record<string, number> = {};
const cpuMedians: Record<string, number> = {};
for (const engine of engines) {
  const results: Result[] = [];
  for (let run = 1; run <= repeat; run++) {
    try {
      const r = await runOnce(engine, run);
      results.push(r);
      process.stdout.write(`${engine} run ${run}: delivered ${r.events} in ${r.seconds} s = ${r.deliverPerSec} deliveries/s, runner CPU ${r.cpuUsPerDelivery} µs/delivery (≈ ${Math.round(1e6 / r.cpuUsPerDelivery)}/s per core); recording ${r.recordPerSec} events/s\n`);
    } catch (error) {
      process.stdout.write(`${engine} run ${run}: failed: ${(error as Error).message}\n`);
      break;
    }
  }
  if (results.length > 0) {
    medians[engine] = median(results.map((r) => r.deliverPerSec));
    cpuMedians[engine] = median(results.map((r) => r.cpuUsPerDelivery));
  }
}
for (const [engine, value] of Object.entries(medians)) {
  const verdict = engine === 'sqlite' ? (value >= TARGET_SQLITE ? `meets the ${TARGET_SQLITE}/s target` : `BELOW the ${TARGET_SQLITE}/s target`) : 'no target';
  process.stdout.write(`${engine}: median ${value} deliveries/s (${verdict}); runner CPU median ${cpuMedians[engine]} µs/delivery\n`);
}
