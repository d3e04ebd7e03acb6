/**
 * Input the databases cannot store as sent: U+0000 (PostgreSQL's text refuses it) in any string,
 * key, query value or path parameter, and numbers beyond the double range (JSON.parse makes them
 * Infinity, which is written back as null). Each is a 400 naming the field, on every route, and
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CANDIDATE, fixtures } from '../src/interviews/interviews.test-helpers.ts';
import { expectError, expectValidation } from './domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from './harness.ts';

const JSON_TYPE = { 'content-type': 'application/json' };

let server: TestServer;
let acme: SeededCompany;
let agentId: string;
beforeAll(async () => {
  server = await startTestServer();
  acme = await server.company('Acme');
  agentId = (await fixtures(acme.api).agent()).id;
});
afterAll(() => server.close());

/** Live rows of every list, and the webhooks; a refused request must leave them as they were. */
async function snapshot() {
  const webhooks = await acme.api('GET', '/v1/webhooks');
  expect(webhooks.status, webhooks.text).toBe(200);
  const agent = await acme.api('GET', `/v1/agents/${agentId}`);
  return { ...(await fixtures(acme.api).counts()), webhooks: webhooks.body.total ?? webhooks.body.length, agent: agent.body };
}

describe('U+0000 in a request is a 400 naming the field, on both databases', () => {
  it('in a body string, a nested metadata value, a metadata key, an inline candidate, a webhook name, an array item', async () => {
    const before = await snapshot();
    // JSON text can carry U+0000 only as the escape \u0000; each body below spells it so.
    const cases: [string, string, string, string][] = [
      ['POST', '/v1/agents', `{"name":"Bad\\u0000name"}`, 'name'],
      ['POST', '/v1/agents', `{"name":"Ok","metadata":{"team":{"lead":"a\\u0000b"}}}`, 'metadata.team.lead'],
      ['POST', '/v1/agents', `{"name":"Ok","metadata":{"te\\u0000am":"x"}}`, 'metadata'],
      ['POST', '/v1/agents', `{"name":"Ok","questions":["fine","\\u0000"]}`, 'questions.1'],
      ['PATCH', `/v1/agents/${agentId}`, `{"metadata":{"team":"\\u0000"}}`, 'metadata.team'],
      ['POST', '/v1/candidates', `{"firstName":"Ana\\u0000","lastName":"Silva"}`, 'firstName'],
      ['POST', '/v1/jobs', `{"title":"Backend","description":"Builds \\u0000 things."}`, 'description'],
      ['POST', '/v1/interviews', JSON.stringify({ agent: AGENT, candidate: { ...CANDIDATE, firstName: 'An\u0000a' } }), 'candidate.firstName'],
      ['POST', '/v1/webhooks', JSON.stringify({ url: 'http://127.0.0.1:9/hook', events: ['interview.completed'], name: 'Hook\u0000' }), 'name'],
    ];
    for (const [method, path, rawBody, field] of cases) {
      expect(rawBody, 'the body spells NUL as an escape').toContain('\\u0000');
      const res = await acme.api(method, path, { rawBody, headers: JSON_TYPE });
      const error = expectValidation(res, field);
      expect(error.message).toMatch(/U\+0000/);
      expect(res.text, 'the answer never carries the NUL back').not.toContain('\\u0000');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an escaped backslash before "u0000" is just text, not a NUL', async () => {
    const res = await acme.api('POST', '/v1/agents', { rawBody: '{"name":"Path C:\\\\u0000"}', headers: JSON_TYPE });
    expect(res.status, res.text).toBe(201);
    expect(res.body.name).toBe('Path C:\\u0000');
  });

  it('in a query value (search, repeated values) names the parameter', async () => {
    for (const path of ['/v1/agents', '/v1/candidates', '/v1/jobs']) {
      const res = await acme.api('GET', `${path}?search=%00`);
      expectValidation(res, 'search');
    }
    // A parameter that is any string, on a route of another kind of key.
    const ats = await server.atsKey([acme.id]);
    expectValidation(await ats.api('GET', '/v1/webhooks?companyId=%00'), 'companyId');
    expectValidation(await acme.api('GET', '/v1/agents?search=ok&search=a%00b'), 'search');
    expectValidation(await acme.api('GET', '/v1/agents?limit=1%00'), 'limit');
    // An unknown parameter is ignored (§1), whatever it holds.
    expect((await acme.api('GET', '/v1/agents?unknown=%00')).status).toBe(200);
  });

  it('in a path parameter: ids are UUIDs, and the room token is refused too', async () => {
    expectValidation(await acme.api('GET', '/v1/agents/%00'), 'id');
    expectValidation(await acme.api('GET', `/v1/agents/${agentId.slice(0, -1)}%00`), 'id');
    // The room's link is an HTML page (§14): such a token is an unknown link; the page's API refuses it in the envelope.
    const room = await server.anonymous('GET', `/room/abc%00def`);
    expect(room.status, room.text).toBe(404);
    expect(room.text).toContain('data-page="notFound"');
    expectValidation(await server.anonymous('POST', `/room/abc%00def/spoken`), 'token');
  });
});

describe('numbers beyond the double range are a 400 naming the field', () => {
  it('1e999, -1e999 and a 400-digit integer are refused wherever they stand; nothing changes', async () => {
    const before = await snapshot();
    const huge = '9'.repeat(400);
    const cases: [string, string, string, string][] = [
      ['POST', '/v1/agents', `{"name":"Ok","duration":1e999}`, 'duration'],
      ['POST', '/v1/agents', `{"name":"Ok","metadata":{"score":1e999}}`, 'metadata.score'],
      ['POST', '/v1/agents', `{"name":"Ok","metadata":{"score":-1E+999}}`, 'metadata.score'],
      ['POST', '/v1/agents', `{"name":"Ok","metadata":{"list":[1,${huge}]}}`, 'metadata.list.1'],
      ['PATCH', `/v1/agents/${agentId}`, `{"metadata":{"score":-${huge}}}`, 'metadata.score'],
      ['POST', '/v1/candidates', `{"firstName":"Ana","lastName":"Silva","metadata":{"n":1e400}}`, 'metadata.n'],
    ];
    for (const [method, path, rawBody, field] of cases) {
      const res = await acme.api(method, path, { rawBody, headers: JSON_TYPE });
      const error = expectValidation(res, field);
      expect(error.message).toMatch(/range/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('numbers inside the range, exponents included, are kept', async () => {
    const res = await acme.api('POST', '/v1/agents', { rawBody: `{"name":"Ok e","metadata":{"a":1e308,"b":-2.5E-3,"c":1e-400,"d":${'9'.repeat(300)}}}`, headers: JSON_TYPE });
    expect(res.status, res.text).toBe(201);
    expect(res.body.metadata).toEqual({ a: 1e308, b: -2.5e-3, c: 0, d: Number('9'.repeat(300)) });
  });

  it('two bodies that differ only in an out-of-range number are no longer the same idempotent request', async () => {
    const key = { ...JSON_TYPE, 'idempotency-key': 'huge-number-1' };
    expectValidation(await acme.api('POST', '/v1/agents', { rawBody: '{"name":"Idem","metadata":{"n":1e999}}', headers: key }), 'metadata.n');
    const second = await acme.api('POST', '/v1/agents', { rawBody: '{"name":"Idem","metadata":{"n":null}}', headers: key });
    expect(second.status, second.text).toBe(201);
    expect(second.body.metadata).toEqual({ n: null });
    expectError(await acme.api('POST', '/v1/agents', { rawBody: '{"name":"Idem","metadata":{"n":-1e999}}', headers: key }), 400, 'VALIDATION_ERROR');
  });
});
