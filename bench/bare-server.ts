// The baseline: a bare node:http server answering every request with a small agent-like JSON
// object, serialised per request. It is what "as fast as Node can answer" means on this machine.
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);

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
