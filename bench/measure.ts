// One load run with autocannon: a short warm-up whose numbers are thrown away, then the measured run.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cpuSeconds } from './processes.ts';

export interface Load {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface Settings {
  connections: number;
  duration: number;
  warmup: number;
}

/** The load options every benchmark script takes (`parseArgs` options), defaults included. */
export const LOAD_OPTIONS = {
  connections: { type: 'string', default: '20' },
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '3' },
} as const;

export function loadSettings(values: { connections: string; duration: string; warmup: string }): Settings {
  return { connections: Number(values.connections), duration: Number(values.duration), warmup: Number(values.warmup) };
}

export interface Measurement {
  /** Mean of the per-second request counts (autocannon's `requests.average`). */
  reqPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** CPU the server process used per wall-clock second of the measured run (1.0 = one core). */
  serverCpu: number | null;
  /** Server CPU time per completed request, in microseconds: less sensitive to a busy machine than req/s. */
  cpuUsPerRequest: number | null;
  /** 1-minute load average of the machine when the measured run started. */
  loadAvg1: number;
}

export async function measure(load: Load, settings: Settings, serverPid: number | undefined): Promise<Measurement> {
  const base = { url: load.url, method: load.method ?? 'GET', headers: load.headers ?? {}, body: load.body, connections: settings.connections, pipelining: 1, timeout: 10 };
  if (settings.warmup > 0) await autocannon({ ...base, duration: settings.warmup });

  const loadAvg1 = loadavg()[0] ?? 0;
  const cpuBefore = cpuSeconds(serverPid);
  const started = process.hrtime.bigint();
  const result = await autocannon({ ...base, duration: settings.duration });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = cpuSeconds(serverPid);

  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count;
  return {
    reqPerSec: round(result.requests.average, 0),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: round(result.latency.mean, 2),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    serverCpu: cpuBefore !== null && cpuAfter !== null ? round((cpuAfter - cpuBefore) / wallSeconds, 2) : null,
    cpuUsPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? round(((cpuAfter - cpuBefore) / result.requests.total) * 1e6, 0) : null,
    loadAvg1: round(loadAvg1, 2),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
