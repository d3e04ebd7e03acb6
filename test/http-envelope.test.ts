import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectValidation } from './domain-assertions.ts';
import { type ApiResponse, type SeededCompany, startTestServer, type TestServer } from './harness.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MiB = 1024 * 1024;

/** A chunked request (no Content-Length), which fetch cannot send without a stream. */
function chunkedPost(baseUrl: string, path: string, key: string, chunks: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseUrl), { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const write = (i: number): void => {
      if (i === chunks.length) return void req.end();
      if (req.destroyed) return;
      req.write(chunks[i], () => write(i + 1));
    };
    write(0);
  });
}

/** §1/§2 rules that every route shares: media type, JSON, size, ids, the envelope, X-Request-Id. */
describe('HTTP conventions and the error envelope', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let agentId: string;
  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
    agentId = (await acme.api('POST', '/v1/agents', { body: { name: 'Existing' } })).body.id;
  });
  afterAll(() => server.close());

  const envelopeShape = (res: ApiResponse) => {
    const error = expectError(res, res.status, (res.body as { error: { code: string } }).error.code);
    expect(Object.keys(res.body as object).sort()).toEqual(['data', 'error', 'success', 'timestamp']);
    expect((res.body as { timestamp: string }).timestamp).toMatch(ISO_MS);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.text).not.toMatch(/at .+\.ts:\d+|SELECT|INSERT/);
    return error;
  };

  it('malformed JSON is 400 INVALID_JSON on POST and PATCH', async () => {
    for (const rawBody of ['{"name": "x",}', '{name: "x"}', '{"name": "Unclosed', 'undefined', "{'a':1}"]) {
      const post = await acme.api('POST', '/v1/agents', { rawBody, headers: { 'content-type': 'application/json' } });
      expectError(post, 400, 'INVALID_JSON');
      envelopeShape(post);
      expectError(await acme.api('PATCH', `/v1/agents/${agentId}`, { rawBody, headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
    }
    expectError(await acme.api('POST', '/v1/agents', { rawBody: '{"__proto__": {"admin": true}, "name": "Proto"}', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
    // Spelled with escapes, the key is still refused (the fast path without the reviver must not miss it).
    expectError(await acme.api('POST', '/v1/agents', { rawBody: '{"\\u005f_proto__": {"admin": true}, "name": "Proto"}', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
    expectError(await acme.api('POST', '/v1/agents', { rawBody: '{"metadata": {"a": {"__pr\\u006fto__": 1}}, "name": "Proto"}', headers: { 'content-type': 'application/json' } }), 400, 'INVALID_JSON');
  });

  it('a string or key with a lone surrogate is 400 INVALID_JSON and stores nothing; a pair spelled with escapes is a character', async () => {
    const json = { 'content-type': 'application/json' };
    const before = (await acme.api('GET', '/v1/agents', { query: { limit: 1 } })).body.total;
    for (const rawBody of ['{"name": "Half \\ud83c emoji"}', '{"name": "Low \\udf89 half"}', '{"name": "Ok", "metadata": {"\\ud83c": 1}}', '{"name": "Ok", "questions": ["fine", "\\ud83c\\ud83c\\udf89"]}']) {
      const res = await acme.api('POST', '/v1/agents', { rawBody, headers: json });
      const message = expectError(res, 400, 'INVALID_JSON').message;
      expect(message, rawBody).toMatch(/lone UTF-16 surrogate/);
      // The message never carries the refused text back (a strict client could not parse it).
      expect(message).not.toMatch(/[\uD800-\uDFFF]/);
      envelopeShape(res);
      expectError(await acme.api('PATCH', `/v1/agents/${agentId}`, { rawBody, headers: json }), 400, 'INVALID_JSON');
    }
    expect((await acme.api('GET', '/v1/agents', { query: { limit: 1 } })).body.total).toBe(before);
    const pair = await acme.api('POST', '/v1/agents', { rawBody: '{"name": "Whole \\ud83c\\udf89 emoji"}', headers: json });
    expect(pair.status, pair.text).toBe(201);
    expect(pair.body.name).toBe('Whole 🎉 emoji');
    expect((await acme.api('GET', `/v1/agents/${pair.body.id}`)).body.name).toBe('Whole 🎉 emoji');
  });

  it('JSON nested more than 256 levels is 400 INVALID_JSON; 256 levels are parsed; brackets in strings do not count', async () => {
    const json = { 'content-type': 'application/json' };
    const arrays = (n: number) => `{"name":"Deep","questions":${'['.repeat(n)}${']'.repeat(n)}}`; // depth n + 1
    expectValidation(await acme.api('POST', '/v1/agents', { rawBody: arrays(255), headers: json }), 'questions.0');
    const tooDeep = await acme.api('POST', '/v1/agents', { rawBody: arrays(256), headers: json });
    expect(expectError(tooDeep, 400, 'INVALID_JSON').message).toMatch(/256 levels/);
    envelopeShape(tooDeep);
    expectError(await acme.api('POST', '/v1/agents', { rawBody: '['.repeat(300_000), headers: json }), 400, 'INVALID_JSON');
    const inString = JSON.stringify({ name: `Brackets \\" ${'[{'.repeat(400)}`, questions: ['{'.repeat(300)] }); // escapes: \\ and \"
    expectValidation(await acme.api('POST', '/v1/agents', { rawBody: inString, headers: json }), 'name');
  });

  it('a non-JSON media type is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const body = JSON.stringify({ name: 'Plain' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/json']) {
      const res = await acme.api('POST', '/v1/agents', { rawBody: body, headers: { 'content-type': type } });
      expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      envelopeShape(res);
      expectError(await acme.api('PATCH', `/v1/agents/${agentId}`, { rawBody: body, headers: { 'content-type': type } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expectError(await acme.api('POST', '/v1/agents', { rawBody: Buffer.from(body) }), 415, 'UNSUPPORTED_MEDIA_TYPE'); // no Content-Type at all
    // JSON in another charset: the body is read as UTF-8 only (§1), so anything else is refused, not misread.
    const utf16 = Buffer.from(`\ufeff${body}`, 'utf16le');
    for (const type of ['application/json; charset=utf-16', 'application/json;charset=UTF-16LE', 'application/json; charset="iso-8859-1"', 'application/vnd.api+json; Charset=latin1', 'application/json; charset=utf-8; charset=utf-16']) {
      const res = await acme.api('POST', '/v1/agents', { rawBody: type.includes('16') ? utf16 : body, headers: { 'content-type': type } });
      expect(expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE').message, type).toMatch(/UTF-8/);
      envelopeShape(res);
      expectError(await acme.api('PATCH', `/v1/agents/${agentId}`, { rawBody: body, headers: { 'content-type': type } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect((await acme.api('GET', '/v1/agents', { query: { limit: 1 } })).status).toBe(200); // nothing was created
  });

  it('JSON with a charset, or any +json type, is accepted', async () => {
    const body = JSON.stringify({ name: 'Charset' });
    for (const type of ['application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset="utf-8"', 'application/json; CHARSET=Utf-8 ', 'application/json; charset=utf8']) {
      const res = await acme.api('POST', '/v1/agents', { rawBody: body, headers: { 'content-type': type } });
      expect(res.status, `${type}: ${res.text}`).toBe(201);
    }
    expect((await acme.api('POST', '/v1/agents', { rawBody: body, headers: { 'content-type': 'Application/JSON' } })).status).toBe(201);
    expect((await acme.api('POST', '/v1/agents', { rawBody: body, headers: { 'content-type': 'application/vnd.api+json' } })).status).toBe(201);
  });

  it('an empty JSON body or a JSON value that is not an object is a 400 VALIDATION_ERROR', async () => {
    for (const rawBody of ['', 'null', '[]', '"name"', '42']) {
      const res = await acme.api('POST', '/v1/agents', { rawBody, headers: { 'content-type': 'application/json' } });
      expectError(res, 400, 'VALIDATION_ERROR'); // the body itself is wrong: no one field to name
      envelopeShape(res);
    }
  });

  // Many clients at once, still sending when refused, and malformed HTTP: http-transport-errors.test.ts.
  it('bodies over 1 MiB are 413 PAYLOAD_TOO_LARGE; exactly 1 MiB is read', async () => {
    const padded = (bytes: number) => {
      const head = '{"name":"Big","instructions":"';
      return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
    };
    const twoMiB = await acme.api('POST', '/v1/agents', { rawBody: padded(2 * MiB), headers: { 'content-type': 'application/json' } });
    expectError(twoMiB, 413, 'PAYLOAD_TOO_LARGE');
    envelopeShape(twoMiB);
    expectError(await acme.api('POST', '/v1/agents', { rawBody: padded(MiB + 1), headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await acme.api('PATCH', `/v1/agents/${agentId}`, { rawBody: padded(2 * MiB), headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    // Exactly 1 MiB passes the size check and fails on the field rule instead.
    expectValidation(await acme.api('POST', '/v1/agents', { rawBody: padded(MiB), headers: { 'content-type': 'application/json' } }), 'instructions');
  });

  it('a chunked body over 1 MiB is 413 too (no Content-Length to trust)', async () => {
    const chunks = Array.from({ length: 32 }, () => Buffer.alloc(64 * 1024, 0x20)); // 2 MiB of JSON whitespace
    const res = await chunkedPost(server.baseUrl, '/v1/agents', acme.key, chunks);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a path id that is not a UUID is a 400 naming id on every id route, never a 500', async () => {
    for (const [method, path] of [
      ['GET', '/v1/agents/abc'],
      ['PATCH', '/v1/agents/1'],
      ['DELETE', '/v1/agents/%20'],
      ['GET', '/v1/phone-numbers/abc'],
      ['PATCH', '/v1/phone-numbers/abc'],
      ['GET', '/v1/company/abc'],
      ['PATCH', '/v1/companies/abc'],
      ['GET', `/v1/agents/${agentId}x`],
      ['GET', '/agents/abc'],
    ] as const) {
      const res = await acme.api(method, path, method === 'PATCH' ? { body: {} } : {});
      expectValidation(res, 'id');
      envelopeShape(res);
    }
  });

  it('unknown routes are 404 ROUTE_NOT_FOUND in the envelope; a missing key is 401', async () => {
    const route = await acme.api('GET', '/v1/nothing-here');
    expectError(route, 404, 'ROUTE_NOT_FOUND');
    envelopeShape(route);
    const unauth = await server.anonymous('GET', '/v1/agents');
    expectError(unauth, 401, 'INVALID_API_KEY');
    envelopeShape(unauth);
  });

  it('X-Request-Id: a well-formed one is echoed, on success and on errors', async () => {
    const id = 'req-2025.11.20:abc_XYZ-123';
    const cases: [string, string, Record<string, unknown>][] = [
      ['GET', '/v1/agents', {}],
      ['POST', '/v1/agents', { body: { name: 'With id' } }],
      ['POST', '/v1/agents', { body: { name: 'x' } }],
      ['POST', '/v1/agents', { rawBody: '{', headers: { 'content-type': 'application/json' } }],
      ['GET', '/v1/nope', {}],
    ];
    for (const [method, path, options] of cases) {
      const res = await acme.api(method, path, { ...options, headers: { ...(options.headers as Record<string, string>), 'x-request-id': id } });
      expect(res.headers.get('x-request-id'), `${method} ${path} → ${res.status}`).toBe(id);
    }
    expect((await server.anonymous('GET', '/v1/agents', { headers: { 'x-request-id': id } })).headers.get('x-request-id')).toBe(id);
    expect((await server.anonymous('GET', '/healthz', { headers: { 'x-request-id': id } })).headers.get('x-request-id')).toBe(id);
    expect((await acme.api('GET', '/v1/agents', { headers: { 'x-request-id': 'x'.repeat(128) } })).headers.get('x-request-id')).toBe('x'.repeat(128));
  });

  it('X-Request-Id: a malformed or missing one is replaced by a fresh generated id on every response', async () => {
    const seen = new Set<string>();
    for (const bad of ['has space', 'x'.repeat(129), 'semi;colon', '<script>', 'ümlaut', undefined]) {
      const headers: Record<string, string> = bad === undefined ? {} : { 'x-request-id': bad };
      for (const res of [
        await acme.api('GET', '/v1/agents', { headers }),
        await acme.api('POST', '/v1/agents', { body: { name: 'x' }, headers }),
        await server.anonymous('GET', '/v1/agents', { headers }),
        await acme.api('GET', '/v1/missing', { headers }),
      ]) {
        const got = res.headers.get('x-request-id');
        expect(got, `${bad} → ${res.status}`).toMatch(UUID);
        expect(seen.has(got as string)).toBe(false);
        seen.add(got as string);
      }
    }
  });

  it('413 and 415 answers carry X-Request-Id too', async () => {
    const tooBig = await acme.api('POST', '/v1/agents', { rawBody: 'x'.repeat(2 * MiB), headers: { 'content-type': 'application/json', 'x-request-id': 'big-1' } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('x-request-id')).toBe('big-1');
    const wrongType = await acme.api('POST', '/v1/agents', { rawBody: 'name=x', headers: { 'content-type': 'text/plain', 'x-request-id': 'type-1' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('x-request-id')).toBe('type-1');
  });
});

