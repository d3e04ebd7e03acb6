// The baseline: a bare node:http server answering every request with a small agent-like JSON
// object, serialised per request. It is what "as fast as Node can answer" means on this machine.
// An optional second argument burns that many microseconds of pure CPU per request first
// (bench/paced.ts): a server exactly as fast as the bare one, only slower by a known amount.
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);
let sink = 0; // where burn's result goes, so the loop is never optimised away
const burnIterations = calibrate(Number(process.argv[3] ?? 0));

const agent = {
  id: '0b6f1c1e-7d4a-4f3e-9a53-2c1d2b9d8e11',
  companyId: '5f0e3a4b-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  name: 'Bench agent',
  type: 'ONLINE',
  focus: 'SCREENING',
  language: 'EN',
  duration: 30,
  questions: ['Tell me about yourself.'],
  instructions: null,
  voiceId: null,
  companyPhoneNumberId: null,
  cefrLevel: null,
  backgroundSound: 'OFFICE',
  metadata: {},
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (burnIterations > 0) burn(burnIterations);
    const body = JSON.stringify(agent);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Arithmetic only (no allocation, no memory traffic), so the burn adds CPU time and nothing else.
function burn(iterations: number): void {
  let x = sink;
  for (let i = 0; i < iterations; i++) x = (x * 31 + i) | 0;
  sink = x;
}

/** Iterations of `burn` that take `microseconds`, measured after the loop is optimised. */
function calibrate(microseconds: number): number {
  if (microseconds <= 0) return 0;
  const probe = 100_000;
  for (let i = 0; i < 200; i++) burn(probe);
  const started = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) burn(probe);
  const perIteration = Number(process.hrtime.bigint() - started) / 1000 / (200 * probe);
  return Math.round(microseconds / perIteration);
}
