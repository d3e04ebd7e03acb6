// Turns measurements into the printed table, the verdicts and the noise summary.
import type { Engine } from './databases.ts';
import { type Measurement, round } from './measure.ts';

export interface Row {
  engine: Engine;
  scenario: string;
  label: string;
  /** Required share of the bare server's req/s. */
  target: number;
  /** The bare server, measured right before this scenario. */
  baseline: Measurement;
  result: Measurement;
  ratio: number;
  met: boolean;
  /** Every (baseline, scenario) pair measured; the row shows the one with the median ratio. */
  runs: { baseline: Measurement; result: Measurement; ratio: number }[];
}

export function verdict(result: Measurement, baseline: Measurement, target: number): { ratio: number; met: boolean } {
  const ratio = baseline.reqPerSec > 0 ? round(result.reqPerSec / baseline.reqPerSec, 3) : 0;
  const clean = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
  return { ratio, met: clean && ratio >= target };
}

/** A Markdown table: readable in a terminal and pasteable into bench/README.md. */
export function table(rows: Row[]): string {
  const header = ['DB', 'Scenario', 'req/s', 'p99 ms', 'non-2xx+errors', 'bare req/s', 'ratio', 'target', 'met', 'server CPU', 'CPU µs/req', 'bare CPU µs/req'];
  const lines = rows.map((r) => [
    r.engine,
    r.label,
    String(r.result.reqPerSec),
    String(r.result.latencyP99Ms),
    String(r.result.non2xx + r.result.errors + r.result.timeouts),
    String(r.baseline.reqPerSec),
    `${r.ratio.toFixed(3)}×`,
    `≥ ${r.target}×`,
    r.met ? 'yes' : 'NO',
    r.result.serverCpu === null ? '-' : r.result.serverCpu.toFixed(2),
    String(r.result.cpuUsPerRequest ?? '-'),
    String(r.baseline.cpuUsPerRequest ?? '-'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

export interface Noise {
  baselineRuns: number;
  baselineMin: number;
  baselineMax: number;
  baselineMean: number;
  /** (max - min) / mean of the bare server's req/s over the run. */
  baselineSpread: number;
  /** Coefficient of variation of the bare server's req/s. */
  baselineCv: number;
  loadAvgMin: number;
  loadAvgMax: number;
}

export function noise(rows: Row[]): Noise | null {
  if (rows.length === 0) return null;
  const runs = rows.flatMap((r) => r.runs);
  const values = runs.map((r) => r.baseline.reqPerSec);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  const loads = runs.flatMap((r) => [r.baseline.loadAvg1, r.result.loadAvg1]);
  return {
    baselineRuns: values.length,
    baselineMin: Math.min(...values),
    baselineMax: Math.max(...values),
    baselineMean: round(mean, 0),
    baselineSpread: round((Math.max(...values) - Math.min(...values)) / mean, 3),
    baselineCv: round(sd / mean, 3),
    loadAvgMin: Math.min(...loads),
    loadAvgMax: Math.max(...loads),
  };
}

export function describeNoise(n: Noise): string {
  return (
    `Bare server over ${n.baselineRuns} runs: ${n.baselineMin}–${n.baselineMax} req/s (mean ${n.baselineMean}, ` +
    `spread ${(n.baselineSpread * 100).toFixed(1)}%, CV ${(n.baselineCv * 100).toFixed(1)}%); ` +
    `1-min load average ${n.loadAvgMin}–${n.loadAvgMax}.`
  );
}
