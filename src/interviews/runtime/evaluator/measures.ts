/**
 * Language measures computed from the transcript (stored beside a language test's sub-scores, so
 * a reader sees what the judgement rests on). Words are what `Intl.Segmenter` calls word-like in
 * the agent's language, so Japanese and Chinese, written without spaces, are counted in words and
 * not in sentences or characters.
 */
import type { LanguageMeasures } from '../../analysis-schema.ts';
import type { TranscriptTurn } from '../brains/model-types.ts';

/** Lexical diversity is averaged over windows of this many words (MATTR). */
export const DIVERSITY_WINDOW = 50;

const segmenters = new Map<string, Intl.Segmenter>();

/** The BCP 47 tag of a contract language code ("DE" → "de"); UNDEFINED is English. */
export function localeOf(language: string): string {
  return language === 'UNDEFINED' ? 'en' : language.toLowerCase();
}

export function words(text: string, language: string): string[] {
  const locale = localeOf(language);
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  const out: string[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) out.push(segment.segment);
  return out;
}

/**
 * Moving-average type–token ratio (Covington & McFall 2010): the mean, over every window of
 * `window` consecutive words, of distinct words ÷ words; plain TTR when there are fewer words.
 * Unlike TTR it does not fall merely because an answer is longer.
 */
export function movingAverageTtr(tokens: string[], window = DIVERSITY_WINDOW): number | null {
  if (tokens.length === 0) return null;
  if (tokens.length <= window) return new Set(tokens).size / tokens.length;
  const counts = new Map<string, number>();
  const add = (t: string, d: number) => {
    const n = (counts.get(t) ?? 0) + d;
    if (n === 0) counts.delete(t);
    else counts.set(t, n);
  };
  for (const t of tokens.slice(0, window)) add(t, 1);
  let sum = counts.size;
  for (let i = window; i < tokens.length; i++) {
    add(tokens[i] as string, 1);
    add(tokens[i - window] as string, -1);
    sum += counts.size;
  }
  return sum / (tokens.length - window + 1) / window;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Over the candidate's turns: words per minute (words ÷ the turns' own durations, endedAt −
 * startedAt, counting only turns with a positive duration), lexical diversity (MATTR over the
 * words lower-cased in the language) and mean words per answer (answers with at least one word).
 * Each is null when there is nothing to measure.
 */
export function languageMeasures(transcript: TranscriptTurn[], language: string): LanguageMeasures {
  const locale = localeOf(language);
  const tokens: string[] = [];
  let answers = 0;
  let timedWords = 0;
  let timedMs = 0;
  for (const turn of transcript) {
    if (turn.role !== 'candidate') continue;
    const found = words(turn.text, language);
    if (found.length === 0) continue;
    answers++;
    for (const w of found) tokens.push(w.toLocaleLowerCase(locale));
    const ms = Date.parse(turn.endedAt) - Date.parse(turn.startedAt);
    if (ms > 0) {
      timedWords += found.length;
      timedMs += ms;
    }
  }
  const diversity = movingAverageTtr(tokens);
  return {
    wordsPerMinute: timedMs > 0 ? round(timedWords / (timedMs / 60_000), 1) : null,
    lexicalDiversity: diversity === null ? null : round(diversity, 3),
    meanAnswerWords: answers > 0 ? round(tokens.length / answers, 1) : null,
  };
}
