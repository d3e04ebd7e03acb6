import type { Font } from 'fontkit';

/*
 * Right-to-left text (Arabic, Hebrew) in the PDF report. pdfkit has no bidirectional layout, and
 * fontkit lays out a run right to left, all of it, when the first letter it meets is Arabic or
 * Hebrew, left to right otherwise. So:
 * - the stretch of a line from its first right-to-left letter to its last is a run of its own
 *   (after "Evidence: " it is still shaped and read in order); a line that starts with a
 *   right-to-left letter is one such run, all of it. The run is laid out as a whole with the
 *   script forced (`rightToLeftFont`), so a wrapped line that starts with a Latin word or a
 *   number is right to left too;
 * - the numbers and Latin words inside it are reversed beforehand, so that the run's reversal
 *   puts them back in their reading order ("2019", not "9102"), and brackets are mirrored.
 * Known limits: an English phrase of several words inside Arabic text shows its words in reverse
 * order, text of another font inside it (Chinese, say) is not reordered, and the lines of an
 * Arabic paragraph are aligned left.
 */

export type RightToLeftScript = 'arab' | 'hebr';

/** A piece of a line, and the right-to-left script it is laid out in (`null`: left to right). */
export interface LinePiece {
  text: string;
  script: RightToLeftScript | null;
}

const ARABIC = /\p{Script=Arabic}/u;
const HEBREW = /\p{Script=Hebrew}/u;
/** A letter or mark of a right-to-left script (its digits, Arabic-Indic ones, read left to right). */
const isRightToLeft = (ch: string): boolean => (ARABIC.test(ch) || HEBREW.test(ch)) && !/\p{N}/u.test(ch);

/** Brackets and quotes drawn mirrored in right-to-left text (an opening one opens to the left). */
const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };

/**
 * The line as left-to-right text, a right-to-left stretch, and left-to-right text. A line whose
 * first letter is right to left is a right-to-left line, all of it one stretch (the full stop of
 * an Arabic sentence, or an English word after it, goes to its end, on the left).
 */
export function rightToLeftPieces(line: string): LinePiece[] {
  const chars = [...line];
  const first = chars.findIndex(isRightToLeft);
  if (first < 0) return [{ text: line, script: null }];
  const last = chars.findLastIndex(isRightToLeft);
  const rightToLeftLine = !chars.slice(0, first).some((ch) => /\p{L}/u.test(ch));
  const [start, end] = rightToLeftLine ? [0, chars.length - 1] : [first, last];
  let stretch = '';
  let token = '';
  const flush = () => {
    const readLeftToRight = /[\p{L}\p{N}]/u.test(token);
    stretch += readLeftToRight ? [...token].reverse().join('') : [...token].map((ch) => MIRRORED[ch] ?? ch).join('');
    token = '';
  };
  for (const ch of chars.slice(start, end + 1)) {
    if (isRightToLeft(ch) || /\s/u.test(ch)) {
      flush();
      stretch += ch;
    } else token += ch;
  }
  flush();
  const pieces: LinePiece[] = [
    { text: chars.slice(0, start).join(''), script: null },
    { text: stretch, script: HEBREW.test(chars[first] as string) ? 'hebr' : 'arab' },
    { text: chars.slice(end + 1).join(''), script: null },
  ];
  return pieces.filter((piece) => piece.text !== '');
}

/**
 * The font, laid out right to left in `script` whatever a line of it starts with (pdfkit passes
 * no script to fontkit). Its PostScript name differs, or pdfkit would take it for the font itself
 * and draw with that instead.
 */
export function rightToLeftFont(font: Font, script: RightToLeftScript): Font {
  return new Proxy(font, {
    get(target, property, receiver) {
      if (property === 'layout') return (text: string, features?: unknown) => target.layout(text, features, script);
      if (property === 'postscriptName') return `${target.postscriptName}-${script}`;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
