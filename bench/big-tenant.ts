// `node bin/run-ts.mjs bench/big-tenant.ts [--db sqlite|postgres]`: does one large tenant slow the
// others? One company with 200,000 agents pages through them (first page, a search, a deep page,
// a filter) from one connection (more: --connections) while another company's GET is timed.
// interviewd runs as deployed (`bin/interviewd.mjs serve`, its own process) on a database seeded
// by bench/big-tenant-seed.ts. Not a test: npm test never runs it. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FILTER, SEARCH_TERM, seedTenants } from './big-tenant-seed.ts';
import { type Engine, freshDatabase } from './databases.ts';
import { cpuSeconds, freePort, startServer, stopServer } from './processes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    agents: { type: 'string', default: '200000' },
    connections: { type: 'string', default: '1', description: 'connections paging the big tenant, each one page after another' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'pg-admin': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});

/** The targets: each page's median, and the other company's p99 while they run. */
const PAGE_MEDIAN_TARGET_MS = 50;
const OTHER_P99_TARGET_MS = 20;

const PAGES = [
  { name: 'first page', path: '/v1/agents?limit=20' },
  { name: 'search', path: `/v1/agents?limit=20&search=${SEARCH_TERM}` },
  { name: 'deep page', path: '/v1/agents?page=9000&limit=20' },
  { name: 'filter', path: `/v1/agents?limit=20&${FILTER}` },
];
/** The pages the figure is about; the filter is reported beside them. */
const TARGET_PAGES = new Set(['first page', 'search', 'deep page']);

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One GET on a keep-alive connection of its own; the time to the last byte, in ms. */
function timedGet(agent: Agent, url: URL, key: string): Promise<{ ms: number; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, headers: { authorization: `Bearer ${key}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

interface Load {
  pages: Map<string, number[]>;
  other: number[];
  failures: string[];
}

/** Runs the big tenant's pages and the other tenant's GETs together for `seconds`. */
async function runLoad(baseUrl: string, seeded: Awaited<ReturnType<typeof seedTenants>>, seconds: number, connections: number): Promise<Load> {
  const load: Load = { pages: new Map(PAGES.map((p) => [p.name, []])), other: [], failures: [] };
  const deadline = performance.now() + seconds * 1000;
  const pager = async (offset: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = offset; performance.now() < deadline; i++) {
      const page = PAGES[i % PAGES.length] as (typeof PAGES)[number];
      const res = await timedGet(agent, new URL(page.path, baseUrl), seeded.big.key);
      if (res.status !== 200) load.failures.push(`${page.name}: ${res.status} ${res.body.slice(0, 200)}`);
      else load.pages.get(page.name)?.push(res.ms);
    }
    agent.destroy();
  };
  const other = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(`/v1/agents/${seeded.other.agentId}`, baseUrl);
    while (performance.now() < deadline) {
      const res = await timedGet(agent, url, seeded.other.key);
      if (res.status !== 200) load.failures.push(`other GET: ${res.status} ${res.body.slice(0, 200)}`);
      else load.other.push(res.ms);
      // A steady trickle (a few hundred a second), timed one by one: latency, not throughput.
      await new Promise((r) => setTimeout(r, 2));
    }
    agent.destroy();
  };
  await Promise.all([...Array.from({ length: connections }, (_, c) => pager(c)), other()]);
  return load;
}

async function benchEngine(engine: Engine): Promise<string[]> {
  const database = await freshDatabase(engine, opts['pg-admin']);
  try {
    log(`${engine}: seeding ${opts.agents} agents on ${database.label}`);
    const seeded = await seedTenants(database.url, Number(opts.agents), log);
    const port = await freePort();
    const server = await startServer({
      name: `interviewd (${engine})`,
      cwd: ROOT,
      args: ['bin/interviewd.mjs', 'serve'],
      port,
      env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PER_HOUR: '1000000000' },
    });
    try {
      // The pages answer what the seed holds (a wrong total would make the timings meaningless).
      const first = await timedGet(new Agent(), new URL(PAGES[0]!.path, server.baseUrl), seeded.big.key);
      const total = (JSON.parse(first.body) as { total: number }).total;
      log(`${engine}: first page ${first.status}, total ${total}, ${fmt(first.ms)} ms cold`);
      await runLoad(server.baseUrl, seeded, Number(opts.warmup), Number(opts.connections));
      const cpuBefore = cpuSeconds(server.child.pid);
      const load0 = loadavg()[0] ?? 0;
      const load = await runLoad(server.baseUrl, seeded, Number(opts.duration), Number(opts.connections));
      const cpu = cpuSeconds(server.child.pid);
      const serverCpu = cpu !== null && cpuBefore !== null ? ((cpu - cpuBefore) / Number(opts.duration)).toFixed(2) : '-';
      return report(engine, load, { total, serverCpu, load0 });
    } finally {
      await stopServer(server);
    }
  } finally {
    await database.drop();
  }
}

function report(engine: Engine, load: Load, info: { total: number; serverCpu: string; load0: number }): string[] {
  const rows: string[] = [];
  const targeted: number[] = [];
  for (const page of PAGES) {
    const times = [...(load.pages.get(page.name) ?? [])].sort((a, b) => a - b);
    if (TARGET_PAGES.has(page.name)) targeted.push(...times);
    rows.push(`| ${engine} | ${page.name} \`${page.path}\` | ${times.length} | ${fmt(quantile(times, 0.5))} | ${fmt(quantile(times, 0.99))} | ${fmt(times.at(-1) ?? Number.NaN)} |`);
  }
  const other = [...load.other].sort((a, b) => a - b);
  rows.push(`| ${engine} | other company \`GET /v1/agents/{id}\` | ${other.length} | ${fmt(quantile(other, 0.5))} | **${fmt(quantile(other, 0.99))}** | ${fmt(other.at(-1) ?? Number.NaN)} |`);
  targeted.sort((a, b) => a - b);
  const medians = PAGES.filter((p) => TARGET_PAGES.has(p.name)).map((p) => quantile([...(load.pages.get(p.name) ?? [])].sort((a, b) => a - b), 0.5));
  const pagesMet = medians.every((m) => m < PAGE_MEDIAN_TARGET_MS);
  const otherMet = quantile(other, 0.99) < OTHER_P99_TARGET_MS;
  log(`${engine}: median of first page + search + deep page ${fmt(quantile(targeted, 0.5))} ms (each < ${PAGE_MEDIAN_TARGET_MS}: ${pagesMet ? 'met' : 'MISSED'}); other company p99 ${fmt(quantile(other, 0.99))} ms (< ${OTHER_P99_TARGET_MS}: ${otherMet ? 'met' : 'MISSED'}); total ${info.total}; server CPU ${info.serverCpu}; load ${info.load0.toFixed(2)}; failures ${load.failures.length}`);
  for (const failure of load.failures.slice(0, 5)) log(`  ${failure}`);
  return rows;
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
log(`big-tenant benchmark at ${commit}, ${new Date().toISOString()}: ${opts.agents} agents, ${opts.connections} paging connections, ${opts.warmup} s warm-up + ${opts.duration} s`);
const rows: string[] = [];
for (const engine of opts.db.split(',').filter(Boolean) as Engine[]) rows.push(...(await benchEngine(engine)));
log(`\n| DB | request | n | median ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n${rows.join('\n')}`);
