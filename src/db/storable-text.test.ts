import { describe, expect, it } from 'vitest';
import { storableText } from './storable-text.ts';

describe('storableText', () => {
  it('replaces NUL and lone surrogates with U+FFFD and keeps everything else', () => {
    expect(storableText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD');
    expect(storableText('half \uD83D, other half \uDE00.')).toBe('half \uFFFD, other half \uFFFD.');
    expect(storableText('\uDE00\uD83D')).toBe('\uFFFD\uFFFD'); // halves in the wrong order
    expect(storableText('\uD83D\uD83D\uDE00')).toBe('\uFFFD😀');
    const clean = 'plain, café, 😀, \t\n\u0001, \uFFFD';
    expect(storableText(clean)).toBe(clean);
    expect(storableText(null)).toBeNull();
  });
});
