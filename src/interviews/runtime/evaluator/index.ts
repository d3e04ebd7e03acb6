/**
 * The analysis of a finished interview: by the model when one is configured (structured outputs,
 * evidence verified by code), else by the rules (facts only, nothing judged).
 */
import type OpenAI from 'openai';
import type { Config } from '../../../config/config.ts';
import type { Analysis } from '../../analysis-schema.ts';
import type { EvaluationInput } from './input.ts';
import { modelAnalysis, type ModelEvaluatorOptions } from './model.ts';
import { rulesAnalysis } from './rules.ts';

export type { AskedQuestion, EvaluationInput } from './input.ts';
export { EvaluationFailed, type ModelEvaluatorOptions } from './model.ts';
export { EVALUATOR_PROMPT_VERSION } from './prompt.ts';

/** The model evaluator's options for `LLM_*` (null: no model, rules only). */
export function modelEvaluatorOptions(llm: Config['llm'], client: OpenAI): ModelEvaluatorOptions | null {
  return llm ? { client, model: llm.model, maxAttempts: 1 + llm.maxRetries } : null;
}

/** Throws EvaluationFailed when the model gives no usable answer (the caller's `analysis.failed`). */
export async function analyseInterview(input: EvaluationInput, model: ModelEvaluatorOptions | null, signal?: AbortSignal): Promise<Analysis> {
  return model ? modelAnalysis(input, model, signal) : rulesAnalysis(input);
}
