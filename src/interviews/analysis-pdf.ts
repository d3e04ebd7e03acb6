import PDFDocument from 'pdfkit';
import type { Analysis } from './analysis-schema.ts';
import { type FontStyle, ReportFonts } from './report-fonts.ts';

/** Everything the report shows; the caller resolves names (an erased candidate is `null`). */
export interface AnalysisReportData {
  interviewId: string;
  /** `null` when the candidate's personal data was erased (GDPR). */
  candidateName: string | null;
  agentName: string;
  agentFocus: string;
  /** The agent's language code ("ZH"): picks the regional design of Chinese, Japanese and Korean characters. */
  agentLanguage: string | undefined;
  /** `null` when the interview has no job. */
  jobTitle: string | null;
  /** When the interview took place (started), else when it was scheduled. ISO instant. */
  interviewDate: string;
  durationMinutes: number | null;
  isTest: boolean;
  analysis: Analysis;
}

const INK = '#1f2328';
const MUTED = '#57606a';
const ACCENT = '#0b5cad';
const WARNING = '#9a3412';

/** A document and its fonts: every text drawn goes through `write`. */
interface Pen {
  doc: PDFKit.PDFDocument;
  fonts: ReportFonts;
}

/**
 * Draws text line by line (pdfkit loses a newline where the font changes), each line in runs of
 * the fonts that have its characters. A right-to-left run gets `features: []`, which makes pdfkit
 * lay out each line of it whole instead of word by word, so its words come out right to left.
 */
function write(pen: Pen, style: FontStyle, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  const lines = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/u);
  lines.forEach((line, l) => {
    const runs = pen.fonts.runs(line, style);
    if (runs.length === 0) runs.push({ font: pen.fonts.main(style), text: ' ', rightToLeft: false });
    const last = l === lines.length - 1;
    runs.forEach((run, i) => {
      const continued = i < runs.length - 1 || (last && options.continued === true);
      pen.doc.font(run.font).text(run.text, { ...options, continued, ...(run.rightToLeft ? { features: [] } : {}) });
    });
  });
}

/** "2025-11-20 10:30 UTC". */
function formatInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

const score = (value: number | null): string => (value === null ? 'not rated' : `${Math.round(value)} / 100`);
const orDash = (value: string | null | undefined): string => (value === null || value === undefined || value.trim() === '' ? '—' : value);

function heading(pen: Pen, text: string): void {
  pen.doc.moveDown(0.8).fontSize(13).fillColor(ACCENT);
  write(pen, 'bold', text);
  pen.doc.moveDown(0.3).fillColor(INK).fontSize(10.5);
}

function field(pen: Pen, label: string, value: string): void {
  pen.doc.fillColor(MUTED);
  write(pen, 'bold', `${label}: `, { continued: true });
  pen.doc.fillColor(INK);
  write(pen, 'regular', value);
}

function remark(pen: Pen, text: string): void {
  pen.doc.fillColor(MUTED);
  write(pen, 'oblique', text);
  pen.doc.fillColor(INK);
}

function bullets(pen: Pen, items: string[]): void {
  if (items.length === 0) return remark(pen, 'None noted.');
  for (const item of items) write(pen, 'regular', `•  ${item}`, { indent: 0, paragraphGap: 2 });
}

function testNotice(pen: Pen): void {
  const { doc } = pen;
  const text =
    'SYNTHETIC TEST ANALYSIS. This report belongs to a test interview: no candidate was interviewed or evaluated, and every score below is made up. Do not use it for a hiring decision.';
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font(pen.fonts.main('bold')).fontSize(10.5);
  const height = doc.heightOfString(text, { width: width - 20 }) + 16;
  const y = doc.y;
  doc.save().rect(x, y, width, height).fillAndStroke('#fff7ed', WARNING).restore();
  doc.fillColor(WARNING).text(text, x + 10, y + 8, { width: width - 20 });
  doc.x = x;
  doc.y = y + height;
  doc.fillColor(INK);
}

function specifics(pen: Pen, specific: Analysis['specific']): void {
  if (!specific) return;
  if ('targetLevel' in specific) {
    heading(pen, 'Language test');
    field(pen, 'Target level', specific.targetLevel);
    field(pen, 'Estimated level', specific.estimatedLevel ?? 'not determined');
    field(pen, 'Grammar', score(specific.scores.grammar));
    field(pen, 'Vocabulary', score(specific.scores.vocabulary));
    field(pen, 'Fluency', score(specific.scores.fluency));
    field(pen, 'Coherence', score(specific.scores.coherence));
    const { wordsPerMinute, lexicalDiversity, meanAnswerWords } = specific.measures;
    field(pen, 'Measured', `${wordsPerMinute ?? '-'} words per minute, lexical diversity ${lexicalDiversity ?? '-'}, ${meanAnswerWords ?? '-'} words per answer`);
  } else {
    heading(pen, 'Outreach');
    field(pen, 'Interest level', specific.interestLevel ?? 'not determined');
    field(pen, 'Availability', orDash(specific.availability));
    field(pen, 'Next step', orDash(specific.nextStep));
  }
}

function questions(pen: Pen, evaluation: Analysis['general']['evaluation']): void {
  heading(pen, 'Questions');
  if (evaluation.length === 0) return remark(pen, 'No question was evaluated.');
  evaluation.forEach((entry, i) => {
    pen.doc.fillColor(INK);
    write(pen, 'bold', `${i + 1}. ${entry.question}`, { paragraphGap: 2 });
    const verdict = entry.insufficientEvidence ? `${score(entry.score)} (insufficient evidence)` : score(entry.score);
    field(pen, 'Score', verdict);
    field(pen, 'Answer', orDash(entry.answerSummary));
    if (entry.reasoning.trim() !== '') field(pen, 'Reasoning', entry.reasoning);
    for (const { quote } of entry.evidence) field(pen, 'Evidence', `"${quote}"`);
    pen.doc.moveDown(0.5);
  });
}

function footers(pen: Pen, interviewId: string): void {
  const { doc } = pen;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    const text = `interviewd - interview ${interviewId} - page ${i + 1} of ${range.count}`;
    doc.font(pen.fonts.main('regular')).fontSize(8).fillColor(MUTED).text(text, doc.page.margins.left, doc.page.height - 36, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The analysis as a PDF report (§10 `analysis-pdf`), its fonts embedded (`report-fonts.ts`).
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

  const pen: Pen = { doc, fonts: new ReportFonts(doc, data.agentLanguage) };
  doc.font(pen.fonts.main('bold')).fontSize(20).fillColor(INK).text('Interview analysis report');
  doc.moveDown(0.6).fontSize(10.5);
  if (analysis.evaluator.kind === 'test' || data.isTest) testNotice(pen);

  heading(pen, 'Interview');
  field(pen, 'Candidate', data.candidateName ?? '(erased)');
  field(pen, 'Agent', `${data.agentName} (${data.agentFocus})`);
  field(pen, 'Job', orDash(data.jobTitle));
  field(pen, 'Interview date', formatInstant(data.interviewDate));
  if (data.durationMinutes !== null) field(pen, 'Duration', `${data.durationMinutes} min`);
  const evaluator = analysis.evaluator.kind === 'test' ? 'test (synthetic test analysis)' : analysis.evaluator.kind === 'rules' ? 'rules (counts only what it can measure)' : 'llm';
  const { model, promptVersion, notes } = analysis.evaluator;
  field(pen, 'Evaluator', [evaluator, model && `model ${model}`, promptVersion && `prompt ${promptVersion}`].filter(Boolean).join(', '));
  for (const note of notes) field(pen, 'Note', note);
  field(pen, 'Analysed', formatInstant(general.createdAt));

  heading(pen, 'Verdict');
  field(pen, 'Overall rating', score(general.overallRating));
  field(pen, 'Company fit', general.companyFitRating ?? 'not rated');

  heading(pen, 'Summary');
  write(pen, 'regular', orDash(general.summary));

  heading(pen, 'Strong points');
  bullets(pen, general.strongPoints);
  heading(pen, 'Weak points');
  bullets(pen, general.weakPoints);

  specifics(pen, analysis.specific);
  questions(pen, general.evaluation);

  footers(pen, data.interviewId);
  doc.end();
  return done;
}
