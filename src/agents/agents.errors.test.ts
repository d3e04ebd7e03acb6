import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chars, expectError, expectValidation, flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';

/** §5 create rules: every rejected value is a 400 in the §2 envelope naming its field. */
describe('agents: create is refused for every broken rule', () => {
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  const phone: Record<'disabled' | 'inboundOnly' | 'otherCompany' | 'retired', string> = { disabled: '', inboundOnly: '', otherCompany: '', retired: '' };

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.company('Acme');
    other = await server.company('Other');
    const register = async (company: SeededCompany, number: string, body: Record<string, unknown> = {}) => {
      const res = await company.api('POST', '/v1/phone-numbers', { body: { number, ...body } });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    phone.disabled = await register(acme, '+14155550101');
    expect((await acme.api('PATCH', `/v1/phone-numbers/${phone.disabled}`, { body: { status: 'DISABLED' } })).status).toBe(200);
    phone.inboundOnly = await register(acme, '+14155550102', { capabilities: ['INBOUND'] });
    phone.otherCompany = await register(other, '+14155550103');
    phone.retired = await register(acme, '+14155550104');
    expect((await acme.api('DELETE', `/v1/phone-numbers/${phone.retired}`)).status).toBe(204);
  });
  afterAll(() => server.close());

  const create = (body: unknown) => acme.api('POST', '/v1/agents', { body });
  const valid = { name: 'Screener' };

  it('name: missing, 1 char and 101 chars (after trimming), blank, not a string', async () => {
    expectValidation(await create({}), 'name');
    expectValidation(await create({ name: 'a' }), 'name');
    expectValidation(await create({ name: `   ${chars(1)}   ` }), 'name');
    expectValidation(await create({ name: chars(101) }), 'name');
    expectValidation(await create({ name: '      ' }), 'name');
    expectValidation(await create({ name: 42 }), 'name');
    expectValidation(await create({ name: null }), 'name');
    expectValidation(await create({ name: '😀' }), 'name'); // one character, two UTF-16 units
    expectValidation(await create({ name: '😀'.repeat(101) }), 'name');
  });

  it('duration: 0, 181, 30.5, "30", -1 and null are refused (no coercion)', async () => {
    for (const duration of [0, 181, 30.5, '30', -1, null]) {
      expectValidation(await create({ ...valid, duration }), 'duration');
    }
  });

  it.each([
    ['type', ['online', 'Phone', 'VIDEO', '']],
    ['focus', ['screening', 'INTERVIEW', 'Language_Test']],
    ['language', ['en', 'En', 'ENG', 'XX']],
    ['voiceId', ['alex', 'Emma', 'BOB']],
    ['cefrLevel', ['b2', 'C3', 'A0']],
    ['backgroundSound', ['office', 'ON', 'NONE']],
  ])('enum %s refuses lowercase and unknown values', async (field, values) => {
    for (const value of values) {
      const extra = field === 'cefrLevel' ? { focus: 'LANGUAGE_TEST' } : {};
      expectValidation(await create({ ...valid, ...extra, [field]: value }), field);
    }
  });

  it('questions: 51 items, a blank item, a 1001-char item, a non-array', async () => {
    expectValidation(await create({ ...valid, questions: Array.from({ length: 51 }, (_, i) => `Q${i}?`) }), 'questions');
    expectValidation(await create({ ...valid, questions: ['Fine?', '   '] }), 'questions.1');
    expectValidation(await create({ ...valid, questions: ['Fine?', 'Also fine?', chars(1001)] }), 'questions.2');
    expectValidation(await create({ ...valid, questions: 'Why?' }), 'questions');
    expectValidation(await create({ ...valid, questions: [7] }), 'questions.0');
  });

  it('instructions: 2001 characters are refused', async () => {
    expectValidation(await create({ ...valid, instructions: chars(2001) }), 'instructions');
  });

  it('PHONE without a number is refused, naming companyPhoneNumberId', async () => {
    expectValidation(await create({ ...valid, type: 'PHONE' }), 'companyPhoneNumberId');
    expectValidation(await create({ ...valid, type: 'PHONE', companyPhoneNumberId: null }), 'companyPhoneNumberId');
  });

  it.each(['disabled', 'inboundOnly', 'otherCompany', 'retired', 'unknown'] as const)('PHONE with a %s number is refused', async (which) => {
    const id = which === 'unknown' ? randomUUID() : phone[which];
    const error = expectValidation(await create({ ...valid, type: 'PHONE', companyPhoneNumberId: id }), 'companyPhoneNumberId');
    // Never a link across companies, and never a hint that the number exists elsewhere.
    if (which === 'otherCompany') expect(error.message).not.toMatch(/other company/i);
  });

  it('companyPhoneNumberId that is not a UUID is a 400, not a 500', async () => {
    expectValidation(await create({ ...valid, type: 'PHONE', companyPhoneNumberId: 'not-a-uuid' }), 'companyPhoneNumberId');
    expectValidation(await create({ ...valid, type: 'PHONE', companyPhoneNumberId: 12 }), 'companyPhoneNumberId');
  });

  it('nothing was created by the refused requests', async () => {
    const list = await acme.api('GET', '/v1/agents');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
  });

  it('LANGUAGE_TEST needs cefrLevel; cefrLevel is refused on another focus; LANGUAGE_TEST needs a language', async () => {
    expectValidation(await create({ ...valid, focus: 'LANGUAGE_TEST' }), 'cefrLevel');
    expectValidation(await create({ ...valid, focus: 'LANGUAGE_TEST', cefrLevel: null }), 'cefrLevel');
    for (const focus of ['GENERIC', 'SCREENING', 'OUTREACH']) {
      expectValidation(await create({ ...valid, focus, cefrLevel: 'B2' }), 'cefrLevel');
    }
    expectValidation(await create({ ...valid, cefrLevel: 'B2' }), 'cefrLevel'); // default focus is SCREENING
    expectValidation(await create({ ...valid, focus: 'LANGUAGE_TEST', cefrLevel: 'B2', language: 'UNDEFINED' }), 'language');
  });

  it('every problem is reported at once, one issue per field', async () => {
    const error = expectValidation(await create({ name: 'a', duration: 0, type: 'phone' }), 'name', 'duration', 'type');
    expect(error.details.issues).toHaveLength(3);
  });

  it('metadata: 51 keys (over all levels), 6 levels, over 10,240 bytes, an array, null', async () => {
    const error = expectValidation(await create({ ...valid, metadata: flatKeys(51) }), 'metadata');
    expect(error.message).toMatch(/key/);
    const spread = { ...flatKeys(30, 'a'), deep: { ...flatKeys(10, 'b'), deeper: flatKeys(9, 'c') } }; // 30 + 1 + 10 + 1 + 9 = 51
    expectValidation(await create({ ...valid, metadata: spread }), 'metadata');
    expect(expectValidation(await create({ ...valid, metadata: nested(6) }), 'metadata').message).toMatch(/level|deep|nest/i);
    expect(expectValidation(await create({ ...valid, metadata: metadataOfBytes(10_241) }), 'metadata').message).toMatch(/byte/);
    // Bytes of UTF-8, not characters: {"p":"é"×5117} is 5,125 characters but 10,242 bytes.
    expectValidation(await create({ ...valid, metadata: { p: 'é'.repeat(5_117) } }), 'metadata');
    expectValidation(await create({ ...valid, metadata: [1, 2] }), 'metadata');
    expectValidation(await create({ ...valid, metadata: null }), 'metadata');
    expectValidation(await create({ ...valid, metadata: 'text' }), 'metadata');
  });

  it('pathologically deep metadata is a 400 naming metadata, never a 500', async () => {
    const deep = (n: number) => `{"name":"Deep","metadata":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`;
    for (const n of [10, 250]) {
      const res = await acme.api('POST', '/v1/agents', { rawBody: deep(n), headers: { 'content-type': 'application/json' } });
      expect(expectValidation(res, 'metadata').message).toMatch(/level/);
    }
    // Past the parser's nesting limit (RFC 8259 §9; 256 levels) the body is refused as JSON, saying why.
    const res = await acme.api('POST', '/v1/agents', { rawBody: deep(500_000), headers: { 'content-type': 'application/json' } });
    expect(expectError(res, 400, 'INVALID_JSON').message).toMatch(/nested/);
  });

  it('an unknown field is refused and named', async () => {
    expectValidation(await create({ ...valid, nmae: 'typo' }), 'nmae');
    expectValidation(await create({ ...valid, id: randomUUID() }), 'id');
    expectValidation(await create({ ...valid, companyId: other.id }), 'companyId');
  });

  it('a body that is not an object is a 400', async () => {
    expectError(await acme.api('POST', '/v1/agents', { body: [valid] }), 400, 'VALIDATION_ERROR');
    expectError(await acme.api('POST', '/v1/agents', { body: 'Screener' }), 400, 'VALIDATION_ERROR');
    expectError(await acme.api('POST', '/v1/agents'), 400, 'VALIDATION_ERROR');
  });

  it('a path id that is not a UUID is a 400 naming id, on get, patch and delete', async () => {
    expectValidation(await acme.api('GET', '/v1/agents/not-a-uuid'), 'id');
    expectValidation(await acme.api('PATCH', '/v1/agents/123', { body: { name: 'Renamed' } }), 'id');
    expectValidation(await acme.api('DELETE', '/v1/agents/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'), 'id');
  });

  it('an unknown or another company\'s agent id in the path is a 404', async () => {
    const theirs = await other.api('POST', '/v1/agents', { body: valid });
    expect(theirs.status).toBe(201);
    for (const id of [randomUUID(), theirs.body.id as string]) {
      expectError(await acme.api('GET', `/v1/agents/${id}`), 404, 'RESOURCE_NOT_FOUND');
      expectError(await acme.api('PATCH', `/v1/agents/${id}`, { body: { name: 'Mine now' } }), 404, 'RESOURCE_NOT_FOUND');
      expectError(await acme.api('DELETE', `/v1/agents/${id}`), 404, 'RESOURCE_NOT_FOUND');
    }
    expect((await other.api('GET', `/v1/agents/${theirs.body.id}`)).body.name).toBe('Screener');
  });
});
