// Child processes for the benchmark: the bare baseline server and interviewd, each a real,
// separate Node process, optionally pinned to one CPU so that each gets one core's worth.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Server {
  name: string;
  child: ChildProcess;
  baseUrl: string;
  /** The last output of the process, for error messages. */
  output(): string;
}

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Pins this (the load generator's) process to a CPU; true when it worked. */
export function pinSelf(cpu: number): boolean {
  return hasTaskset && spawnSync('taskset', ['-cp', String(cpu), String(process.pid)]).status === 0;
}

export async function startServer(options: {
  name: string;
  args: string[];
  port: number;
  cwd: string;
  env?: Record<string, string>;
  cpu?: number;
  nodeFlags?: string[];
}): Promise<Server> {
  const nodeArgs = [...(options.nodeFlags ?? []), ...options.args];
  const [command, args] =
    options.cpu !== undefined && hasTaskset ? ['taskset', ['-c', String(options.cpu), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: Server = { name: options.name, child, baseUrl: `http://127.0.0.1:${options.port}`, output: () => tail };
  await waitUntilAnswering(server);
  return server;
}

async function waitUntilAnswering(server: Server, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(`${server.baseUrl}/healthz`);
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${server.name} did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

export async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** CPU seconds (user + system) the process has used so far, from /proc; null elsewhere. */
export function cpuSeconds(pid: number | undefined, thread?: 'main'): number | null {
  if (pid === undefined) return null;
  try {
    // A process's main thread has the process's id as its thread id.
    const stat = readFileSync(thread === 'main' ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) in clock ticks; USER_HZ is 100 on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
