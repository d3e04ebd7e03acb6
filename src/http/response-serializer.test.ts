import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentSchema } from '../agents/schema.ts';
import { ErrorEnvelopeSchema } from '../errors/envelope.ts';
import { compileResponseSerializer, ResponseShapeError } from './response-serializer.ts';

const agent = {
  id: '0190f0f0-0000-7000-8000-000000000001',
  companyId: '0190f0f0-0000-7000-8000-000000000002',
  name: 'Screener',
  type: 'ONLINE',
  focus: 'SCREENING',
  language: 'EN',
  duration: 30,
  questions: ['Why?'],
  instructions: null,
  voiceId: null,
  companyPhoneNumberId: null,
  cefrLevel: null,
  backgroundSound: 'OFFICE',
  metadata: { team: { name: 'platform', tags: ['a'] } },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('compileResponseSerializer', () => {
  const serialize = compileResponseSerializer(AgentSchema);

  it('writes what zod would encode, field for field', () => {
    expect(JSON.parse(serialize(agent))).toEqual(z.encode(AgentSchema, agent as never));
  });

  it('never lets an undeclared field out', () => {
    const text = serialize({ ...agent, deletedAt: null, keyHash: 'secret' });
    expect(text).not.toContain('deletedAt');
    expect(text).not.toContain('secret');
  });

  it.each([
    ['a wrong type', { duration: '30' }, 'duration'],
    ['a fraction where an integer is declared', { duration: 30.5 }, 'duration'],
    ['a value outside the enum', { focus: 'OTHER' }, 'focus'],
    ['a missing required field', { name: undefined }, 'name'],
    ['null where null is not allowed', { questions: null }, 'questions'],
    ['a bad array element', { questions: ['ok', 7] }, 'questions[1]'],
    ['an array where an object is declared', { metadata: [] }, 'metadata'],
  ])('refuses %s, naming the path', (_label, change, path) => {
    expect(() => serialize({ ...agent, ...change })).toThrow(ResponseShapeError);
    expect(() => serialize({ ...agent, ...change })).toThrow(new RegExp(`at ${path.replace(/[[\]]/g, '\\$&')}:`));
  });

  it('handles literals, nested objects and optional fields', () => {
    const envelope = { success: false, data: null, error: { code: 'RESOURCE_NOT_FOUND', message: 'x', details: {} }, timestamp: 't' };
    expect(JSON.parse(compileResponseSerializer(ErrorEnvelopeSchema)(envelope))).toEqual(envelope);
    expect(() => compileResponseSerializer(ErrorEnvelopeSchema)({ ...envelope, success: true })).toThrow(ResponseShapeError);
    const withOptional = compileResponseSerializer(z.object({ a: z.string().optional(), b: z.boolean() }));
    expect(withOptional({ b: true })).toBe('{"b":true}');
  });

  it('keeps zod for kinds it does not compile (unions, transforms)', () => {
    const union = compileResponseSerializer(z.object({ v: z.union([z.string(), z.number()]) }));
    expect(union({ v: 3 })).toBe('{"v":3}');
    expect(() => union({ v: true })).toThrow(ResponseShapeError);
  });

  it('names the value it refuses and the id of the row around it', () => {
    const page = compileResponseSerializer(z.object({ data: z.array(AgentSchema) }));
    const other = { ...agent, id: '0190f0f0-0000-7000-8000-000000000003' };
    const error = (() => {
      try {
        page({ data: [agent, { ...other, focus: 'OTHER' }] });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ path: 'data[1].focus', value: 'OTHER', resourceId: other.id });
  });
});
