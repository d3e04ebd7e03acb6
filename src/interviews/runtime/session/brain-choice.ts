/**
 * Which interviewer speaks, decided once at boot from `LLM_*`: the model brain when a model is
 * configured, else the structured one. The startup log says which and why.
 */
import type { Config } from '../../../config/config.ts';
import type { Brain } from '../brains/brain.ts';
import { ModelBrain, type ModelFailure } from '../brains/model.ts';
import { startModelCalls } from '../brains/model-calls.ts';
import { structuredBrain, structuredIntentWording } from '../brains/structured.ts';

export interface BrainChoice {
  kind: 'model' | 'structured';
  /** The startup log's line. */
  description: string;
  /** The brain for one turn; `onModelFailure` hears when the model kept failing during it. */
  forTurn(onModelFailure: (failure: ModelFailure) => void): Brain;
  /** Shutdown: ends the model-call thread (none for the structured brain). */
  close(): Promise<void>;
}

export async function chooseBrain(config: Pick<Config, 'llm'>): Promise<BrainChoice> {
  const { llm } = config;
  if (!llm) {
    return { kind: 'structured', description: 'interviewer: structured (LLM_BASE_URL and LLM_MODEL not set)', forTurn: () => structuredBrain, close: async () => undefined };
  }
  const calls = await startModelCalls(llm);
  return {
    kind: 'model',
    description: `interviewer: model ${llm.model} at ${new URL(llm.baseUrl).host} (LLM_BASE_URL and LLM_MODEL set); the structured interviewer takes over if it keeps failing`,
    forTurn: (onModelFailure) =>
      new ModelBrain({ calls, model: llm.model, wording: structuredIntentWording, firstTokenTimeoutMs: llm.firstTokenTimeoutMs, maxRetries: llm.maxRetries, onModelFailure }),
    close: () => calls.close(),
  };
}
