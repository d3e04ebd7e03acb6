// `npm run bench`: the bare node:http baseline and interviewd (auth and rate limiting on) under
// autocannon, each scenario right after its own baseline run, on SQLite and on PostgreSQL.
// Not a test: npm test never runs it. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Engine, type FreshDatabase, freshDatabase } from './databases.ts';
import { LOAD_OPTIONS, type Load, type Settings, loadSettings, measure } from './measure.ts';
import { type Server, freePort, pinSelf, startServer, stopServer } from './processes.ts';
import { type Row, describeNoise, noise, table, verdict } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values: opts } = parseArgs({
  options: {
    ...LOAD_OPTIONS,
    repeat: { type: 'string', default: '1' },
    db: { type: 'string', default: 'sqlite,postgres' },
    scenarios: { type: 'string', default: 'get,list,post' },
    'pg-admin': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    'log-level': { type: 'string', default: 'warn' },
    'no-pin': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    out: { type: 'string', default: 'bench/results/latest.json' },
  },
});

const settings: Settings = loadSettings(opts);
const repeat = Math.max(1, Number(opts.repeat));
const engines = opts.db.split(',').filter(Boolean) as Engine[];
const wanted = opts.scenarios.split(',').filter(Boolean);

/** Issue 12 floors: share of the bare server's req/s each scenario must reach on SQLite; PostgreSQL 60 % of that. */
const SQLITE_TARGETS: Record<string, number> = { get: 0.25, list: 0.1, post: 0.1 };
const POSTGRES_FACTOR = 0.6;

interface Scenario {
  name: string;
  label: string;
  load(baseUrl: string, key: string, agentId: string): Load;
}

const AGENT_BODY = JSON.stringify({ name: 'Bench agent', questions: ['Tell me about yourself.'] });

const SCENARIOS: Scenario[] = [
  { name: 'get', label: 'GET /v1/agents/{id}', load: (base, key, id) => ({ url: `${base}/v1/agents/${id}`, headers: auth(key) }) },
  { name: 'list', label: 'GET /v1/agents?limit=20', load: (base, key) => ({ url: `${base}/v1/agents?limit=20`, headers: auth(key) }) },
  {
    name: 'post',
    label: 'POST /v1/agents',
    load: (base, key) => ({ url: `${base}/v1/agents`, method: 'POST', headers: { ...auth(key), 'content-type': 'application/json' }, body: AGENT_BODY }),
  },
];

function auth(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

function newKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let body = '';
  for (let i = 0; i < 40; i++) body += alphabet[randomInt(alphabet.length)];
  return `sk_test_${body}`;
}

/** Creates `count` agents and proves that authentication and rate limiting are switched on. */
async function seed(baseUrl: string, key: string, count: number): Promise<string> {
  const anonymous = await fetch(`${baseUrl}/v1/agents`);
  await anonymous.arrayBuffer();
  if (anonymous.status !== 401) throw new Error(`expected 401 without a key, got ${anonymous.status}`);
  let firstId = '';
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${baseUrl}/v1/agents`, {
      method: 'POST',
      headers: { ...auth(key), 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Seed agent ${i + 1}`, questions: ['Tell me about yourself.', 'Why this role?'] }),
    });
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || !body.id) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(body)}`);
    if (!res.headers.get('x-ratelimit-limit-minute')) throw new Error('no x-ratelimit-* headers: rate limiting is not on');
    firstId ||= body.id;
  }
  return firstId;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function summary(m: { reqPerSec: number; latencyP99Ms: number; non2xx: number; errors: number; serverCpu: number | null }): string {
  return `${m.reqPerSec} req/s, p99 ${m.latencyP99Ms} ms, non-2xx ${m.non2xx}, errors ${m.errors}, server CPU ${m.serverCpu ?? '-'}`;
}

const pin = !opts['no-pin'] && availableParallelism() >= 2;
// Servers on CPU 0, the load generator on CPU 1: each side gets one core's worth.
const serverCpu = pin ? 0 : undefined;
const pinned = pin && pinSelf(1);

const rows: Row[] = [];
const skipped: { engine: Engine; reason: string }[] = [];
const startedAt = new Date();
log(`interviewd benchmark ${startedAt.toISOString()}: ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per run, ${repeat} run(s) per scenario, pinning ${pinned ? 'on' : 'off'}`);

const barePort = await freePort();
const bare = await startServer({ name: 'bare node:http', cwd: ROOT, args: ['bin/run-ts.mjs', 'bench/bare-server.ts', String(barePort)], port: barePort, cpu: serverCpu });
try {
  for (const engine of engines) {
    let database: FreshDatabase;
    try {
      database = await freshDatabase(engine, opts['pg-admin']);
    } catch (error) {
      skipped.push({ engine, reason: (error as Error).message });
      log(`${engine}: skipped (${(error as Error).message})`);
      continue;
    }
    let server: Server | undefined;
    try {
      const key = newKey();
      const port = await freePort();
      const profileDir = opts['cpu-prof'] ? resolve(opts['cpu-prof']) : undefined;
      server = await startServer({
        name: `interviewd (${engine})`,
        cwd: ROOT,
        args: ['bin/interviewd.mjs', 'serve'],
        nodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
        port,
        cpu: serverCpu,
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          LOG_LEVEL: opts['log-level'],
          RATE_LIMIT_PER_MINUTE: '100000000',
          RATE_LIMIT_PER_HOUR: '1000000000',
          INTERVIEWD_BOOTSTRAP_KEY: key,
        },
      });
      const agentId = await seed(server.baseUrl, key, 25);
      log(`${engine}: interviewd ready on ${database.label}, 25 agents seeded`);

      for (const scenario of SCENARIOS.filter((s) => wanted.includes(s.name))) {
        const target = (SQLITE_TARGETS[scenario.name] ?? 0) * (engine === 'postgres' ? POSTGRES_FACTOR : 1);
        const runs: Row['runs'] = [];
        for (let i = 0; i < repeat; i++) {
          const baseline = await measure({ url: `${bare.baseUrl}/v1/agents/${agentId}` }, settings, bare.child.pid);
          log(`  bare server            ${summary(baseline)}`);
          const result = await measure(scenario.load(server.baseUrl, key, agentId), settings, server.child.pid);
          const { ratio, met } = verdict(result, baseline, target);
          log(`  ${scenario.label.padEnd(22)} ${summary(result)} → ${ratio}× (target ${target}×) ${met ? 'met' : 'MISSED'}`);
          runs.push({ baseline, result, ratio });
        }
        // The pair with the median ratio stands for the scenario (the lower one of an even count).
        const { baseline, result } = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((runs.length - 1) / 2)] as Row['runs'][number];
        const { ratio } = verdict(result, baseline, target);
        const met = ratio >= target && runs.every((r) => r.result.non2xx + r.result.errors + r.result.timeouts === 0);
        rows.push({ engine, scenario: scenario.name, label: scenario.label, target, baseline, result, ratio, met, runs });
      }
    } finally {
      if (server) await stopServer(server);
      await database.drop();
    }
  }
} finally {
  await stopServer(bare);
}

const n = noise(rows);
log(`\n${table(rows)}\n`);
if (n) log(`Noise: ${describeNoise(n)}`);
for (const s of skipped) log(`Skipped ${s.engine}: ${s.reason}`);
log(rows.every((r) => r.met) && skipped.length === 0 ? 'All targets met.' : `Targets missed: ${rows.filter((r) => !r.met).map((r) => `${r.engine}/${r.scenario}`).join(', ') || 'none'}${skipped.length ? ' (some engines skipped)' : ''}`);

const out = resolve(ROOT, opts.out);
mkdirSync(dirname(out), { recursive: true });
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || null;
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, loadAvgAtEnd: loadavg() };
writeFileSync(out, `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), commit, machine, settings: { ...settings, repeat, pinned, logLevel: opts['log-level'] }, rows, skipped, noise: n }, null, 2)}\n`);
log(`Results written to ${join(opts.out)}`);
