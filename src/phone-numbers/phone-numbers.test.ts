import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectValidation } from '../../test/domain-assertions.ts';
import { type SeededCompany, startTestServer, type TestServer } from '../../test/harness.ts';
import { ManualClock } from '../core/clock.ts';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** §6: registering, changing and retiring the company's phone numbers. */
describe('phone numbers', () => {
  const clock = new ManualClock('2025-11-20T10:00:00.000Z');
  let server: TestServer;
  let acme: SeededCompany;
  let other: SeededCompany;
  let sequence = 0;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    acme = await server.company('Acme');
    other = await server.company('Other');
  });
  afterAll(() => server.close());
  beforeEach(() => clock.advance(1_000));

  const nextNumber = () => `+1415555${String(1000 + ++sequence)}`;
  const register = async (body: Record<string, unknown> = {}, company = acme) => {
    const res = await company.api('POST', '/v1/phone-numbers', { body: { number: nextNumber(), ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  it('registers with the defaults: OUTBOUND, TWILIO, LOCAL, AVAILABLE, custom, location null', async () => {
    const number = nextNumber();
    const res = await acme.api('POST', '/v1/phone-numbers', { body: { number } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: res.body.id,
      number,
      companyId: acme.id,
      capabilities: ['OUTBOUND'],
      provider: 'TWILIO',
      status: 'AVAILABLE',
      numberType: 'LOCAL',
      location: null,
      custom: true,
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
    });
    expect(res.body.createdAt).toMatch(ISO_MS);
    expect((await acme.api('GET', `/v1/phone-numbers/${res.body.id}`)).body).toEqual(res.body);
  });

  it('stores every field given', async () => {
    const body = { number: nextNumber(), capabilities: ['INBOUND', 'OUTBOUND'], provider: 'TWILIO', numberType: 'TOLL_FREE', location: '  San Francisco, CA ' };
    const created = await register(body);
    expect(created).toMatchObject({ ...body, location: 'San Francisco, CA', status: 'AVAILABLE', custom: true });
    expect((await register({ numberType: 'MOBILE', capabilities: ['INBOUND'] })).capabilities).toEqual(['INBOUND']);
  });

  it.each(['14155550123', '+014155550123', '+1 415 555 0123', '+1-415-555-0123', '+1234567890123456', '+1', '', '++14155550123', '+1415555012a'])(
    'refuses %j as not E.164, naming number',
    async (number) => {
      expectValidation(await acme.api('POST', '/v1/phone-numbers', { body: { number } }), 'number');
    },
  );

  it('accepts the shortest and longest E.164 numbers', async () => {
    expect((await acme.api('POST', '/v1/phone-numbers', { body: { number: '+123' } })).status).toBe(201);
    expect((await acme.api('POST', '/v1/phone-numbers', { body: { number: '+123456789012345' } })).status).toBe(201);
  });

  it('refuses a missing number, bad enums, empty or repeated capabilities and unknown fields', async () => {
    const post = (body: unknown) => acme.api('POST', '/v1/phone-numbers', { body });
    expectValidation(await post({}), 'number');
    expectValidation(await post({ number: nextNumber(), capabilities: [] }), 'capabilities');
    expectValidation(await post({ number: nextNumber(), capabilities: ['OUTBOUND', 'OUTBOUND'] }), 'capabilities');
    expectValidation(await post({ number: nextNumber(), capabilities: ['outbound'] }), 'capabilities.0');
    expectValidation(await post({ number: nextNumber(), provider: 'twilio' }), 'provider');
    expectValidation(await post({ number: nextNumber(), numberType: 'FAX' }), 'numberType');
    expectValidation(await post({ number: nextNumber(), location: '' }), 'location');
    expectValidation(await post({ number: nextNumber(), status: 'DISABLED' }), 'status');
    expectValidation(await post({ number: nextNumber(), custom: false }), 'custom');
    expectValidation(await post({ number: 14155550123 }), 'number');
  });

  it('a number is unique in the whole deployment: 409 CONFLICT, also across companies', async () => {
    const { number } = await register();
    const again = expectError(await acme.api('POST', '/v1/phone-numbers', { body: { number } }), 409, 'CONFLICT');
    expect(again.message).toContain(number);
    expectError(await other.api('POST', '/v1/phone-numbers', { body: { number } }), 409, 'CONFLICT');
    expect((await other.api('GET', '/v1/phone-numbers')).body.data.map((n: { number: string }) => n.number)).not.toContain(number);
  });

  it('two concurrent registrations of one number: exactly one wins', async () => {
    const number = nextNumber();
    const answers = await Promise.all([acme, other, acme, other].map((c) => c.api('POST', '/v1/phone-numbers', { body: { number } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expectError(a, 409, 'CONFLICT');
  });

  it('lists only the company\'s own live numbers, paginated, with a status filter', async () => {
    const fresh = await server.company('Fresh');
    const mine = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      mine.push(await register({}, fresh));
    }
    const disabled = mine[1];
    expect((await fresh.api('PATCH', `/v1/phone-numbers/${disabled.id}`, { body: { status: 'DISABLED' } })).status).toBe(200);
    const all = await fresh.api('GET', '/v1/phone-numbers');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, limit: 20, totalPages: 1 });
    expect(all.body.data.map((n: { id: string }) => n.id)).toEqual([mine[2].id, mine[1].id, mine[0].id]);
    const page = await fresh.api('GET', '/v1/phone-numbers', { query: { limit: 2, page: 2, order: 'asc' } });
    expect(page.body.data.map((n: { id: string }) => n.id)).toEqual([mine[2].id]);
    const onlyDisabled = await fresh.api('GET', '/v1/phone-numbers', { query: { status: 'DISABLED' } });
    expect(onlyDisabled.body.data.map((n: { id: string }) => n.id)).toEqual([disabled.id]);
    expectValidation(await fresh.api('GET', '/v1/phone-numbers', { query: { status: 'disabled' } }), 'status');
    expectValidation(await fresh.api('GET', '/v1/phone-numbers', { query: { limit: 101 } }), 'limit');
  });

  it('PATCH changes capabilities, status and location; null clears location; {} changes nothing', async () => {
    const created = await register({ location: 'Berlin' });
    clock.advance(5_000);
    const patch = (body: unknown) => acme.api('PATCH', `/v1/phone-numbers/${created.id}`, { body });
    const res = await patch({ capabilities: ['INBOUND', 'OUTBOUND'], status: 'DISABLED', location: 'Hamburg' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...created, capabilities: ['INBOUND', 'OUTBOUND'], status: 'DISABLED', location: 'Hamburg', updatedAt: clock.now().toISOString() });
    expect((await acme.api('GET', `/v1/phone-numbers/${created.id}`)).body).toEqual(res.body);
    const cleared = await patch({ location: null, status: 'AVAILABLE' });
    expect(cleared.body).toMatchObject({ location: null, status: 'AVAILABLE' });
    clock.advance(5_000);
    const empty = await patch({});
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(cleared.body);
  });

  it('PATCH refuses bad values and fields it does not change, and changes nothing then', async () => {
    const created = await register();
    const patch = (body: unknown) => acme.api('PATCH', `/v1/phone-numbers/${created.id}`, { body });
    expectValidation(await patch({ capabilities: [] }), 'capabilities');
    expectValidation(await patch({ capabilities: null }), 'capabilities');
    expectValidation(await patch({ status: 'RETIRED' }), 'status');
    expectValidation(await patch({ status: null }), 'status');
    expectValidation(await patch({ number: nextNumber() }), 'number');
    expectValidation(await patch({ numberType: 'MOBILE' }), 'numberType');
    expectValidation(await patch({ status: 'DISABLED', location: '' }), 'location');
    expect((await acme.api('GET', `/v1/phone-numbers/${created.id}`)).body).toEqual(created);
  });

  it('DELETE retires: 204 with no body, then get/patch/delete are 404 and the list drops it', async () => {
    const created = await register();
    const res = await acme.api('DELETE', `/v1/phone-numbers/${created.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectError(await acme.api('GET', `/v1/phone-numbers/${created.id}`), 404, 'RESOURCE_NOT_FOUND');
    expectError(await acme.api('PATCH', `/v1/phone-numbers/${created.id}`, { body: { status: 'AVAILABLE' } }), 404, 'RESOURCE_NOT_FOUND');
    expectError(await acme.api('DELETE', `/v1/phone-numbers/${created.id}`), 404, 'RESOURCE_NOT_FOUND');
    const list = await acme.api('GET', '/v1/phone-numbers', { query: { limit: 100 } });
    expect(list.body.data.map((n: { id: string }) => n.id)).not.toContain(created.id);
    const since = await acme.api('GET', '/v1/phone-numbers', { query: { limit: 100, updatedSince: created.createdAt } });
    expect(since.body.data.map((n: { id: string }) => n.id)).not.toContain(created.id);
  });

  it('concurrent DELETEs: exactly one retires the number, the others are 404', async () => {
    const created = await register();
    const answers = await Promise.all(Array.from({ length: 6 }, () => acme.api('DELETE', `/v1/phone-numbers/${created.id}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([204, 404, 404, 404, 404, 404]);
  });

  it('concurrent PATCHes of different fields all land and each answer is a state that existed', async () => {
    const created = await register({ location: 'Start' });
    const [a, b] = await Promise.all([
      acme.api('PATCH', `/v1/phone-numbers/${created.id}`, { body: { status: 'DISABLED' } }),
      acme.api('PATCH', `/v1/phone-numbers/${created.id}`, { body: { location: 'End' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const final = (await acme.api('GET', `/v1/phone-numbers/${created.id}`)).body;
    expect(final).toMatchObject({ status: 'DISABLED', location: 'End' });
    // The later of the two answers shows both changes.
    expect([a.body, b.body]).toContainEqual(final);
  });

  it('a retired number can be registered again, by any company, as a new number', async () => {
    const first = await register();
    expect((await acme.api('DELETE', `/v1/phone-numbers/${first.id}`)).status).toBe(204);
    const again = await other.api('POST', '/v1/phone-numbers', { body: { number: first.number } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.id);
    expect(again.body).toMatchObject({ number: first.number, companyId: other.id, status: 'AVAILABLE' });
    expectError(await acme.api('POST', '/v1/phone-numbers', { body: { number: first.number } }), 409, 'CONFLICT');
  });

  it('another company\'s or an unknown number is a 404 on every id route; a bad id is a 400', async () => {
    const theirs = await register({}, other);
    for (const id of [theirs.id as string, randomUUID()]) {
      expectError(await acme.api('GET', `/v1/phone-numbers/${id}`), 404, 'RESOURCE_NOT_FOUND');
      expectError(await acme.api('PATCH', `/v1/phone-numbers/${id}`, { body: { status: 'DISABLED' } }), 404, 'RESOURCE_NOT_FOUND');
      expectError(await acme.api('DELETE', `/v1/phone-numbers/${id}`), 404, 'RESOURCE_NOT_FOUND');
    }
    expect((await other.api('GET', `/v1/phone-numbers/${theirs.id}`)).body).toEqual(theirs);
    expectValidation(await acme.api('GET', '/v1/phone-numbers/12345'), 'id');
    expectValidation(await acme.api('DELETE', '/v1/phone-numbers/12345'), 'id');
  });

  it('needs the phone-numbers scopes', async () => {
    const reader = await server.companyKey(acme.id, { scopes: ['read:phone-numbers'] });
    expect((await reader.api('GET', '/v1/phone-numbers')).status).toBe(200);
    const denied = expectError(await reader.api('POST', '/v1/phone-numbers', { body: { number: nextNumber() } }), 403, 'INSUFFICIENT_PERMISSIONS');
    expect(denied.message).toContain('write:phone-numbers');
  });
});
