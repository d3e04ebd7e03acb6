import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';

// The database renders GET's agent and list items as JSON (src/db/json-rows.ts): they must be
// exactly the agent POST answered with, which is shaped in JavaScript from the response schema.
describe('agents rendered by the database are exactly the agents POST answers', () => {
  let server: TestServer;
  let acme: SeededCompany;

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company();
  });
  afterAll(() => server.close());

  const tricky = [
    { name: 'Plain' },
    { name: 'Quotes " and \\ backslash', questions: ['Line one\nline two\ttab', 'Ünïcödé — 日本語 🎉', 'Control \u0001 char'], instructions: 'Be "kind"\r\n' },
    { name: 'Nested metadata', metadata: { team: { name: 'platform', tags: ['a', 'b'], n: 1.5, ok: true, none: null }, 'key with "quotes"': 'v' } },
    { name: 'Language test', focus: 'LANGUAGE_TEST', cefrLevel: 'B2', language: 'DE', voiceId: 'EMMA', backgroundSound: 'OFF', duration: 180 },
    { name: 'Empty things', questions: [], metadata: {} },
  ];

  it('keeps every field, type and character', async () => {
    const created: Record<string, unknown>[] = [];
    for (const body of tricky) {
      const response = await acme.api('POST', '/v1/agents', { body });
      expect(response.status, response.text).toBe(201);
      created.push(response.body);
    }
    const list = await acme.api('GET', '/v1/agents', { query: { limit: 100, order: 'asc' } });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: tricky.length, page: 1, limit: 100, totalPages: 1 });
    expect(list.body.data).toStrictEqual(created);
    for (const [i, item] of list.body.data.entries()) expect(Object.keys(item)).toEqual(Object.keys(created[i] as object));
    for (const agent of created) {
      const single = await acme.api('GET', `/v1/agents/${agent.id}`);
      expect(single.status).toBe(200);
      expect(single.body).toStrictEqual(agent);
      expect(Object.keys(single.body)).toEqual(Object.keys(agent));
    }
  });
});
