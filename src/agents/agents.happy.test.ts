import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';

describe('agents: happy paths', () => {
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
  });
  afterAll(() => server.close());

  it('creates an agent with defaults and reads it back', async () => {
    const created = await acme.api('POST', '/v1/agents', { body: { name: '  Screener  ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Screener',
      type: 'ONLINE',
      focus: 'SCREENING',
      language: 'EN',
      duration: 30,
      questions: [],
      instructions: null,
      voiceId: null,
      companyPhoneNumberId: null,
      cefrLevel: null,
      backgroundSound: 'OFFICE',
      metadata: {},
      companyId: acme.id,
    });
    const read = await acme.api('GET', `/v1/agents/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const unprefixed = await acme.api('GET', `/agents/${created.body.id}`);
    expect(unprefixed.body).toEqual(created.body);
  });
});
