import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { pdfDrawnLines, pdfFonts, pdfText } from '../../test/pdf-reading.ts';
import { type AnalysisReportData, renderAnalysisPdf } from './analysis-pdf.ts';
import type { Analysis } from './analysis-schema.ts';
import { ReportFonts } from './report-fonts.ts';

/*
 * The report shows the words of an interview in every script of the agent languages: names,
 * questions, summaries and the evidence quotes, read back from the real PDF by poppler.
 * Chinese, Japanese and Korean need the operating system's Noto Sans CJK (`fonts-noto-cjk`, which
 * .ci/run installs); without it they print as "?", as any character no font has (tested below).
 */

/** A right-to-left sentence as it must be drawn: words and letters reversed, numbers kept. */
const asDrawn = (sentence: string): string =>
  sentence.split(' ').reverse().map((word) => (/\p{N}/u.test(word) ? word : [...word].reverse().join(''))).join(' ');

const TURN = '01a23cb6-1b35-72d4-b2f3-d6d3f4c627cd';

function report(quotes: string[], extra: Partial<AnalysisReportData> = {}): AnalysisReportData {
  const analysis: Analysis = {
    general: {
      overallRating: 70,
      companyFitRating: 'MEDIUM',
      strongPoints: quotes.map((quote) => `Strong: ${quote}`),
      weakPoints: [],
      evaluation: quotes.map((quote, i) => ({
        question: `Question ${i + 1}: ${quote}?`,
        answerSummary: `Summary ${quote}`,
        score: 70,
        reasoning: '',
        evidenceTurnIds: [TURN],
        evidence: [{ turnId: TURN, quote }],
        insufficientEvidence: false,
      })),
      summary: quotes.join(' / '),
      createdAt: '2026-12-03T10:00:00.000Z',
    },
    specific: null,
    evaluator: { kind: 'llm', model: 'test-model', promptVersion: 'evaluator-2', notes: [] },
  };
  return {
    interviewId: TURN, candidateName: 'Ivo Andrić', agentName: 'Screener', agentFocus: 'SCREENING', agentLanguage: 'EN', jobTitle: null,
    interviewDate: '2026-12-03T09:00:00.000Z', durationMinutes: 12, isTest: false, analysis, ...extra,
  };
}

describe('analysis PDF in every script', () => {
  it('prints Latin with every accent, Greek and Cyrillic as written, in the evidence quotes too', async () => {
    const quotes = ['Łukasz Dvořák z Łodzi', 'Tiếng Việt rất đẹp', 'Işık ve ğüzel şehir', 'Здравствуйте, меня зовут Иван', 'Καλημέρα, είμαι μηχανικός', 'Добрий день, дякую'];
    const text = pdfText(await renderAnalysisPdf(report(quotes)));
    expect(text).toContain('Candidate: Ivo Andrić');
    for (const quote of quotes) expect(text).toContain(`Evidence: "${quote}"`);
    expect(text).not.toContain('?"');
  });

  it('prints Arabic in its reading order, and Devanagari and Tamil with their own fonts', async () => {
    const arabic = 'أعمل مهندسا في الشركة منذ خمس سنوات';
    const withNumbers = 'بدأت العمل في عام 2019 مع فريق من 345 شخصا';
    const pdf = await renderAnalysisPdf(report([arabic, withNumbers, 'मैं पाँच साल से इंजीनियर हूँ', 'நான் ஒரு பொறியாளர்'], { agentLanguage: 'AR' }));
    const text = pdfText(pdf);
    // Each line's words as drawn, left to right (poppler's -bbox gives each word's letters in
    // the order drawn too): the words right to left, each word's letters right to left, shaped
    // (so one glyph per letter), the numbers left to right — also after Latin text on the line.
    const lines = pdfDrawnLines(pdf);
    for (const [label, sentence] of [['Evidence:', arabic], ['Question 1:', arabic], ['Strong:', arabic], ['Evidence:', withNumbers], ['Question 2:', withNumbers]] as const) {
      expect(lines.some((line) => line.includes(label) && line.includes(asDrawn(sentence))), `${label} ${sentence}`).toBe(true);
    }
    expect(text).toContain('पाँच साल से');
    expect(text).toContain('நான் ஒரு');
    expect(text).not.toMatch(/\?{2,}/);
    const fonts = pdfFonts(pdf);
    expect(fonts).toMatch(/DejaVuSans\b/);
    expect(fonts).toMatch(/NotoSansDevanagari/);
    expect(fonts).toMatch(/NotoSansTamil/);
  });

  it('prints Chinese, Japanese and Korean with the system Noto Sans CJK, in the regional design of the agent language', async () => {
    expect(existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), 'needs the CJK font: apt-get install fonts-noto-cjk (as .ci/run does)').toBe(true);
    const quotes = ['東京で五年間働きました', '我在北京工作了五年', '서울에서 오 년 동안 일했습니다'];
    const pdf = await renderAnalysisPdf(report(quotes, { agentLanguage: 'ZH', candidateName: '山田 太郎' }));
    const text = pdfText(pdf);
    for (const quote of quotes) expect(text).toContain(`Evidence: "${quote}"`);
    expect(text).toContain('Candidate: 山田 太郎');
    expect(pdfFonts(pdf)).toMatch(/NotoSansCJKsc-Regular/);
    expect(pdfFonts(await renderAnalysisPdf(report(quotes, { agentLanguage: 'JA' })))).toMatch(/NotoSansCJKjp-Regular/);
  });

  it('prints "?" for a character no font has, in a font that has "?", drops control characters', async () => {
    const text = pdfText(await renderAnalysisPdf(report(['a\u0007b𓀀c\td', 'धन्यवाद 𓀀 नमस्ते'])));
    expect(text).toContain('Evidence: "ab?c d"');
    expect(text).toContain('Evidence: "धन्यवाद ? नमस्ते"');
  });

  it('keeps every line break, also where the font changes, and never prints one as "?"', async () => {
    const summary = 'abc\n東京\u2028абв\r\n\nمرحبا بكم\nxyz';
    const lines = pdfDrawnLines(await renderAnalysisPdf(report([], { candidateName: '\nAda Lovelace', analysis: { ...report([]).analysis, general: { ...report([]).analysis.general, summary } } })));
    const at = (word: string) => lines.findIndex((line) => line === word || line.endsWith(` ${word}`));
    const rows = ['abc', '東京', 'абв', asDrawn('مرحبا بكم'), 'xyz'].map(at);
    expect(rows.every((row) => row >= 0), rows.join()).toBe(true);
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
    expect(new Set(rows).size).toBe(rows.length);
    expect(lines.some((line) => line.includes('?'))).toBe(false);
  });

  it('lays out a right-to-left line that starts with a Latin word right to left (wrapped or after a newline)', async () => {
    const long = `${'يعمل المرشح في فريق البنية التحتية منذ سنوات طويلة ويهتم كثيرا بجودة الأنظمة '.repeat(3)}Kubernetes في الإنتاج`;
    const lines = pdfDrawnLines(await renderAnalysisPdf(report([long, 'المرشح جيد\nPython هي لغته المفضلة'])));
    const drawn = lines.join('\n');
    expect(drawn).toContain('Kubernetes');
    expect(drawn).toContain('Python');
    expect(drawn).not.toMatch(/setenrebuK|nohtyP/);
  });

  it('ends an Arabic line on the left: its full stop goes there, and brackets are mirrored', async () => {
    const lines = pdfDrawnLines(await renderAnalysisPdf(report(['أعمل مهندسا منذ سنوات.', 'قال (مرحبا) لي'])));
    expect(lines.some((line) => line.startsWith('Evidence:') && line.includes(asDrawn('أعمل مهندسا منذ سنوات.')))).toBe(true);
    expect(lines.some((line) => line.startsWith('Evidence:') && line.includes('يل (ابحرم) لاق'))).toBe(true);
  });

  it('keeps joiners in the word they join, draws each space with a font that has it, and inserts nothing into long words', async () => {
    const fonts = new ReportFonts(new PDFDocument(), 'JA');
    expect(fonts.runs('क्\u200dष र्\u200dय', 'regular')).toHaveLength(1);
    const runs = fonts.runs('\u3000東京 AWS\u3000認定 नमस्ते\u2009जी', 'regular');
    expect(runs.map((run) => run.text).join('')).toBe('\u3000東京 AWS\u3000認定 नमस्ते\u2009जी');
    expect(runs.filter((run) => run.text.includes('\u3000')).every((run) => run.font.startsWith('cjk-jp'))).toBe(true);
    expect(runs.find((run) => run.text.includes('\u2009'))?.font).toBe('dejavu-regular');
    const link = `https://example.com/${'distributed-systems-course/'.repeat(8)}pull/1234`;
    expect(fonts.runs(link, 'regular').map((run) => run.text).join('')).toBe(link);
    const lines = pdfDrawnLines(await renderAnalysisPdf(report(['x'.repeat(400)])));
    expect(lines.filter((line) => /^"?x+"?$/.test(line)).length).toBeGreaterThan(3);
  });

  it('gives the same bytes for the same data, whatever was rendered before', async () => {
    const data = report(['Здравствуйте', 'مرحبا بكم', 'हिन्दी']);
    const first = await renderAnalysisPdf(data);
    await renderAnalysisPdf(report(['يعمل المرشح Kubernetes في الإنتاج', 'क्\u200dष र्\u200dय', '東京']));
    expect((await renderAnalysisPdf(data)).equals(first)).toBe(true);
  });
});
