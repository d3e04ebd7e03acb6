import { describe, expect, it } from 'vitest';
import { flatKeys, metadataOfBytes, nested } from '../../test/domain-assertions.ts';
import { METADATA_LIMITS, MetadataSchema, mergePatch, metadataProblems } from './metadata.ts';

/** §4 limits and RFC 7396, as plain functions (the HTTP suites prove they are wired in). */
describe('metadata limits (§4)', () => {
  it('has the contract\'s numbers', () => {
    expect(METADATA_LIMITS).toEqual({ bytes: 10_240, depth: 5, keys: 50 });
  });

  it('accepts the empty object and values at every limit', () => {
    expect(metadataProblems({})).toEqual([]);
    expect(metadataProblems(flatKeys(50))).toEqual([]);
    expect(metadataProblems(nested(5))).toEqual([]);
    expect(metadataProblems(metadataOfBytes(10_240))).toEqual([]);
    expect(metadataProblems(metadataOfBytes(10_240, 'é'))).toEqual([]);
    expect(metadataProblems(metadataOfBytes(10_238, '€'))).toEqual([]); // 3 bytes each: 8 + 3 × 3410
  });

  it('counts keys over all levels, including keys inside arrays of objects', () => {
    expect(metadataProblems(flatKeys(51))).toHaveLength(1);
    expect(metadataProblems(flatKeys(51))[0]).toMatch(/50 keys.*51/);
    // 1 (a) + 49 inside = 50: fine; one more anywhere is 51.
    expect(metadataProblems({ a: flatKeys(49) })).toEqual([]);
    expect(metadataProblems({ a: flatKeys(49), b: 1 })[0]).toMatch(/keys/);
    expect(metadataProblems({ list: [flatKeys(25), flatKeys(24)] })).toEqual([]);
    expect(metadataProblems({ list: [flatKeys(25), flatKeys(25)] })[0]).toMatch(/keys/);
    // Keys of empty objects count too.
    expect(metadataProblems({ ...flatKeys(49), empty: {} })).toEqual([]);
    expect(metadataProblems({ ...flatKeys(50), empty: {} })[0]).toMatch(/keys/);
  });

  it('measures depth with the object itself as level 1', () => {
    expect(metadataProblems(nested(1))).toEqual([]);
    expect(metadataProblems(nested(6))).toHaveLength(1);
    expect(metadataProblems(nested(6))[0]).toMatch(/5 levels.*6/);
    // An empty object at level 6 is still level 6.
    expect(metadataProblems({ a: { b: { c: { d: {} } } } })).toEqual([]);
    expect(metadataProblems({ a: { b: { c: { d: { e: {} } } } } })[0]).toMatch(/levels/);
    // Arrays are containers and count as a level (decision: JSON nesting depth).
    expect(metadataProblems({ a: { b: { c: [1, 2] } } })).toEqual([]);
    expect(metadataProblems({ a: { b: { c: { d: [1] } } } })).toEqual([]);
    expect(metadataProblems({ a: { b: { c: { d: [[1]] } } } })[0]).toMatch(/levels/);
    expect(metadataProblems({ a: { b: { c: { d: [{ e: 1 }] } } } })[0]).toMatch(/levels/);
  });

  it('measures exactly up to 6 levels, and says "or more" beyond instead of walking a hostile value', () => {
    expect(metadataProblems(nested(7))).toEqual(['metadata must be nested at most 5 levels deep (got 7 or more)']);
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(metadataProblems({ deep })).toEqual(['metadata must be nested at most 5 levels deep (got 7 or more)']);
  });

  it('measures size as bytes of the UTF-8 JSON serialisation', () => {
    expect(metadataProblems(metadataOfBytes(10_241))).toHaveLength(1);
    expect(metadataProblems(metadataOfBytes(10_241))[0]).toMatch(/10240 bytes.*10241/);
    expect(metadataProblems(metadataOfBytes(10_242, 'é'))[0]).toMatch(/bytes/); // 5,125 characters only
    // Escapes count as serialised: a quote is 2 bytes (\"), a newline 2 (\n).
    expect(metadataProblems({ p: '"'.repeat((10_240 - 8) / 2) })).toEqual([]);
    expect(metadataProblems({ p: '\n'.repeat((10_240 - 8) / 2 + 1) })[0]).toMatch(/bytes/);
  });

  it('reports every limit broken at once, each naming its limit', () => {
    const problems = metadataProblems({ ...flatKeys(60), deep: nested(5), big: 'x'.repeat(11_000) }); // depth 6
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/bytes/);
    expect(problems.join(' ')).toMatch(/levels/);
    expect(problems.join(' ')).toMatch(/keys/);
  });

  it('MetadataSchema accepts objects only and reports limits under the metadata path', () => {
    expect(MetadataSchema.safeParse({ a: [1, { b: null }] }).success).toBe(true);
    for (const value of [[], [1], null, 'x', 1, true]) expect(MetadataSchema.safeParse(value).success).toBe(false);
    const result = MetadataSchema.safeParse(flatKeys(51));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual([]);
    expect(result.error?.issues[0]?.message).toMatch(/keys/);
  });
});

describe('mergePatch (RFC 7396)', () => {
  // RFC 7396, Appendix A, every example.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected);
  });

  it('does not modify the target or the patch', () => {
    const target = { a: { b: 1, c: 2 }, d: [1] };
    const patch = { a: { b: null, e: 3 }, d: null };
    const snapshot = JSON.stringify({ target, patch });
    expect(mergePatch(target, patch)).toEqual({ a: { c: 2, e: 3 } });
    expect(JSON.stringify({ target, patch })).toBe(snapshot);
  });

  it('an empty patch gives back an equal object', () => {
    const target = { a: { b: [1, 2] }, c: 'd' };
    expect(mergePatch(target, {})).toEqual(target);
  });

  it('treats inherited names such as constructor and toString as plain keys', () => {
    const merged = mergePatch({}, { constructor: { prototype: { polluted: true } }, toString: 'x' }) as Record<string, unknown>;
    expect(Object.keys(merged).sort()).toEqual(['constructor', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(mergePatch({ keep: 1 }, { constructor: null, hasOwnProperty: null })).toEqual({ keep: 1 });
  });
});
