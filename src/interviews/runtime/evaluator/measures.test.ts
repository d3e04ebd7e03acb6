import { describe, expect, it } from 'vitest';
import { transcriptOf } from './evaluator.test-helpers.ts';
import { languageMeasures, movingAverageTtr, words } from './measures.ts';

describe('language measures', () => {
  it('English: words per minute from turn times, MATTR (= TTR when short), mean words per answer', () => {
    const transcript = transcriptOf([
      ['agent', 'Tell me about your weekend, in detail please.', 5],
      ['candidate', 'I went to the sea. The sea was cold!', 30], // 9 words, "the" and "sea" twice: 7 types
      ['agent', 'And then?', 2],
      ['candidate', 'Then I went home.', 6], // 4 words; "i", "went" seen before
      ['candidate', '   ', 4], // no words: not an answer, its time not counted
    ]);
    // 13 words in 36 s; types: i went to the sea was cold then home = 9 of 13.
    expect(languageMeasures(transcript, 'EN')).toEqual({ wordsPerMinute: 21.7, lexicalDiversity: 0.692, meanAnswerWords: 6.5 });
  });

  it('German: lower-cased in the language before types are counted', () => {
    const transcript = transcriptOf([['candidate', 'Das System war langsam. Das Team hat das System neu gebaut.', 20]]);
    // 11 words; das ×3, system ×2 → 8 types.
    expect(languageMeasures(transcript, 'DE')).toEqual({ wordsPerMinute: 33, lexicalDiversity: 0.727, meanAnswerWords: 11 });
  });

  it('Japanese and Chinese are split into words, not taken as one word per sentence or one per character', () => {
    const ja = '私は去年、大きなシステムを設計しました。';
    const found = words(ja, 'JA');
    expect(found).toContain('システム');
    expect(found).toContain('設計');
    expect(found.length).toBeGreaterThanOrEqual(6);
    expect(found.length).toBeLessThan([...ja.replace(/[、。]/g, '')].length);
    expect(words('我去年设计了一个很大的系统。', 'ZH')).toContain('系统');
    const m = languageMeasures(transcriptOf([['candidate', ja, 10]]), 'JA');
    expect(m.meanAnswerWords).toBe(found.length);
    expect(m.wordsPerMinute).toBe(found.length * 6);
  });

  it('MATTR does not fall merely because an answer is longer', () => {
    const cycle = (n: number) => Array.from({ length: n }, (_, i) => `w${i % 10}`);
    expect(movingAverageTtr(cycle(50))).toBe(10 / 50);
    expect(movingAverageTtr(cycle(500))).toBe(10 / 50); // plain TTR would be 10 / 500
    expect(movingAverageTtr([])).toBeNull();
  });

  it('is null where there is nothing to measure', () => {
    expect(languageMeasures(transcriptOf([['agent', 'Hello?', 2], ['candidate', '', 3]]), 'EN')).toEqual({ wordsPerMinute: null, lexicalDiversity: null, meanAnswerWords: null });
    // Words but no duration (a turn without time): no rate, the rest still measured.
    const instant = transcriptOf([['candidate', 'yes yes', 0]]);
    expect(languageMeasures(instant, 'EN')).toEqual({ wordsPerMinute: null, lexicalDiversity: 0.5, meanAnswerWords: 2 });
  });
});
