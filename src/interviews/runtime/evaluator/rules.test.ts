import { describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../../analysis-schema.ts';
import { inputOf, SCREENING_AGENT, screening, transcriptOf } from './evaluator.test-helpers.ts';
import { MODEL_FAILED_NOTE } from './input.ts';
import { RULES_REASONING, rulesAnalysis } from './rules.ts';

describe('the rules evaluator (no model)', () => {
  it('reports per question answered or not, words and time taken, and judges nothing', () => {
    const { input } = screening();
    const analysis = rulesAnalysis(input);
    expect(AnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis.general.evaluation.map((e) => e.answerSummary)).toEqual([
      // 15 + 7 words; from the end of the question (t=9 s) to the end of the follow-up's answer (t=57 s).
      'Answered in 2 turns: 22 words, 48 s.',
      'Answered in 1 turn: 8 words, 16 s.',
      'Not asked: the interview ended before this question.',
    ]);
    expect(analysis.general.evaluation.map((e) => e.question)).toEqual(SCREENING_AGENT.questions);
    for (const entry of analysis.general.evaluation) {
      expect(entry).toMatchObject({ score: null, insufficientEvidence: true, reasoning: RULES_REASONING, evidence: [], evidenceTurnIds: [] });
    }
    expect(analysis.general).toMatchObject({ overallRating: null, companyFitRating: null, strongPoints: [], weakPoints: [], createdAt: input.at });
    expect(analysis.general.summary).toMatch(/^2 of 3 questions answered, 30 words in all\. No model is configured/);
    expect(analysis.specific).toBeNull();
    expect(analysis.evaluator).toEqual({ kind: 'rules', model: null, promptVersion: null, notes: [] });
  });

  it('an asked question with only an empty answer is not answered', () => {
    const transcript = transcriptOf([['agent', 'Tell me about a system you scaled.', 3], ['candidate', '  ', 5], ['agent', 'Thank you.', 2]]);
    const analysis = rulesAnalysis(inputOf({ ...SCREENING_AGENT, questions: ['Tell me about a system you scaled.'] }, transcript, [0]));
    expect(analysis.general.evaluation[0]?.answerSummary).toBe('Not answered.');
    expect(analysis.general.summary).toMatch(/^0 of 1 question answered, 0 words/);
  });

  it('a language test gets its measures and no level or sub-score; an outreach no verdict; the model failure is noted', () => {
    const transcript = transcriptOf([['agent', 'Beschreiben Sie Ihren Arbeitstag.', 3], ['candidate', 'Ich arbeite gern im Team.', 6]]);
    const agent = { ...SCREENING_AGENT, focus: 'LANGUAGE_TEST' as const, language: 'DE' as const, cefrLevel: 'B2' as const, questions: ['Beschreiben Sie Ihren Arbeitstag.'] };
    const test = rulesAnalysis(inputOf(agent, transcript, [0], { modelFailedDuringInterview: true }));
    expect(test.specific).toEqual({ targetLevel: 'B2', estimatedLevel: null, scores: { grammar: null, vocabulary: null, fluency: null, coherence: null }, measures: { wordsPerMinute: 50, lexicalDiversity: 1, meanAnswerWords: 5 } });
    expect(test.evaluator.notes).toEqual([MODEL_FAILED_NOTE]);
    const outreach = rulesAnalysis(inputOf({ ...SCREENING_AGENT, focus: 'OUTREACH' }, transcript, [0]));
    expect(outreach.specific).toEqual({ interestLevel: null, availability: null, nextStep: null });
  });
});
