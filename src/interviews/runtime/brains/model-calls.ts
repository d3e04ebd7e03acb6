/**
 * The interviewer's model calls, made on a thread of their own with the official `openai` package.
 *
 * Why a thread: a streamed call through `openai` (building the request, undici, parsing the
 * event stream into chunks) was a large part of an answer's work on the serving thread, and every
 * room's answers wait on that one thread. Here the serving thread sends the
 * request body and receives only the pieces the interviewer uses (text, a sign of thinking, the
 * finish reason); the other core does the HTTP. What the model is sent and what the brain gets
 * back are unchanged (bench/README.md, "Open rooms: the model call on its own thread").
 *
 * The thread starts with the server and is referenced only while calls are under way, so an idle
 * server's thread never keeps the process alive; a thread that dies fails its own calls (the
 * brain retries them) and the next call starts a new one.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { Config } from '../../../config/config.ts';

/** One streamed chunk as the interviewer reads it. */
export interface ModelPiece {
  /** The content the chunk adds ('' for none). */
  text: string;
  /** A reasoning model's thinking (`reasoning_content` / `reasoning`): alive, not yet speaking. */
  thinking: boolean;
  /** The finish reason, on the chunk that says one. */
  finish: string | null;
}

/** A call that failed; `status` when the endpoint answered with an HTTP error. */
export class ModelCallError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly errorName: string,
  ) {
    super(message);
    this.name = 'ModelCallError';
  }
}

export interface ModelCalls {
  /**
   * The pieces of one streamed Chat Completions call, as they arrive. Aborting `signal` ends the
   * iteration quietly (as the package's own streams do) and closes the call; a failed call throws
   * a `ModelCallError`, after the pieces that came before the failure.
   */
  stream(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): AsyncIterable<ModelPiece>;
  /** Ends the thread; calls under way fail. */
  close(): Promise<void>;
}

// Plain CommonJS evaluated in the thread: no TypeScript loader is needed there. Chunks with
// nothing the interviewer reads (the role-only first chunk, a usage chunk) are not passed on.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { OpenAI, APIError } = require(workerData.openai);
const client = new OpenAI({ baseURL: workerData.baseURL, apiKey: workerData.apiKey, maxRetries: 0 });
const calls = new Map();
parentPort.postMessage('ready');
parentPort.on('message', async (message) => {
  if (message.abort !== undefined) return void calls.get(message.abort)?.abort();
  const { id, body } = message;
  const controller = new AbortController();
  calls.set(id, controller);
  try {
    const stream = await client.chat.completions.create(body, { signal: controller.signal });
    for await (const chunk of stream) {
      const choice = chunk.choices && chunk.choices[0];
      const delta = choice && choice.delta;
      const text = (delta && typeof delta.content === 'string' && delta.content) || '';
      const thinking = !!delta && ('reasoning_content' in delta || 'reasoning' in delta);
      const finish = (choice && choice.finish_reason) || null;
      if (text !== '' || thinking || finish !== null) parentPort.postMessage({ id, piece: { text, thinking, finish } });
    }
    parentPort.postMessage({ id, end: true });
  } catch (error) {
    if (controller.signal.aborted) return;
    const status = error instanceof APIError && typeof error.status === 'number' ? error.status : undefined;
    parentPort.postMessage({ id, error: { message: String(error && error.message), status, name: String(error && error.name) } });
  } finally {
    calls.delete(id);
  }
});
`;

type ThreadMessage =
  | { id: number; piece: ModelPiece }
  | { id: number; end: true }
  | { id: number; error: { message: string; status: number | undefined; name: string } };

/** A call's pieces not yet read, and the reader waiting for the next. */
interface Call {
  queue: Array<ThreadMessage>;
  wake: (() => void) | null;
}

/** One thread and the calls it carries (a thread that dies fails only its own calls). */
interface Thread {
  worker: Worker;
  calls: Map<number, Call>;
  exited: boolean;
  ready: Promise<void>;
}

/**
 * The calls of one endpoint (`LLM_BASE_URL`, `LLM_API_KEY`) on one thread, once the thread is
 * ready: a call's first-token timeout should not count the thread's own start.
 */
export async function startModelCalls(llm: Pick<NonNullable<Config['llm']>, 'baseUrl' | 'apiKey'>): Promise<ModelCalls> {
  const workerData = { openai: createRequire(import.meta.url).resolve('openai'), baseURL: llm.baseUrl, apiKey: llm.apiKey ?? 'none' };
  let nextId = 1;
  let current: Thread | null = null;

  const fail = (thread: Thread, message: string) => {
    for (const call of thread.calls.values()) {
      call.queue.push({ id: 0, error: { message, status: undefined, name: 'Error' } });
      call.wake?.();
    }
  };

  const start = (): Thread => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    let markReady = () => undefined as void;
    const thread: Thread = { worker, calls: new Map(), exited: false, ready: new Promise<void>((resolve) => (markReady = resolve)) };
    // Referenced until ready (the process waits for its start), then only while calls are under way.
    // Listeners first: adding a 'message' listener references the worker again.
    worker.on('message', (message: ThreadMessage | 'ready') => {
      if (message === 'ready') {
        if (thread.calls.size === 0) worker.unref();
        return markReady();
      }
      const call = thread.calls.get(message.id);
      if (!call) return; // abandoned: its last pieces are dropped
      call.queue.push(message);
      call.wake?.();
    });
    worker.on('error', (error) => fail(thread, `the model-call thread failed: ${error.message}`));
    // A thread that fails to start is ready too: its calls fail, and the brain says why.
    worker.once('exit', () => {
      thread.exited = true;
      if (current === thread) current = null;
      fail(thread, 'the model-call thread stopped');
      markReady();
    });
    return thread;
  };

  async function* stream(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): AsyncGenerator<ModelPiece> {
    if (signal.aborted) return;
    const id = nextId++;
    const call: Call = { queue: [], wake: null };
    const thread = (current ??= start());
    thread.calls.set(id, call);
    thread.worker.ref();
    const onAbort = () => call.wake?.();
    signal.addEventListener('abort', onAbort, { once: true });
    let ended = false;
    try {
      thread.worker.postMessage({ id, body });
      for (;;) {
        // Checked before waiting too: an abort while the reader held a piece wakes nobody.
        if (signal.aborted) return;
        if (call.queue.length === 0) await new Promise<void>((resolve) => (call.wake = resolve));
        call.wake = null;
        if (signal.aborted) return;
        const message = call.queue.shift();
        if (!message) continue;
        if ('piece' in message) yield message.piece;
        else if ('error' in message) {
          ended = true;
          throw new ModelCallError(message.error.message, message.error.status, message.error.name);
        } else {
          ended = true;
          return;
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      thread.calls.delete(id);
      if (!thread.exited) {
        if (!ended) thread.worker.postMessage({ abort: id }); // aborted, or the reader stopped early
        if (thread.calls.size === 0) thread.worker.unref();
      }
    }
  }

  current = start(); // at once: its memory is the server's, not the first room's
  await current.ready;
  return {
    stream,
    close: async () => {
      const closing = current;
      current = null;
      if (closing) await closing.worker.terminate();
    },
  };
}
