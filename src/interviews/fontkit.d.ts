// The subset of fontkit 2's API the report's fonts use (the package ships no types).
declare module 'fontkit' {
  interface Font {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** `script`: an OpenType script tag ("arab"); fontkit guesses it from the text when absent. */
    layout(text: string, features?: unknown, script?: string): unknown;
  }
  /** A font file's bytes; `postscriptName` picks one font of a collection (.ttc). */
  export function create(buffer: Buffer, postscriptName?: string): Font;
}
