/**
 * The fake speaks the protocol the official `openai` package expects: these tests drive it with
 * that package, so a fake that drifted from the real wire format fails here first.
 */
import OpenAI, { APIError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiFake, reply, startOpenAiFake } from './openai-server.ts';

describe('the OpenAI-compatible fake', () => {
  let fake: OpenAiFake;
  let client: OpenAI;
  beforeEach(async () => {
    fake = await startOpenAiFake();
    client = new OpenAI({ baseURL: fake.baseUrl, apiKey: 'sk-fake-key', maxRetries: 0 });
  });
  afterEach(async () => {
    await fake.close();
  });

  const messages = [{ role: 'user' as const, content: 'hello' }];

  it('streams chunks in order, then a finish reason, usage when asked, and [DONE]', async () => {
    fake.script(reply.text('', { chunks: ['One', ' two', ' three.'], chunkDelayMs: 5 }));
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true, stream_options: { include_usage: true } });
    const seen: Array<{ content: string | null | undefined; finish: string | null | undefined; object: string; usage: boolean }> = [];
    for await (const chunk of stream) {
      seen.push({ content: chunk.choices[0]?.delta.content, finish: chunk.choices[0]?.finish_reason, object: chunk.object, usage: chunk.usage != null });
    }
    expect(seen.map((c) => c.content)).toEqual(['', 'One', ' two', ' three.', undefined, undefined]);
    expect(seen.map((c) => c.finish)).toEqual([null, null, null, null, 'stop', undefined]);
    expect(seen.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(seen.at(-1)?.usage).toBe(true);
    expect(fake.requests[0]?.body).toMatchObject({ model: 'm', stream: true, messages });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-fake-key');
  });

  it('answers a json_schema request with the scripted JSON as the content, and usage', async () => {
    fake.script(reply.json({ ok: true }));
    const completion = await client.chat.completions.create({
      model: 'm',
      messages,
      response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false } } },
    });
    expect(completion.object).toBe('chat.completion');
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ ok: true });
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    expect(fake.requests[0]?.body.response_format?.json_schema?.strict).toBe(true);
  });

  it('serves the path the package calls for a base URL without /v1 too', async () => {
    const bare = new OpenAI({ baseURL: fake.baseUrl.replace(/\/v1$/, ''), apiKey: 'k', maxRetries: 0 });
    fake.script(reply.text('fine'));
    const completion = await bare.chat.completions.create({ model: 'm', messages });
    expect(completion.choices[0]?.message.content).toBe('fine');
    expect(fake.requests[0]?.path).toBe('/chat/completions');
  });

  it('fails with the status and an OpenAI error body the package understands', async () => {
    fake.script(reply.fail(429, 'slow down'), reply.fail(503));
    await expect(client.chat.completions.create({ model: 'm', messages })).rejects.toMatchObject({ status: 429, message: expect.stringContaining('slow down'), type: 'rate_limit_error' });
    const second = await client.chat.completions.create({ model: 'm', messages, stream: true }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(APIError);
    expect((second as APIError).status).toBe(503);
  });

  it('breaks a stream mid-way: the reader sees the chunks sent, then an error', async () => {
    fake.script(reply.breakAfter(2, 'one two three four'));
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    const got: string[] = [];
    const outcome = await (async () => {
      for await (const chunk of stream) got.push(chunk.choices[0]?.delta.content ?? '');
    })().then(
      () => 'ended',
      () => 'threw',
    );
    expect(outcome).toBe('threw');
    expect(got.join('')).toBe('one two ');
  });

  it('stalls until the client gives up, and records that it went away', async () => {
    fake.script(reply.stall('after-headers'));
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true }, { signal: controller.signal });
    const reading = (async () => {
      for await (const _ of stream) throw new Error('a stalled stream sent a chunk');
    })();
    controller.abort();
    await reading; // the package ends an aborted stream quietly
    await expect.poll(() => fake.requests[0]?.closedByClient).toBe(true);
  });

  it('takes scripted behaviours in order, then the default answer', async () => {
    fake.script(reply.text('first'), reply.refuse('no'));
    fake.respond = (request) => reply.text(`default ${request.n}`);
    const a = await client.chat.completions.create({ model: 'm', messages });
    const b = await client.chat.completions.create({ model: 'm', messages });
    const c = await client.chat.completions.create({ model: 'm', messages });
    expect([a.choices[0]?.message.content, b.choices[0]?.message.refusal, c.choices[0]?.message.content]).toEqual(['first', 'no', 'default 3']);
    expect((await fake.waitForRequests(3)).map((r) => r.behaviour.kind)).toEqual(['answer', 'refuse', 'answer']);
  });
});
