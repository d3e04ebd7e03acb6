/**
 * The model-call thread against the OpenAI-compatible fake (real HTTP, the real `openai` package
 * in the thread). The brain's behaviour over it is model.test.ts's; here, what the thread itself
 * adds: what it passes on, failures as values, and a thread that stops.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiFake, reply, startOpenAiFake } from '../../../../test/fakes/openai-server.ts';
import { ModelCallError, type ModelCalls, type ModelPiece, startModelCalls } from './model-calls.ts';

const BODY = { model: 'fake-model', messages: [{ role: 'user' as const, content: 'Hello' }], stream: true as const };

async function collect(pieces: AsyncIterable<ModelPiece>): Promise<ModelPiece[]> {
  const all: ModelPiece[] = [];
  for await (const piece of pieces) all.push(piece);
  return all;
}

describe('the model-call thread', () => {
  let fake: OpenAiFake;
  let calls: ModelCalls;
  beforeEach(async () => {
    fake = await startOpenAiFake();
    calls = await startModelCalls({ baseUrl: fake.baseUrl, apiKey: 'sk-thread' });
  });
  afterEach(async () => {
    await calls.close();
    await fake.close();
  });

  it('passes on the text, thinking and finish reason of each chunk, and nothing for chunks without them', async () => {
    fake.script(reply.text('', { reasoning: ['Hmm.'], chunks: ['Tell me ', 'more.'] }));
    const pieces = await collect(calls.stream(BODY, new AbortController().signal));
    expect(pieces).toEqual([
      { text: '', thinking: true, finish: null },
      { text: 'Tell me ', thinking: false, finish: null },
      { text: 'more.', thinking: false, finish: null },
      { text: '', thinking: false, finish: 'stop' },
    ]);
    expect(fake.requests[0]?.body).toMatchObject({ model: 'fake-model', stream: true, messages: BODY.messages });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-thread');
  });

  it('throws an HTTP failure with its status, after nothing', async () => {
    fake.script(reply.fail(429, 'Slow down'));
    const error = await collect(calls.stream(BODY, new AbortController().signal)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ status: 429, message: expect.stringContaining('Slow down') });
  });

  it('throws a broken stream after the pieces that came before it, without a status', async () => {
    fake.script(reply.breakAfter(2, 'One two three four.'));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const piece of calls.stream(BODY, new AbortController().signal)) seen.push(piece.text);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['One ', 'two ']);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).status).toBeUndefined();
  });

  it('ends quietly when aborted and closes the call at the endpoint', async () => {
    fake.script(reply.stall('after-headers'));
    const controller = new AbortController();
    const pieces = collect(calls.stream(BODY, controller.signal));
    await fake.waitForRequests(1);
    controller.abort();
    expect(await pieces).toEqual([]);
    await expect.poll(() => fake.requests[0]?.closedByClient).toBe(true);
  });

  it('ends at once when aborted while the reader holds a piece, without waiting for the next', async () => {
    fake.script(reply.text('', { chunks: ['One ', 'two.'], chunkDelayMs: 5_000 }));
    const controller = new AbortController();
    const pieces = calls.stream(BODY, controller.signal)[Symbol.asyncIterator]();
    expect((await pieces.next()).value).toMatchObject({ text: 'One ' });
    controller.abort();
    expect(await pieces.next()).toEqual({ done: true, value: undefined });
    expect(fake.requests[0]?.sent).toEqual(['One ']); // ended before the model's next chunk
    await expect.poll(() => fake.requests[0]?.closedByClient).toBe(true);
  });

  it('fails the calls under way when the thread stops, and only those: a call started meanwhile runs on a new thread', async () => {
    fake.script(reply.stall('after-headers'), reply.text('Back again.'));
    const pending = collect(calls.stream(BODY, new AbortController().signal)).catch((e: unknown) => e);
    await fake.waitForRequests(1);
    const closing = calls.close();
    const next = collect(calls.stream(BODY, new AbortController().signal)); // before the old thread has exited
    await closing;
    expect(await pending).toBeInstanceOf(ModelCallError);
    expect((await next).map((p) => p.text).join('')).toBe('Back again.');
  });
});
