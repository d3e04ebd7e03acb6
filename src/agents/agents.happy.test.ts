import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chars, expectError, flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { AGENT_FOCUSES, AGENT_TYPES, BACKGROUND_SOUNDS, CEFR_LEVELS, LANGUAGES, VOICES } from './schema.ts';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('agents: happy paths', () => {
  let server: TestServer;
  let acme: SeededCompany;
  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
  });
  afterAll(() => server.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await acme.api('POST', '/v1/agents', { body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

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
    expect(created.body.id).toMatch(UUID);
    expect(created.body.createdAt).toMatch(ISO_MS);
    expect(created.body.updatedAt).toBe(created.body.createdAt);
    const read = await acme.api('GET', `/v1/agents/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const unprefixed = await acme.api('GET', `/agents/${created.body.id}`);
    expect(unprefixed.body).toEqual(created.body);
  });

  it('stores every field given and answers with exactly the documented fields', async () => {
    const body = {
      name: 'Deutsch-Test',
      type: 'ONLINE',
      focus: 'LANGUAGE_TEST',
      language: 'DE',
      duration: 45,
      questions: ['  Wie heißen Sie?  ', 'Was machen Sie beruflich?'],
      instructions: 'Be kind.',
      voiceId: 'MIRIAM',
      cefrLevel: 'B2',
      backgroundSound: 'OFF',
      metadata: { team: { lead: 'Ana', size: 3 }, tags: ['a', 'b'] },
    };
    const agent = await create(body);
    expect(agent).toEqual({
      ...body,
      questions: ['Wie heißen Sie?', 'Was machen Sie beruflich?'],
      companyPhoneNumberId: null,
      id: agent.id,
      companyId: acme.id,
      createdAt: agent.createdAt,
      updatedAt: agent.updatedAt,
    });
    expect((await acme.api('GET', `/v1/agents/${agent.id}`)).body).toEqual(agent);
  });

  it('accepts the boundaries: name 2 and 100 characters after trimming, duration 1 and 180', async () => {
    expect((await create({ name: 'ab' })).name).toBe('ab');
    expect((await create({ name: ` ${chars(100)}\t` })).name).toBe(chars(100));
    // Characters are Unicode code points (as JSON Schema's maxLength counts them), not UTF-16 units.
    expect((await create({ name: '😀'.repeat(100) })).name).toBe('😀'.repeat(100));
    expect((await create({ name: 'Short', duration: 1 })).duration).toBe(1);
    expect((await create({ name: 'Long', duration: 180 })).duration).toBe(180);
  });

  it('accepts 50 questions, a 1000-character question and 2000 characters of instructions', async () => {
    const questions = Array.from({ length: 50 }, (_, i) => `Question ${i}?`);
    expect((await create({ name: 'Many', questions })).questions).toEqual(questions);
    expect((await create({ name: 'Long question', questions: [` ${chars(1000)} `] })).questions).toEqual([chars(1000)]);
    expect((await create({ name: 'Wordy', instructions: chars(2000) })).instructions).toHaveLength(2000);
    expect((await create({ name: 'Cleared', instructions: null })).instructions).toBeNull();
  });

  it('accepts every enum value', async () => {
    for (const type of AGENT_TYPES.filter((t) => t !== 'PHONE')) expect(await create({ name: `T ${type}`, type })).toMatchObject({ type }); // PHONE: below
    for (const focus of AGENT_FOCUSES.filter((f) => f !== 'LANGUAGE_TEST')) expect(await create({ name: `F ${focus}`, focus })).toMatchObject({ focus });
    for (const language of LANGUAGES) expect(await create({ name: `L ${language}`, language })).toMatchObject({ language });
    for (const voiceId of VOICES) expect(await create({ name: `V ${voiceId}`, voiceId })).toMatchObject({ voiceId });
    for (const cefrLevel of CEFR_LEVELS) expect(await create({ name: `C ${cefrLevel}`, focus: 'LANGUAGE_TEST', cefrLevel })).toMatchObject({ cefrLevel });
    for (const backgroundSound of BACKGROUND_SOUNDS) expect(await create({ name: `B ${backgroundSound}`, backgroundSound })).toMatchObject({ backgroundSound });
  });

  it('stores an agent whose type or focus is UNDEFINED (§5: stored, refused later by interviews)', async () => {
    expect(await create({ name: 'Undefined type', type: 'UNDEFINED' })).toMatchObject({ type: 'UNDEFINED' });
    expect(await create({ name: 'Undefined focus', focus: 'UNDEFINED' })).toMatchObject({ focus: 'UNDEFINED' });
  });

  it('accepts metadata at the limits: 50 keys over all levels, 5 levels, exactly 10,240 bytes', async () => {
    const fifty = { ...flatKeys(30, 'a'), deep: { ...flatKeys(10, 'b'), deeper: flatKeys(8, 'c') } }; // 30 + 1 + 10 + 1 + 8
    expect((await create({ name: 'Keys', metadata: fifty })).metadata).toEqual(fifty);
    expect((await create({ name: 'Flat keys', metadata: flatKeys(50) })).metadata).toEqual(flatKeys(50));
    expect((await create({ name: 'Deep', metadata: nested(5) })).metadata).toEqual(nested(5));
    expect((await create({ name: 'Big', metadata: metadataOfBytes(10_240) })).metadata).toEqual(metadataOfBytes(10_240));
    expect((await create({ name: 'Big UTF-8', metadata: metadataOfBytes(10_240, 'é') })).metadata).toEqual(metadataOfBytes(10_240, 'é'));
  });

  it('PHONE with an active OUTBOUND number of the company', async () => {
    const outbound = await acme.api('POST', '/v1/phone-numbers', { body: { number: '+14155550001' } });
    const both = await acme.api('POST', '/v1/phone-numbers', { body: { number: '+14155550002', capabilities: ['INBOUND', 'OUTBOUND'] } });
    expect([outbound.status, both.status]).toEqual([201, 201]);
    for (const number of [outbound.body, both.body]) {
      const agent = await create({ name: 'Caller', type: 'PHONE', companyPhoneNumberId: number.id });
      expect(agent).toMatchObject({ type: 'PHONE', companyPhoneNumberId: number.id });
    }
    const upper = await create({ name: 'Caller upper', type: 'PHONE', companyPhoneNumberId: String(outbound.body.id).toUpperCase() });
    expect(upper.companyPhoneNumberId).toBe(outbound.body.id);
    // A number may be named without PHONE (kept for a later switch); it is still checked.
    expect(await create({ name: 'Online with number', companyPhoneNumberId: outbound.body.id })).toMatchObject({ type: 'ONLINE', companyPhoneNumberId: outbound.body.id });
  });

  it('soft DELETE answers 200 true and hides the agent everywhere; again is a 404', async () => {
    const kept = await create({ name: 'Kept agent' });
    const gone = await create({ name: 'Gone agent' });
    const deleted = await acme.api('DELETE', `/v1/agents/${gone.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBe(true);
    expect(deleted.text).toBe('true');
    expect(deleted.headers.get('content-type')).toMatch(/application\/json/);

    expectError(await acme.api('GET', `/v1/agents/${gone.id}`), 404, 'RESOURCE_NOT_FOUND');
    const all = await acme.api('GET', '/v1/agents', { query: { limit: 100, search: 'agent' } });
    expect(all.body.data.map((a: { id: string }) => a.id)).toEqual([kept.id]);
    expect(all.body.total).toBe(1);
    const since = await acme.api('GET', '/v1/agents', { query: { updatedSince: kept.createdAt, limit: 100 } });
    expect(since.body.data.map((a: { id: string }) => a.id)).not.toContain(gone.id);
    expect(since.body.data.map((a: { id: string }) => a.id)).toContain(kept.id);

    const again = expectError(await acme.api('DELETE', `/v1/agents/${gone.id}`), 404, 'RESOURCE_NOT_FOUND');
    expect(again.details).toMatchObject({ resourceType: 'agent', resourceId: gone.id });
    expectError(await acme.api('PATCH', `/v1/agents/${gone.id}`, { body: { name: 'Back' } }), 404, 'RESOURCE_NOT_FOUND');
    expectError(await acme.api('PATCH', `/v1/agents/${gone.id}`, { body: {} }), 404, 'RESOURCE_NOT_FOUND');
    expect((await acme.api('DELETE', `/agents/${kept.id}`)).body).toBe(true);
  });

  it('concurrent DELETEs: exactly one answers true, the others 404', async () => {
    const agent = await create({ name: 'Raced' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => acme.api('DELETE', `/v1/agents/${agent.id}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404, 404, 404, 404]);
  });
});
