import PDFDocument from 'pdfkit';
import type { Analysis } from './analysis-schema.ts';

/** Everything the report shows; the caller resolves names (an erased candidate is `null`). */
export interface AnalysisReportData {
  interviewId: string;
  /** `null` when the candidate's personal data was erased (GDPR). */
  candidateName: string | null;
  agentName: string;
  agentFocus: string;
  /** `null` when the interview has no job. */
  jobTitle: string | null;
  /** When the interview took place (started), else when it was scheduled. ISO instant. */
  interviewDate: string;
  durationMinutes: number | null;
  isTest: boolean;
  analysis: Analysis;
}

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const OBLIQUE = 'Helvetica-Oblique';
const INK = '#1f2328';
const MUTED = '#57606a';
const ACCENT = '#0b5cad';
const WARNING = '#9a3412';

// The 14 standard PDF fonts carry the WinAnsi (CP1252) character set: Latin-1 plus these.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FALLBACK: Record<string, string> = { 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ŧ': 'T', 'ŧ': 't', '−': '-', '‐': '-', '‑': '-', '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '\u00ad': '' };

function encodable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/**
 * Text the standard fonts can draw: characters outside WinAnsi lose their accents where that
 * leaves a Latin letter (ő → o, ł → l) and become "?" otherwise (no font is downloaded or embedded).
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n') out += '\n';
    else if (ch === '\t' || ch === '\r') out += ' ';
    else if (encodable(ch)) out += ch;
    else if (FALLBACK[ch] !== undefined) out += FALLBACK[ch];
    else if ((ch.codePointAt(0) ?? 0) < 0x20) continue;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(encodable) ? base : '?';
    }
  }
  return out;
}

/** "2025-11-20 10:30 UTC". */
function formatInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

const score = (value: number | null): string => (value === null ? 'not rated' : `${Math.round(value)} / 100`);
const orDash = (value: string | null | undefined): string => (value === null || value === undefined || value.trim() === '' ? '—' : value);

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor(ACCENT).text(toWinAnsi(text)).moveDown(0.3).fillColor(INK).font(FONT).fontSize(10.5);
}

function field(doc: Doc, label: string, value: string): void {
  doc.font(BOLD).fillColor(MUTED).text(`${toWinAnsi(label)}: `, { continued: true }).font(FONT).fillColor(INK).text(toWinAnsi(value));
}

function bullets(doc: Doc, items: string[]): void {
  if (items.length === 0) {
    doc.font(OBLIQUE).fillColor(MUTED).text('None noted.').font(FONT).fillColor(INK);
    return;
  }
  for (const item of items) doc.text(`•  ${toWinAnsi(item)}`, { indent: 0, paragraphGap: 2 });
}

function testNotice(doc: Doc): void {
  const text =
    'SYNTHETIC TEST ANALYSIS. This report belongs to a test interview: no candidate was interviewed or evaluated, and every score below is made up. Do not use it for a hiring decision.';
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font(BOLD).fontSize(10.5);
  const height = doc.heightOfString(text, { width: width - 20 }) + 16;
  const y = doc.y;
  doc.save().rect(x, y, width, height).fillAndStroke('#fff7ed', WARNING).restore();
  doc.fillColor(WARNING).text(text, x + 10, y + 8, { width: width - 20 });
  doc.x = x;
  doc.y = y + height;
  doc.fillColor(INK).font(FONT);
}

function specifics(doc: Doc, specific: Analysis['specific']): void {
  if (!specific) return;
  if ('targetLevel' in specific) {
    heading(doc, 'Language test');
    field(doc, 'Target level', specific.targetLevel);
    field(doc, 'Estimated level', specific.estimatedLevel ?? 'not determined');
    field(doc, 'Grammar', score(specific.scores.grammar));
    field(doc, 'Vocabulary', score(specific.scores.vocabulary));
    field(doc, 'Fluency', score(specific.scores.fluency));
    field(doc, 'Coherence', score(specific.scores.coherence));
    const { wordsPerMinute, lexicalDiversity, meanAnswerWords } = specific.measures;
    field(doc, 'Measured', `${wordsPerMinute ?? '-'} words per minute, lexical diversity ${lexicalDiversity ?? '-'}, ${meanAnswerWords ?? '-'} words per answer`);
  } else {
    heading(doc, 'Outreach');
    field(doc, 'Interest level', specific.interestLevel ?? 'not determined');
    field(doc, 'Availability', orDash(specific.availability));
    field(doc, 'Next step', orDash(specific.nextStep));
  }
}

function questions(doc: Doc, evaluation: Analysis['general']['evaluation']): void {
  heading(doc, 'Questions');
  if (evaluation.length === 0) {
    doc.font(OBLIQUE).fillColor(MUTED).text('No question was evaluated.').font(FONT).fillColor(INK);
    return;
  }
  evaluation.forEach((entry, i) => {
    doc.font(BOLD).fillColor(INK).text(`${i + 1}. ${toWinAnsi(entry.question)}`, { paragraphGap: 2 });
    const verdict = entry.insufficientEvidence ? `${score(entry.score)} (insufficient evidence)` : score(entry.score);
    field(doc, 'Score', verdict);
    field(doc, 'Answer', orDash(entry.answerSummary));
    if (entry.reasoning.trim() !== '') field(doc, 'Reasoning', entry.reasoning);
    for (const { quote } of entry.evidence) field(doc, 'Evidence', `"${quote}"`);
    doc.moveDown(0.5);
  });
}

function footers(doc: Doc, interviewId: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    const text = `interviewd - interview ${interviewId} - page ${i + 1} of ${range.count}`;
    doc.font(FONT).fontSize(8).fillColor(MUTED).text(text, doc.page.margins.left, doc.page.height - 36, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The analysis as a PDF report (§10 `analysis-pdf`), drawn with the standard PDF fonts only.
 * Pure: the same data gives the same bytes (the document's dates are the analysis's).
 */
export function renderAnalysisPdf(data: AnalysisReportData): Promise<Buffer> {
  const { analysis } = data;
  const { general } = analysis;
  const createdAt = new Date(general.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: {
      Title: `Interview analysis: ${data.candidateName ?? '(erased)'}`,
      Author: 'interviewd',
      Subject: `Interview ${data.interviewId}`,
      Creator: 'interviewd',
      Producer: 'interviewd',
      CreationDate: Number.isNaN(createdAt.getTime()) ? new Date(0) : createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(BOLD).fontSize(20).fillColor(INK).text('Interview analysis report');
  doc.moveDown(0.6);
  if (analysis.evaluator.kind === 'test' || data.isTest) testNotice(doc);

  heading(doc, 'Interview');
  field(doc, 'Candidate', data.candidateName ?? '(erased)');
  field(doc, 'Agent', `${data.agentName} (${data.agentFocus})`);
  field(doc, 'Job', orDash(data.jobTitle));
  field(doc, 'Interview date', formatInstant(data.interviewDate));
  if (data.durationMinutes !== null) field(doc, 'Duration', `${data.durationMinutes} min`);
  const evaluator = analysis.evaluator.kind === 'test' ? 'test (synthetic test analysis)' : analysis.evaluator.kind === 'rules' ? 'rules (counts only what it can measure)' : 'llm';
  const { model, promptVersion, notes } = analysis.evaluator;
  field(doc, 'Evaluator', [evaluator, model && `model ${model}`, promptVersion && `prompt ${promptVersion}`].filter(Boolean).join(', '));
  for (const note of notes) field(doc, 'Note', note);
  field(doc, 'Analysed', formatInstant(general.createdAt));

  heading(doc, 'Verdict');
  field(doc, 'Overall rating', score(general.overallRating));
  field(doc, 'Company fit', general.companyFitRating ?? 'not rated');

  heading(doc, 'Summary');
  doc.text(toWinAnsi(orDash(general.summary)));

  heading(doc, 'Strong points');
  bullets(doc, general.strongPoints);
  heading(doc, 'Weak points');
  bullets(doc, general.weakPoints);

  specifics(doc, analysis.specific);
  questions(doc, general.evaluation);

  footers(doc, data.interviewId);
  doc.end();
  return done;
}
