/**
 * Evidence is verified by code, never trusted: a citation counts only when its turn is a
 * candidate turn of this interview that answered the question it is cited for, and its quote
 * (trimmed, whitespace normalised, case kept) is meaningful (`meaningfulQuote`) and occurs
 * verbatim in that turn's text, on word boundaries where the script has them. Anything else is
 * dropped, and a score left with no verified citation is withheld (`score: null`,
 * `insufficientEvidence: true`).
 */
import type { Evidence, QuestionEvaluation } from '../../analysis-schema.ts';
import type { TranscriptTurn } from '../brains/model-types.ts';

/** At most this many verified quotes are kept per question. */
export const MAX_EVIDENCE = 5;

/** Whitespace runs become one space, the ends are trimmed, and Unicode is composed (NFC); case is kept. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A quote of a script written with spaces holds at least this many words (unless it is the whole turn). */
export const MIN_QUOTE_WORDS = 3;
/** A quote in a script written without spaces between words (Chinese, Japanese, Thai…) holds at least this many letters or digits (unless it is the whole turn). */
export const MIN_QUOTE_CHARS = 5;

// Scripts that write no spaces between words: their words are not told apart by spaces.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Whether a quote says enough to verify anything: the whole turn, or at least `MIN_QUOTE_WORDS`
 * words (`MIN_QUOTE_CHARS` letters or digits in an unspaced script). "I" or "e" occurs in any
 * answer and proves nothing.
 */
export function meaningfulQuote(quote: string, turnText: string): boolean {
  if (quote === turnText) return quote !== '';
  if (UNSPACED.test(quote)) return (quote.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_QUOTE_CHARS;
  let count = 0;
  for (const segment of words.segment(quote)) if (segment.isWordLike && ++count >= MIN_QUOTE_WORDS) return true;
  return false;
}

/** A quote may not start or end inside a word ("scale" is not in "scaled"), except between characters of an unspaced script. */
function boundary(text: string, at: number): boolean {
  const before = [...text.slice(Math.max(0, at - 2), at)].pop() ?? '';
  const after = [...text.slice(at, at + 2)][0] ?? '';
  if (!WORD_CHAR.test(before) || !WORD_CHAR.test(after)) return true;
  return UNSPACED.test(before) || UNSPACED.test(after);
}

function occursOnBoundaries(text: string, quote: string): boolean {
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) if (boundary(text, at) && boundary(text, at + quote.length)) return true;
  return false;
}

export interface Citation {
  turnId: string;
  quote: string;
}

/** The candidate turns of one interview, ready to check quotes against. */
export class CandidateTurns {
  private readonly texts = new Map<string, string>();

  constructor(transcript: TranscriptTurn[]) {
    for (const turn of transcript) if (turn.role === 'candidate') this.texts.set(turn.id, normaliseText(turn.text));
  }

  /** The verified form of a citation, or null when it does not hold (or cites a turn outside `within`, when given). */
  verify(citation: Citation, within?: ReadonlySet<string>): Evidence | null {
    if (within && !within.has(citation.turnId)) return null;
    const text = this.texts.get(citation.turnId);
    const quote = normaliseText(citation.quote);
    if (text === undefined || !meaningfulQuote(quote, text) || !occursOnBoundaries(text, quote)) return null;
    return { turnId: citation.turnId, quote };
  }
}

export interface VerifiedCitations {
  evidence: Evidence[];
  /** Citations that did not hold (unknown or agent turns, turns that answered another question, quotes too short or not in the turn). */
  dropped: number;
}

/** `within`: the turns that may be cited (the answers to the question); any candidate turn without it. */
export function verifyCitations(citations: Citation[], turns: CandidateTurns, within?: ReadonlySet<string>): VerifiedCitations {
  const evidence: Evidence[] = [];
  let dropped = 0;
  for (const citation of citations) {
    const verified = turns.verify(citation, within);
    if (verified === null) dropped++;
    else if (!evidence.some((e) => e.turnId === verified.turnId && e.quote === verified.quote) && evidence.length < MAX_EVIDENCE) evidence.push(verified);
  }
  return { evidence, dropped };
}

export interface ProposedEvaluation {
  question: string;
  answerSummary: string;
  score: number | null;
  reasoning: string;
  citations: Citation[];
}

/**
 * One question's evaluation as stored: only verified quotes of the turns that answered it
 * (`answers`), `evidenceTurnIds` their distinct turns, and the score only when something verified
 * backs it. A question that was not answered has nothing to cite: no score, whatever was proposed.
 */
export function verifiedEvaluation(proposed: ProposedEvaluation, turns: CandidateTurns, answers: readonly { id: string }[]): QuestionEvaluation & { dropped: number } {
  const within = new Set(answers.map((turn) => turn.id));
  const { evidence, dropped } = within.size > 0 ? verifyCitations(proposed.citations, turns, within) : { evidence: [], dropped: proposed.citations.length };
  const score = evidence.length > 0 ? proposed.score : null;
  return {
    question: proposed.question,
    answerSummary: proposed.answerSummary,
    score,
    reasoning: proposed.reasoning,
    evidenceTurnIds: [...new Set(evidence.map((e) => e.turnId))],
    evidence,
    insufficientEvidence: score === null,
    dropped,
  };
}
