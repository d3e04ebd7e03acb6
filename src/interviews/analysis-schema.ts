import { z } from 'zod';
import { CefrLevel } from '../agents/schema.ts';
import { TimestampSchema } from '../http/common-schemas.ts';

const Score = z.number().min(0).max(100);

export const EvidenceSchema = z.object({
  turnId: z.uuid().describe("A candidate turn of this interview's transcript."),
  quote: z.string().describe('Verbatim (whitespace normalised) from that turn; checked by the server.'),
});

export const QuestionEvaluationSchema = z.object({
  question: z.string(),
  answerSummary: z.string(),
  score: Score.nullable(),
  reasoning: z.string(),
  evidenceTurnIds: z.array(z.uuid()).describe('The transcript turns this evaluation rests on: the distinct turns of `evidence` (extension).'),
  evidence: z.array(EvidenceSchema).describe('The quotes the score rests on, each verified against the transcript (extension).'),
  insufficientEvidence: z.boolean(),
});

export const LanguageMeasuresSchema = z
  .object({
    wordsPerMinute: z.number().nullable().describe("The candidate's words per minute of answering (turn times)."),
    lexicalDiversity: z.number().nullable().describe("Moving-average type-token ratio (window of 50 words) of the candidate's words, 0..1."),
    meanAnswerWords: z.number().nullable().describe('Mean words per candidate answer.'),
  })
  .describe('Computed from the transcript, not judged (extension).');

/** §10 "Analysis": who judged, the general verdict, and focus-specific findings. */
export const AnalysisSchema = z
  .object({
    general: z.object({
      overallRating: Score.nullable(),
      companyFitRating: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(),
      strongPoints: z.array(z.string()),
      weakPoints: z.array(z.string()),
      evaluation: z.array(QuestionEvaluationSchema),
      summary: z.string(),
      createdAt: TimestampSchema,
    }),
    specific: z
      .union([
        z.object({
          targetLevel: CefrLevel,
          estimatedLevel: CefrLevel.nullable(),
          scores: z.object({ grammar: Score.nullable(), vocabulary: Score.nullable(), fluency: Score.nullable(), coherence: Score.nullable() }),
          measures: LanguageMeasuresSchema,
        }),
        z.object({ interestLevel: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(), availability: z.string().nullable(), nextStep: z.string().nullable() }),
      ])
      .nullable(),
    evaluator: z.object({
      kind: z.enum(['llm', 'rules', 'test']),
      model: z.string().nullable(),
      promptVersion: z.string().nullable().describe("The evaluator's prompt version (kind llm), else null (extension)."),
      notes: z.array(z.string()).describe('What a reader should know about how it was produced, e.g. that the model failed during the interview (extension).'),
    }),
  })
  .meta({ id: 'Analysis' });

export type Analysis = z.infer<typeof AnalysisSchema>;
export type QuestionEvaluation = z.infer<typeof QuestionEvaluationSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type LanguageMeasures = z.infer<typeof LanguageMeasuresSchema>;

type StoredAnalysis = Omit<Analysis, 'general' | 'evaluator'> & {
  general: Omit<Analysis['general'], 'evaluation'> & { evaluation: Array<Omit<QuestionEvaluation, 'evidence'> & { evidence?: Evidence[] }> };
  evaluator: Omit<Analysis['evaluator'], 'promptVersion' | 'notes'> & { promptVersion?: string | null; notes?: string[] };
};

/**
 * An analysis as stored, in today's shape: those written before the extensions (evidence,
 * prompt version, notes, language measures) read with them empty, so they still serve.
 */
export function storedAnalysis(stored: StoredAnalysis): Analysis {
  const { general, specific, evaluator } = stored;
  return {
    general: { ...general, evaluation: general.evaluation.map((e) => ({ ...e, evidence: e.evidence ?? [] })) },
    specific: specific && 'targetLevel' in specific && !specific.measures ? { ...specific, measures: { wordsPerMinute: null, lexicalDiversity: null, meanAnswerWords: null } } : specific,
    evaluator: { ...evaluator, promptVersion: evaluator.promptVersion ?? null, notes: evaluator.notes ?? [] },
  };
}
