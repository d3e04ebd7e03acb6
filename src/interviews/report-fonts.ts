import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { rightToLeftFont, rightToLeftPieces, type RightToLeftScript } from './report-right-to-left.ts';

/*
 * The fonts the analysis PDF embeds, so that a report of an interview in any agent language shows
 * its words (the standard PDF fonts carry Latin-1 only). DejaVu Sans (Latin with every accent,
 * Greek, Cyrillic, Arabic, Hebrew) and Noto Sans Devanagari and Tamil come with the npm packages;
 * the Chinese, Japanese and Korean fonts are too large for that, so the Noto Sans CJK of the
 * operating system is used where installed (Debian/Ubuntu `fonts-noto-cjk`). A character no font
 * has prints as "?". Font files are read once, when a report first needs them.
 */

export type FontStyle = 'regular' | 'bold' | 'oblique';

interface FontSource {
  file: string;
  /** The font's PostScript name inside a collection (.ttc). */
  name?: string;
}

interface Face {
  /** The name the document registers the face under, per style. */
  key: string;
  sources: Record<FontStyle, FontSource>;
}

const moduleFile = createRequire(import.meta.url);
const packaged = (path: string): string => moduleFile.resolve(path);
const fontsource = (pkg: string, script: string, weight: number): string => packaged(`@fontsource/${pkg}/files/${pkg}-${script}-${weight}-normal.woff`);

function noto(pkg: string, script: string): Record<FontStyle, FontSource> {
  const regular = { file: fontsource(pkg, script, 400) };
  return { regular, bold: { file: fontsource(pkg, script, 700) }, oblique: regular };
}

/** Where Linux distributions install Noto Sans CJK (Debian/Ubuntu, Fedora, Arch, Alpine). */
const CJK_DIRECTORIES = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/google-noto-cjk', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/noto'];

/** Han characters differ by region: the agent's language picks the regional design. */
function cjkRegion(language: string | undefined): string {
  if (language === 'ZH') return 'sc';
  if (language === 'KO') return 'kr';
  return 'jp';
}

function cjkFace(language: string | undefined): Face | null {
  const directory = CJK_DIRECTORIES.find((dir) => existsSync(`${dir}/NotoSansCJK-Regular.ttc`));
  if (!directory) return null;
  const region = cjkRegion(language);
  const regular = { file: `${directory}/NotoSansCJK-Regular.ttc`, name: `NotoSansCJK${region}-Regular` };
  const boldFile = `${directory}/NotoSansCJK-Bold.ttc`;
  const bold = existsSync(boldFile) ? { file: boldFile, name: `NotoSansCJK${region}-Bold` } : regular;
  return { key: `cjk-${region}`, sources: { regular, bold, oblique: regular } };
}

let bundled: Face[] | undefined;

/** The faces a report draws with, in order of preference. */
function faces(language: string | undefined): Face[] {
  bundled ??= [
    {
      key: 'dejavu',
      sources: {
        regular: { file: packaged('dejavu-fonts-ttf/ttf/DejaVuSans.ttf') },
        bold: { file: packaged('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') },
        oblique: { file: packaged('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf') },
      },
    },
    { key: 'devanagari', sources: noto('noto-sans-devanagari', 'devanagari') },
    { key: 'tamil', sources: noto('noto-sans-tamil', 'tamil') },
  ];
  const cjk = cjkFace(language);
  return cjk ? [...bundled, cjk] : bundled;
}

const files = new Map<string, Buffer>();
/** Parsed once, to know which characters each font has; never drawn with (see `use`). */
const coverage = new Map<string, Font>();

function bytes(file: string): Buffer {
  let buffer = files.get(file);
  if (!buffer) files.set(file, (buffer = readFileSync(file)));
  return buffer;
}

function covering(source: FontSource): Font {
  const id = `${source.file}#${source.name ?? ''}`;
  let parsed = coverage.get(id);
  if (!parsed) coverage.set(id, (parsed = create(bytes(source.file), source.name)));
  return parsed;
}

/** A stretch of one line drawn with one registered font. */
export interface TextRun {
  font: string;
  text: string;
  /** Laid out right to left as a whole (pdfkit must not lay it out word by word). */
  rightToLeft: boolean;
}

/** Characters drawn with the character before them: marks (variation selectors too) and joiners. */
const WITH_PREVIOUS = /[\p{M}\u200c\u200d]/u;

/**
 * The fonts of one document: registers each face it uses with the document (once) and splits a
 * line into runs, each with the first face that has its characters.
 */
export class ReportFonts {
  private readonly faces: Face[];
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    language: string | undefined,
  ) {
    this.faces = faces(language);
  }

  private use(face: Face, style: FontStyle, script: RightToLeftScript | null): string {
    const key = `${face.key}-${style}${script ? `-${script}` : ''}`;
    if (!this.registered.has(key)) {
      // Parsed for this document alone: fontkit keeps each glyph it drew with the characters it was
      // first drawn for, which pdfkit writes as the glyph's text, and keeps them all (memory grows).
      const source = face.sources[style];
      const parsed = create(bytes(source.file), source.name);
      // pdfkit also takes a parsed fontkit font (its types omit it).
      this.doc.registerFont(key, (script ? rightToLeftFont(parsed, script) : parsed) as unknown as Buffer);
      this.registered.add(key);
    }
    return key;
  }

  private has(face: Face, style: FontStyle, ch: string): boolean {
    return covering(face.sources[style]).hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
  }

  /** The registered name of the main face in a style (for fixed English text). */
  main(style: FontStyle): string {
    return this.use(this.faces[0] as Face, style, null);
  }

  /**
   * One line (no line break) in runs of one font each; a right-to-left stretch in runs of its own
   * (`report-right-to-left.ts`). Spaces, marks and joiners the font has stay in the run of the
   * character before them, so a word is never split between fonts; a character no face has
   * becomes "?" (a space no face has, " "); control characters go (a tab becomes a space).
   */
  runs(line: string, style: FontStyle): TextRun[] {
    return rightToLeftPieces(drawable(line)).flatMap((piece) => this.fontRuns(piece.text, style, piece.script));
  }

  private fontRuns(text: string, style: FontStyle, script: RightToLeftScript | null): TextRun[] {
    const runs: TextRun[] = [];
    const main = this.faces[0] as Face;
    let face: Face | undefined;
    let current = '';
    const flush = () => {
      if (current === '') return;
      const font = this.use(face ?? main, style, script);
      // A right-to-left stretch is laid out whole; elsewhere a very long word is cut into pieces.
      for (const piece of script ? [current] : withLongWordsCut(current)) runs.push({ font, text: piece, rightToLeft: script !== null });
      current = '';
    };
    for (const character of text) {
      const space = /\s/u.test(character);
      if (face && (space || WITH_PREVIOUS.test(character)) && this.has(face, style, character)) {
        current += character;
        continue;
      }
      let ch = character;
      let found = this.faces.find((candidate) => this.has(candidate, style, ch));
      if (!found && space) [ch, found] = [' ', face ?? main]; // a space no font has (every face has " ")
      const next = found ?? this.faces.find((candidate) => this.has(candidate, style, '?')) ?? main;
      if (next !== face) {
        flush();
        face = next;
      }
      current += found ? ch : '?';
    }
    flush();
    return runs;
  }
}

/**
 * A word longer than this many characters is drawn in pieces of that length, between which a
 * line may break: pdfkit's cost of fitting one word into lines grows much faster than its
 * length. (A word this long does not fit on a line anyway.)
 */
const LONGEST_WORD = 80;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The text in pieces that make it up again, a long word cut between its characters (graphemes). */
function withLongWordsCut(text: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let word = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (/\s/u.test(segment)) word = 0;
    else if (++word > LONGEST_WORD) {
      pieces.push(piece);
      piece = '';
      word = 1;
    }
    piece += segment;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** The line without control characters (a tab becomes a space), composed (NFC). */
function drawable(line: string): string {
  let out = '';
  for (const ch of line.normalize('NFC')) {
    const codePoint = ch.codePointAt(0) ?? 0;
    if (ch === '\t') out += ' ';
    else if (!(codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0))) out += ch;
  }
  return out;
}
