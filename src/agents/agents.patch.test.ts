import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectValidation, flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

/** §5 PATCH and §4 merge patch; the clock moves between writes so updatedAt tells writes apart. */
describe('agents: PATCH', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  let outbound: string;
  let outbound2: string;
  let disabled: string;
  let theirs: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    other = await server.company('Other');
    const register = async (company: SeededCompany, number: string, body: Record<string, unknown> = {}) => {
      const res = await company.api('POST', '/v1/phone-numbers', { body: { number, ...body } });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    outbound = await register(acme, '+4930123401');
    outbound2 = await register(acme, '+4930123402');
    disabled = await register(acme, '+4930123403');
    await acme.api('PATCH', `/v1/phone-numbers/${disabled}`, { body: { status: 'DISABLED' } });
    theirs = await register(other, '+4930123404');
  });
  afterAll(() => server.close());
  beforeEach(() => clock.advance(60_000));

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await acme.api('POST', '/v1/agents', { body: { name: 'Patchable', ...body } });
    expect(res.status, res.text).toBe(201);
    clock.advance(1_000);
    return res.body;
  };
  const patch = (id: string, body: unknown) => acme.api('PATCH', `/v1/agents/${id}`, { body });
  const read = async (id: string) => (await acme.api('GET', `/v1/agents/${id}`)).body;

  /** A refused PATCH leaves the agent exactly as it was (updatedAt included). */
  async function expectRefusedAndUnchanged(id: string, body: unknown, path: string) {
    const before = await read(id);
    expectValidation(await patch(id, body), path);
    expect(await read(id)).toEqual(before);
  }

  it('changes only the fields given, bumps updatedAt and keeps createdAt', async () => {
    const agent = await create({ questions: ['Why?'], duration: 20 });
    const res = await patch(agent.id, { name: '  Renamed  ', duration: 25 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...agent, name: 'Renamed', duration: 25, updatedAt: clock.now().toISOString() });
    expect(res.body.updatedAt > agent.updatedAt).toBe(true);
    expect(await read(agent.id)).toEqual(res.body);
  });

  it('an empty PATCH answers 200 with the unchanged agent (updatedAt too)', async () => {
    const agent = await create();
    const res = await patch(agent.id, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(agent);
    expect(await read(agent.id)).toEqual(agent);
  });

  it('null clears nullable fields', async () => {
    const agent = await create({ instructions: 'Be brief.', voiceId: 'ALEX', companyPhoneNumberId: outbound });
    const res = await patch(agent.id, { instructions: null, voiceId: null, companyPhoneNumberId: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ instructions: null, voiceId: null, companyPhoneNumberId: null });
    expect(await read(agent.id)).toEqual(res.body);
  });

  it.each(['name', 'type', 'focus', 'language', 'duration', 'questions', 'backgroundSound', 'metadata'])('null on non-nullable %s is a 400 that changes nothing', async (field) => {
    const agent = await create();
    await expectRefusedAndUnchanged(agent.id, { [field]: null }, field);
  });

  it('metadata is merged (RFC 7396): null removes a key, objects merge deeply, arrays replace', async () => {
    const agent = await create({ metadata: { team: { lead: 'Ana', size: 3 }, tags: ['a', 'b'], keep: true } });
    const res = await patch(agent.id, { metadata: { team: { lead: null, deputy: 'Bo' }, tags: ['c'], extra: { x: 1 } } });
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual({ team: { size: 3, deputy: 'Bo' }, tags: ['c'], keep: true, extra: { x: 1 } });
    const removed = await patch(agent.id, { metadata: { team: null, missing: null } });
    expect(removed.body.metadata).toEqual({ tags: ['c'], keep: true, extra: { x: 1 } });
    expect(await read(agent.id)).toEqual(removed.body);
  });

  it('metadata patch that changes nothing leaves updatedAt alone', async () => {
    const agent = await create({ metadata: { a: 1 } });
    const res = await patch(agent.id, { metadata: { a: 1, gone: null } });
    expect(res.body).toEqual(agent);
  });

  it('the merged metadata must still satisfy §4 (keys, depth, bytes); an array is refused', async () => {
    const agent = await create({ metadata: flatKeys(49) });
    expect((await patch(agent.id, { metadata: { extra: 1 } })).status).toBe(200); // 50 keys
    await expectRefusedAndUnchanged(agent.id, { metadata: { oneTooMany: 1 } }, 'metadata'); // 51
    expect((await patch(agent.id, { metadata: { k0: null, replaced: 1 } })).status).toBe(200); // still 50

    const deep = await create({ metadata: nested(5) });
    await expectRefusedAndUnchanged(deep.id, { metadata: { l2: { l3: { l4: { l5: { leaf: { l6: 1 } } } } } } }, 'metadata');

    const big = await create({ metadata: metadataOfBytes(10_000) });
    await expectRefusedAndUnchanged(big.id, { metadata: { q: 'y'.repeat(300) } }, 'metadata');
    await expectRefusedAndUnchanged(big.id, { metadata: [1] }, 'metadata');
    await expectRefusedAndUnchanged(big.id, { metadata: 'text' }, 'metadata');
  });

  it('a pathologically deep metadata patch is a 400 naming metadata, never a 500', async () => {
    const agent = await create({ metadata: { a: 1 } });
    const before = await read(agent.id);
    const deep = (n: number) => ({ rawBody: `{"metadata":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`, headers: { 'content-type': 'application/json' } });
    for (const n of [6, 250]) expectValidation(await acme.api('PATCH', `/v1/agents/${agent.id}`, deep(n)), 'metadata');
    expect(expectError(await acme.api('PATCH', `/v1/agents/${agent.id}`, deep(100_000)), 400, 'INVALID_JSON').message).toMatch(/nested/);
    expect(await read(agent.id)).toEqual(before);
  });

  it('field rules apply to PATCH values as on create', async () => {
    const agent = await create();
    await expectRefusedAndUnchanged(agent.id, { name: ' a ' }, 'name');
    await expectRefusedAndUnchanged(agent.id, { duration: 181 }, 'duration');
    await expectRefusedAndUnchanged(agent.id, { duration: '30' }, 'duration');
    await expectRefusedAndUnchanged(agent.id, { type: 'phone' }, 'type');
    await expectRefusedAndUnchanged(agent.id, { questions: ['ok', ''] }, 'questions.1');
    await expectRefusedAndUnchanged(agent.id, { instructions: 'x'.repeat(2001) }, 'instructions');
    await expectRefusedAndUnchanged(agent.id, { nmae: 'typo' }, 'nmae');
    await expectRefusedAndUnchanged(agent.id, { id: agent.id }, 'id');
    await expectRefusedAndUnchanged(agent.id, { createdAt: agent.createdAt }, 'createdAt');
  });

  it('switching to PHONE needs a number given now or already set', async () => {
    const bare = await create();
    await expectRefusedAndUnchanged(bare.id, { type: 'PHONE' }, 'companyPhoneNumberId');
    const now = await patch(bare.id, { type: 'PHONE', companyPhoneNumberId: outbound });
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ type: 'PHONE', companyPhoneNumberId: outbound });

    const preset = await create({ companyPhoneNumberId: outbound2 });
    const switched = await patch(preset.id, { type: 'PHONE' });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ type: 'PHONE', companyPhoneNumberId: outbound2 });
  });

  it('a PHONE agent cannot lose its number, nor point at a disabled, foreign or unknown one', async () => {
    const agent = await create({ type: 'PHONE', companyPhoneNumberId: outbound });
    await expectRefusedAndUnchanged(agent.id, { companyPhoneNumberId: null }, 'companyPhoneNumberId');
    for (const id of [disabled, theirs, '0196f5c1-0000-7000-8000-000000000000']) {
      await expectRefusedAndUnchanged(agent.id, { companyPhoneNumberId: id }, 'companyPhoneNumberId');
    }
    await expectRefusedAndUnchanged(agent.id, { companyPhoneNumberId: 'nope' }, 'companyPhoneNumberId');
    // Leaving PHONE and dropping the number together is fine.
    const online = await patch(agent.id, { type: 'ONLINE', companyPhoneNumberId: null });
    expect(online.status).toBe(200);
    expect(online.body).toMatchObject({ type: 'ONLINE', companyPhoneNumberId: null });
  });

  it('switching to PHONE re-checks a number that was disabled since it was set', async () => {
    const number = (await acme.api('POST', '/v1/phone-numbers', { body: { number: '+4930123405' } })).body.id as string;
    const agent = await create({ companyPhoneNumberId: number });
    await acme.api('PATCH', `/v1/phone-numbers/${number}`, { body: { status: 'DISABLED' } });
    await expectRefusedAndUnchanged(agent.id, { type: 'PHONE' }, 'companyPhoneNumberId');
  });

  it('switching focus to LANGUAGE_TEST needs cefrLevel (given now or already set) and a language', async () => {
    const agent = await create();
    await expectRefusedAndUnchanged(agent.id, { focus: 'LANGUAGE_TEST' }, 'cefrLevel');
    await expectRefusedAndUnchanged(agent.id, { cefrLevel: 'B1' }, 'cefrLevel'); // not a LANGUAGE_TEST
    await expectRefusedAndUnchanged(agent.id, { focus: 'LANGUAGE_TEST', cefrLevel: 'B1', language: 'UNDEFINED' }, 'language');
    const res = await patch(agent.id, { focus: 'LANGUAGE_TEST', cefrLevel: 'B1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ focus: 'LANGUAGE_TEST', cefrLevel: 'B1', language: 'EN' });

    await expectRefusedAndUnchanged(agent.id, { cefrLevel: null }, 'cefrLevel');
    await expectRefusedAndUnchanged(agent.id, { language: 'UNDEFINED' }, 'language');
    await expectRefusedAndUnchanged(agent.id, { focus: 'SCREENING' }, 'cefrLevel'); // cefrLevel would remain
    const back = await patch(agent.id, { focus: 'SCREENING', cefrLevel: null });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ focus: 'SCREENING', cefrLevel: null });
  });

  it('a refused PATCH with several changes applies none of them', async () => {
    const agent = await create({ metadata: { a: 1 } });
    await expectRefusedAndUnchanged(agent.id, { name: 'Valid new name', metadata: { b: 2 }, focus: 'LANGUAGE_TEST' }, 'cefrLevel');
  });

  it('concurrent metadata merges all land (no lost update)', async () => {
    const agent = await create({ metadata: { base: true } });
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const answers = await Promise.all(keys.map((k) => patch(agent.id, { metadata: { [k]: k } })));
    expect(answers.map((a) => a.status)).toEqual(keys.map(() => 200));
    expect((await read(agent.id)).metadata).toEqual({ base: true, ...Object.fromEntries(keys.map((k) => [k, k])) });
  });

  it('accepts application/merge-patch+json', async () => {
    const agent = await create({ metadata: { a: 1, b: 2 } });
    const res = await acme.api('PATCH', `/v1/agents/${agent.id}`, { rawBody: JSON.stringify({ metadata: { a: null } }), headers: { 'content-type': 'application/merge-patch+json' } });
    expect(res.status).toBe(200);
    expect(res.body.metadata).toEqual({ b: 2 });
  });
});
