import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes RFC 9562 version 7 UUIDs carrying the millisecond', () => {
    const at = Date.UTC(2026, 11, 1, 6, 30);
    const id = newId(at);
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(7);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    expect(id[19]).toMatch(/[89ab]/);
  });

  it('keeps creation order within one millisecond, past the counter, and when the clock goes back', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, (_, i) => newId(i === 5000 ? at - 10 : at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws fresh randomness for every id', () => {
    const tails = new Set(Array.from({ length: 2000 }, () => newId().slice(19)));
    expect(tails.size).toBe(2000);
  });
});
