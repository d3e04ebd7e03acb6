import { execFileSync } from 'node:child_process';

/*
 * A PDF read back as a reader's software reads it: poppler's tools (Debian `poppler-utils`,
 * which .ci/run installs), the PDF given on standard input.
 */

const poppler = (tool: string, args: string[], pdf: Buffer): string => execFileSync(tool, args, { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Its text, as `pdftotext` extracts it (UTF-8). */
export function pdfText(pdf: Buffer): string {
  return poppler('pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf);
}

/** The table of its fonts, as `pdffonts` prints it. */
export function pdfFonts(pdf: Buffer): string {
  return poppler('pdffonts', ['-'], pdf);
}

/**
 * The text of each line as drawn: its words left to right by position (`pdftotext -bbox` gives
 * each word's letters in the order drawn too).
 */
export function pdfDrawnLines(pdf: Buffer): string[] {
  const html = poppler('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], pdf);
  const lines = new Map<string, { x: number; word: string }[]>();
  for (const [, x, y, word] of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    const key = Number(y).toFixed(0);
    lines.set(key, [...(lines.get(key) ?? []), { x: Number(x), word: word as string }]);
  }
  return [...lines.values()].map((words) => words.sort((a, b) => a.x - b.x).map((w) => w.word).join(' '));
}
