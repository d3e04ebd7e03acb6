import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/*
 * The fonts the analysis PDF embeds, so that a report of an interview in any agent language shows
 * its words (the standard PDF fonts carry Latin-1 only). DejaVu Sans (Latin with every accent,
 * Greek, Cyrillic, Arabic, Hebrew) and Noto Sans Devanagari and Tamil come with the npm packages;
 * the Chinese, Japanese and Korean fonts are too large for that, so the Noto Sans CJK of the
 * operating system is used where installed (Debian/Ubuntu `fonts-noto-cjk`). A character no font
 * has prints as "?". Fonts are read once, when a report first needs them.
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
const fonts = new Map<string, Font>();

function bytes(file: string): Buffer {
  let buffer = files.get(file);
  if (!buffer) files.set(file, (buffer = readFileSync(file)));
  return buffer;
}

function font(source: FontSource): Font {
  const id = `${source.file}#${source.name ?? ''}`;
  let parsed = fonts.get(id);
  if (!parsed) fonts.set(id, (parsed = create(bytes(source.file), source.name)));
  return parsed;
}

/** A stretch of text drawn with one registered font. */
export interface TextRun {
  font: string;
  text: string;
}

/**
 * The fonts of one document: registers each face it uses with the document (once) and splits a
 * text into runs, each with the first face that has its characters.
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

  private use(face: Face, style: FontStyle): string {
    const key = `${face.key}-${style}`;
    if (!this.registered.has(key)) {
      // pdfkit also takes a parsed fontkit font (its types omit it): parsed once for every report,
      // not once per report (a CJK collection takes a good part of a second to parse).
      this.doc.registerFont(key, font(face.sources[style]) as unknown as Buffer);
      this.registered.add(key);
    }
    return key;
  }

  private faceFor(codePoint: number, style: FontStyle): Face | undefined {
    return this.faces.find((face) => font(face.sources[style]).hasGlyphForCodePoint(codePoint));
  }

  /** The registered name of the main face in a style (for fixed English text). */
  main(style: FontStyle): string {
    return this.use(this.faces[0] as Face, style);
  }

  /**
   * The text in runs of one font each, right-to-left text (`rightToLeft`) in runs of its own.
   * Spaces and combining marks stay in the run they follow, so a word is never split between
   * fonts; a character no face has becomes "?"; control characters go (tabs and carriage returns
   * become spaces).
   */
  runs(text: string, style: FontStyle): TextRun[] {
    return rightToLeft(drawable(text)).flatMap((piece) => this.fontRuns(piece, style));
  }

  private fontRuns(text: string, style: FontStyle): TextRun[] {
    const runs: TextRun[] = [];
    let face: Face | undefined;
    let current = '';
    const flush = () => {
      if (current !== '') runs.push({ font: this.use(face ?? (this.faces[0] as Face), style), text: current });
      current = '';
    };
    for (const ch of text) {
      if (face && (ch === ' ' || ch === '\n' || /\p{M}/u.test(ch))) {
        current += ch;
        continue;
      }
      const found = this.faceFor(ch.codePointAt(0) ?? 0, style);
      const next = found ?? face ?? this.faces[0];
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

/** The text without control characters (tabs and carriage returns become spaces), composed (NFC). */
function drawable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const codePoint = ch.codePointAt(0) ?? 0;
    if (ch === '\t' || ch === '\r') out += ' ';
    else if (ch === '\n' || !(codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0))) out += ch;
  }
  return out;
}

/** Letters and marks of the right-to-left scripts of the agent languages (Arabic; Hebrew). */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const isRtl = (ch: string): boolean => RTL.test(ch) && !/\p{N}/u.test(ch);

/*
 * pdfkit has no bidirectional layout: fontkit lays a run out right to left, all of it, when its
 * first letter is Arabic or Hebrew, and left to right otherwise. So the stretch from the first
 * right-to-left letter to the last becomes a run of its own (after "Evidence: " it is shaped and
 * read in order), and the numbers and Latin words inside it are reversed beforehand, so that the
 * run's reversal puts them back in their reading order ("2020", not "0202"). An English phrase of
 * several words inside Arabic text still shows its words in reverse order; a paragraph's lines
 * stay aligned to the left.
 */
function rightToLeft(text: string): string[] {
  const chars = [...text];
  const first = chars.findIndex(isRtl);
  if (first < 0) return [text];
  const last = chars.findLastIndex(isRtl);
  let island = '';
  let token = '';
  const flush = () => {
    island += /[\p{L}\p{N}]/u.test(token) ? [...token].reverse().join('') : token;
    token = '';
  };
  for (const ch of chars.slice(first, last + 1)) {
    if (isRtl(ch) || /\s/u.test(ch)) {
      flush();
      island += ch;
    } else token += ch;
  }
  flush();
  return [chars.slice(0, first).join(''), island, chars.slice(last + 1).join('')].filter((piece) => piece !== '');
}
