import { describe, expect, it } from 'vitest';
import { CandidateTurns, verifiedEvaluation, verifyCitations } from './evidence.ts';
import { screening, transcriptOf } from './evaluator.test-helpers.ts';

describe('evidence verification', () => {
  const { transcript } = screening();
  const turns = new CandidateTurns(transcript);
  const [question, answer, , followUpAnswer, , secondAnswer] = transcript as [(typeof transcript)[number], (typeof transcript)[number], unknown, (typeof transcript)[number], unknown, (typeof transcript)[number]];

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
        { turnId: answer.id, quote: 'by partitioning it' },
        { turnId: answer.id, quote: 'by partitioning   it' }, // the same quote twice counts once
      ],
      turns,
    );
    expect(result).toEqual({ evidence: [{ turnId: answer.id, quote: 'by partitioning it' }], dropped: 5 });
  });

  it('drops a quote too short to verify anything and one that starts or ends inside a word', () => {
    const result = verifyCitations(
      [
        { turnId: answer.id, quote: 'I' }, // in any English answer
        { turnId: secondAnswer.id, quote: 'e' },
        { turnId: answer.id, quote: 'billing queue' }, // two words
        { turnId: answer.id, quote: 'caled our billing' }, // starts inside "scaled"
        { turnId: answer.id, quote: '20,000 jobs per sec' }, // ends inside "second"
      ],
      turns,
    );
    expect(result).toEqual({ evidence: [], dropped: 5 });
    expect(verifyCitations([{ turnId: answer.id, quote: 'our billing queue' }, { turnId: answer.id, quote: 'from 200 to 20,000' }], turns).dropped).toBe(0);
  });

  it('takes a whole turn shorter than the minimum, and counts letters in scripts written without spaces', () => {
    const short = transcriptOf([
      ['candidate', 'Yes, definitely.', 2],
      ['candidate', '私はチームを率いていました', 5],
      ['candidate', 'ผมเคยเป็นหัวหน้าทีม', 5],
    ]);
    const [yes, ja, th] = short.map((t) => t.id) as [string, string, string];
    const verified = verifyCitations(
      [
        { turnId: yes, quote: 'Yes, definitely.' }, // the whole turn
        { turnId: yes, quote: 'definitely' }, // part of it, one word
        { turnId: ja, quote: '私は' }, // two characters
        { turnId: ja, quote: 'チームを率いて' }, // no spaces: no word boundary to check
        { turnId: th, quote: 'หัวหน้าทีม' },
      ],
      new CandidateTurns(short),
    );
    expect(verified.evidence.map((e) => e.quote)).toEqual(['Yes, definitely.', 'チームを率いて', 'หัวหน้าทีม']);
    expect(verified.dropped).toBe(2);
  });

  it('withholds a score left without verified evidence, and any score of an unanswered question', () => {
    const firstAnswers = [answer, followUpAnswer];
    const proposed = { question: 'Q', answerSummary: 'S', score: 90, reasoning: 'R', citations: [{ turnId: question.id, quote: 'Tell me about' }] };
    expect(verifiedEvaluation(proposed, turns, firstAnswers)).toEqual({ ...proposed, citations: undefined, score: null, evidence: [], evidenceTurnIds: [], insufficientEvidence: true, dropped: 1 });
    const good = { ...proposed, citations: [{ turnId: answer.id, quote: 'our billing queue' }, { turnId: answer.id, quote: 'by partitioning it' }, { turnId: followUpAnswer.id, quote: 'a global lock' }] };
    expect(verifiedEvaluation(good, turns, firstAnswers)).toMatchObject({ score: 90, insufficientEvidence: false, evidenceTurnIds: [answer.id, followUpAnswer.id], dropped: 0 });
    expect(verifiedEvaluation(good, turns, [])).toMatchObject({ score: null, insufficientEvidence: true, evidence: [], dropped: 3 });
    // Backed only by a one-letter "quote": withheld.
    expect(verifiedEvaluation({ ...proposed, citations: [{ turnId: answer.id, quote: 'I' }] }, turns, firstAnswers)).toMatchObject({ score: null, insufficientEvidence: true, dropped: 1 });
  });

  it("a question's score cannot rest on the answer to another question", () => {
    const proposed = { question: 'How do you review code?', answerSummary: 'S', score: 95, reasoning: 'R', citations: [{ turnId: answer.id, quote: 'I scaled our billing queue' }] };
    expect(verifiedEvaluation(proposed, turns, [secondAnswer])).toMatchObject({ score: null, insufficientEvidence: true, evidence: [], dropped: 1 });
    const own = { ...proposed, citations: [{ turnId: secondAnswer.id, quote: 'I read the tests first' }] };
    expect(verifiedEvaluation(own, turns, [secondAnswer])).toMatchObject({ score: 95, evidenceTurnIds: [secondAnswer.id], dropped: 0 });
  });
});
