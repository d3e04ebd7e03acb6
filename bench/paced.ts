// `node bin/run-ts.mjs bench/paced.ts [--burn 0,60,180]`: the bare node:http server again, made
// slower by a known amount of pure CPU per request, under the same load as `npm run bench`. It
// shows what a server pays on this machine merely for being slower than its load generator: the
// CPU per request beyond the burn, compared with the bare server at full speed. See bench/README.md.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LOAD_OPTIONS, type Settings, loadSettings, measure, round } from './measure.ts';
import { freePort, pinSelf, startServer, stopServer } from './processes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    burn: { type: 'string', default: '0,60,180' },
    ...LOAD_OPTIONS,
  },
});
const settings: Settings = loadSettings(opts);
const pinned = availableParallelism() >= 2 && pinSelf(1);

const rows: string[] = ['| burn µs/req | req/s | server CPU | CPU µs/req | CPU µs/req beyond the burn |', '|---|---|---|---|---|'];
for (const burn of opts.burn.split(',').map(Number)) {
  const port = await freePort();
  const server = await startServer({ name: `bare (burn ${burn} µs)`, cwd: ROOT, args: ['bin/run-ts.mjs', 'bench/bare-server.ts', String(port), String(burn)], port, cpu: pinned ? 0 : undefined });
  try {
    const m = await measure({ url: `${server.baseUrl}/v1/agents/x` }, settings, server.child.pid);
    const beyond = m.cpuUsPerRequest === null ? '-' : String(round(m.cpuUsPerRequest - burn, 0));
    rows.push(`| ${burn} | ${m.reqPerSec} | ${m.serverCpu ?? '-'} | ${m.cpuUsPerRequest ?? '-'} | ${beyond} |`);
    process.stdout.write(`burn ${burn} µs: ${m.reqPerSec} req/s, ${m.cpuUsPerRequest} µs CPU per request (${beyond} beyond the burn)\n`);
  } finally {
    await stopServer(server);
  }
}
process.stdout.write(`\n${settings.connections} connections, pinning ${pinned ? 'on' : 'off'}\n${rows.join('\n')}\n`);
