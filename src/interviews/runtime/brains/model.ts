/**
 * The model interviewer: any OpenAI-compatible Chat Completions endpoint through the official
 * `openai` package, called on a thread of its own (`model-calls.ts`). The fixed parts of a turn
 * (greeting, consent notice, transitions, notices, closing) are said as the structured brain says
 * them, without a model call; only the worded parts (`question`, `followUp`) are the model's,
 * streamed token by token as they arrive.
 *
 * A call that yields no token within the first-token timeout (or stalls between tokens as long),
 * fails, breaks, or says nothing is tried again after a short back-off, at most `maxRetries`
 * times. When the model keeps failing, the structured wording finishes the turn — after whatever
 * was already streamed, which the candidate saw and which is kept — and `onModelFailure` tells
 * the session, which continues the interview on the structured brain (DESIGN13 "Brains").
 */
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Config } from '../../../config/config.ts';
import { ModelCallError, type ModelCalls } from './model-calls.ts';
import type { Brain, Intent, IntentWording, TurnRequest } from './model-types.ts';
import { interviewerMessages } from './prompts.ts';
import { spokenGap } from './structured.ts';

export interface ModelFailure {
  /** The intent the model failed to word (the structured wording said it instead). */
  intent: Intent;
  /** Calls made for it. */
  attempts: number;
  /** Why the last call failed, for the log (no candidate text). */
  reason: string;
  /** Whether part of the model's wording had already been streamed (and was kept). */
  partialOutput: boolean;
}

export interface ModelBrainOptions {
  /** The endpoint's streamed calls (`startModelCalls`). */
  calls: ModelCalls;
  model: string;
  /** The structured brain's wording of an intent: its fixed part, and the fallback of its worded part. */
  wording: IntentWording;
  firstTokenTimeoutMs: number;
  /** Further calls after a failed one (0: one call only). */
  maxRetries: number;
  /** The wait before retry k is k × this. */
  retryBackoffMs?: number;
  temperature?: number;
  /** Called once per turn in which the model failed; the rest of that turn is structured. */
  onModelFailure?: (failure: ModelFailure) => void;
}

/** The client for `LLM_*` (the evaluator's; the interviewer calls through `ModelCalls`): the package's own retries are off, the caller retries itself. */
export function createModelClient(llm: NonNullable<Config['llm']>): OpenAI {
  return new OpenAI({ baseURL: llm.baseUrl, apiKey: llm.apiKey ?? 'none', maxRetries: 0 });
}

/**
 * A turn is one to three short sentences; the cap keeps a rambling model from holding the
 * interview past its time (the session's timer waits for the turn). Reaching it is a failure:
 * the structured wording finishes the cut-off turn.
 */
export const TURN_MAX_TOKENS = 400;

type Attempt = { ok: true } | { ok: false; reason: string; retryable: boolean; partial: boolean };

// A request the endpoint refuses as such (bad key, unknown model, bad request) fails the same way
// again: no retry.
const FINAL_STATUSES = new Set([400, 401, 403, 404, 422]);

function describe(error: unknown): { reason: string; retryable: boolean } {
  if (error instanceof ModelCallError && error.status !== undefined) {
    return { reason: `HTTP ${error.status}: ${error.message}`, retryable: !FINAL_STATUSES.has(error.status) };
  }
  if (error instanceof ModelCallError) return { reason: `${error.errorName}: ${error.message}`, retryable: true };
  return { reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error), retryable: true };
}

export class ModelBrain implements Brain {
  readonly kind = 'model' as const;
  readonly model: string;

  constructor(private readonly options: ModelBrainOptions) {
    this.model = options.model;
  }

  async *speak(request: TurnRequest, signal: AbortSignal): AsyncGenerator<string> {
    const gap = spokenGap(request.agent.language);
    /** The end of what the turn has said so far (null: nothing yet), to know whether a gap must come first. */
    let tail: string | null = null;
    const lead = () => (tail === null || /\s$/.test(tail) ? '' : gap);
    const heard = (text: string) => void (tail = text);
    let failed = false;
    for (const intent of request.intents) {
      const { fixed, worded } = this.options.wording(intent, request);
      if (fixed !== '') {
        yield lead() + fixed;
        heard(fixed);
      }
      if (worded === null) continue;
      if (!failed) {
        const outcome: ModelFailure | null = yield* this.wordWithModel(request, intent, worded, lead(), heard, signal);
        if (outcome === null) continue;
        failed = true;
        this.options.onModelFailure?.(outcome);
      }
      if (worded === '') continue;
      yield lead() + worded;
      heard(worded);
    }
  }

  /** Streams the model's wording of one intent; null when it succeeded, else what failed. */
  private async *wordWithModel(request: TurnRequest, intent: Intent, worded: string, lead: string, heard: (text: string) => void, signal: AbortSignal): AsyncGenerator<string, ModelFailure | null> {
    const questionText = intent.type === 'followUp' ? (this.options.wording({ type: 'question', index: intent.index, transition: 'next' }, request).worded ?? worded) : worded;
    const messages = interviewerMessages({ agent: request.agent, companyName: request.companyName, intent, questionText }, request.transcript);
    const calls = 1 + this.options.maxRetries;
    let last: Attempt = { ok: false, reason: 'not called', retryable: true, partial: false };
    for (let attempt = 1; attempt <= calls; attempt++) {
      if (attempt > 1) {
        await sleep((this.options.retryBackoffMs ?? 250) * (attempt - 1), undefined, { signal }).catch(() => undefined);
        signal.throwIfAborted();
      }
      last = yield* this.call(messages, lead, heard, signal);
      if (last.ok) return null;
      if (last.partial || !last.retryable || attempt === calls) return { intent, attempts: attempt, reason: last.reason, partialOutput: last.partial };
    }
    return null; // unreachable: the last attempt returns
  }

  /** One streamed call; `lead` goes before its first token. Throws only when `signal` aborts (the turn is abandoned). */
  private async *call(messages: ChatCompletionMessageParam[], lead: string, heard: (text: string) => void, signal: AbortSignal): AsyncGenerator<string, Attempt> {
    const controller = new AbortController();
    const abandon = () => controller.abort(signal.reason);
    signal.addEventListener('abort', abandon, { once: true });
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.options.firstTokenTimeoutMs);
    };
    let yielded = false;
    /** The model's finish reason, once it said one. */
    let finished: string | null = null;
    let drained = false;
    const failure = (reason: string, retryable = true): Attempt => ({ ok: false, reason, retryable, partial: yielded });
    try {
      signal.throwIfAborted();
      arm();
      const stream = this.options.calls.stream(
        { model: this.model, messages, stream: true, temperature: this.options.temperature ?? 0.6, max_tokens: TURN_MAX_TOKENS },
        controller.signal,
      );
      // An aborted stream ends quietly: the flags say why it ended.
      for await (const piece of stream) {
        const text = yielded ? piece.text : piece.text.trimStart();
        if (text !== '') {
          clearTimeout(timer); // the consumer's pace is not the model's stall
          yield yielded ? text : lead + text;
          heard(text);
          yielded = true;
          arm();
        }
        // A reasoning model thinks aloud in its own field before it speaks: alive, not stalled.
        else if (piece.thinking) {
          clearTimeout(timer);
          arm();
        }
        if (piece.finish) finished = piece.finish;
      }
      drained = true;
      signal.throwIfAborted();
      if (finished === 'length') return failure(`the answer reached the ${TURN_MAX_TOKENS}-token limit of a turn`);
      if (finished && yielded) return { ok: true };
      if (timedOut) return failure(`no token within ${this.options.firstTokenTimeoutMs} ms`);
      return failure(finished ? 'the model said nothing' : 'the stream ended before the model finished');
    } catch (error) {
      signal.throwIfAborted();
      if (finished && finished !== 'length' && yielded) return { ok: true }; // only the end of the stream was lost
      if (timedOut) return failure(`no token within ${this.options.firstTokenTimeoutMs} ms`);
      const { reason, retryable } = describe(error);
      return failure(reason, retryable);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abandon);
      if (!drained) controller.abort(); // a consumer that stopped early closes the request too
    }
  }
}
