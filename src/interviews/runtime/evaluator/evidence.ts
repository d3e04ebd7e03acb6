/**
 * Evidence is verified by code, never trusted: a citation counts only when its turn is a
 * candidate turn of this interview and its quote (trimmed, whitespace normalised, case kept)
 * occurs verbatim in that turn's text. Anything else is dropped, and a score left with no
 * verified citation is withheld (`score: null`, `insufficientEvidence: true`).
 */
import type { Evidence, QuestionEvaluation } from '../../analysis-schema.ts';
import type { TranscriptTurn } from '../brains/model-types.ts';

/** At most this many verified quotes are kept per question. */
export const MAX_EVIDENCE = 5;

/** Whitespace runs become one space, the ends are trimmed, and Unicode is composed (NFC); case is kept. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
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

  /** The verified form of a citation, or null when it does not hold. */
  verify(citation: Citation): Evidence | null {
    const text = this.texts.get(citation.turnId);
    const quote = normaliseText(citation.quote);
    if (text === undefined || quote === '' || !text.includes(quote)) return null;
    return { turnId: citation.turnId, quote };
  }
}

export interface VerifiedCitations {
  evidence: Evidence[];
  /** Citations that did not hold (unknown or agent turns, quotes not in the turn). */
  dropped: number;
}

export function verifyCitations(citations: Citation[], turns: CandidateTurns): VerifiedCitations {
  const evidence: Evidence[] = [];
  let dropped = 0;
  for (const citation of citations) {
    const verified = turns.verify(citation);
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
 * One question's evaluation as stored: only verified quotes, `evidenceTurnIds` their distinct
 * turns, and the score only when something verified backs it. A question that was not answered
 * has nothing to cite: no score, whatever was proposed.
 */
export function verifiedEvaluation(proposed: ProposedEvaluation, turns: CandidateTurns, answered: boolean): QuestionEvaluation & { dropped: number } {
  const { evidence, dropped } = answered ? verifyCitations(proposed.citations, turns) : { evidence: [], dropped: proposed.citations.length };
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
