import { describe, expect, it } from 'vitest';
import { CandidateTurns, verifiedEvaluation, verifyCitations } from './evidence.ts';
import { screening } from './evaluator.test-helpers.ts';

describe('evidence verification', () => {
  const { transcript } = screening();
  const turns = new CandidateTurns(transcript);
  const [question, answer, , followUpAnswer] = transcript as [(typeof transcript)[number], (typeof transcript)[number], unknown, (typeof transcript)[number]];

  it('keeps a verbatim quote of a candidate turn, whitespace normalised, case kept', () => {
    expect(verifyCitations([{ turnId: answer.id, quote: '  from 200 to 20,000 jobs ' }], turns)).toEqual({ evidence: [{ turnId: answer.id, quote: 'from 200 to 20,000 jobs' }], dropped: 0 });
    // The turn says "A single  consumer\nheld": a quote with one space per gap still matches.
    expect(verifyCitations([{ turnId: followUpAnswer.id, quote: 'single consumer held' }], turns).evidence).toHaveLength(1);
    expect(verifyCitations([{ turnId: answer.id, quote: 'I SCALED' }], turns)).toEqual({ evidence: [], dropped: 1 });
  });

  it('drops unknown turn ids, interviewer turns, quotes not in the cited turn, and empty quotes', () => {
    const result = verifyCitations(
      [
        { turnId: '00000000-0000-4000-8000-000000000000', quote: 'I scaled' },
        { turnId: question.id, quote: 'Tell me about a system you scaled.' },
        { turnId: followUpAnswer.id, quote: 'I scaled our billing queue' }, // true, but of another turn
        { turnId: answer.id, quote: 'I scaled our payment queue' }, // invented
        { turnId: answer.id, quote: '   ' },
        { turnId: answer.id, quote: 'partitioning it' },
        { turnId: answer.id, quote: 'partitioning   it' }, // the same quote twice counts once
      ],
      turns,
    );
    expect(result).toEqual({ evidence: [{ turnId: answer.id, quote: 'partitioning it' }], dropped: 5 });
  });

  it('withholds a score left without verified evidence, and any score of an unanswered question', () => {
    const proposed = { question: 'Q', answerSummary: 'S', score: 90, reasoning: 'R', citations: [{ turnId: question.id, quote: 'Tell me' }] };
    expect(verifiedEvaluation(proposed, turns, true)).toEqual({ ...proposed, citations: undefined, score: null, evidence: [], evidenceTurnIds: [], insufficientEvidence: true, dropped: 1 });
    const good = { ...proposed, citations: [{ turnId: answer.id, quote: 'billing queue' }, { turnId: answer.id, quote: 'by partitioning' }, { turnId: followUpAnswer.id, quote: 'global lock' }] };
    expect(verifiedEvaluation(good, turns, true)).toMatchObject({ score: 90, insufficientEvidence: false, evidenceTurnIds: [answer.id, followUpAnswer.id], dropped: 0 });
    expect(verifiedEvaluation(good, turns, false)).toMatchObject({ score: null, insufficientEvidence: true, evidence: [], dropped: 3 });
  });
});
