import { z } from 'zod';
import { CefrLevel } from '../agents/schema.ts';
import { TimestampSchema } from '../http/common-schemas.ts';

const Score = z.number().min(0).max(100);

export const QuestionEvaluationSchema = z.object({
  question: z.string(),
  answerSummary: z.string(),
  score: Score.nullable(),
  reasoning: z.string(),
  evidenceTurnIds: z.array(z.uuid()).describe('The transcript turns this evaluation rests on.'),
  insufficientEvidence: z.boolean(),
});

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
        }),
        z.object({ interestLevel: z.enum(['LOW', 'MEDIUM', 'HIGH']).nullable(), availability: z.string().nullable(), nextStep: z.string().nullable() }),
      ])
      .nullable(),
    evaluator: z.object({ kind: z.enum(['llm', 'rules', 'test']), model: z.string().nullable() }),
  })
  .meta({ id: 'Analysis' });

export type Analysis = z.infer<typeof AnalysisSchema>;
