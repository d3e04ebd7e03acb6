import { en } from '../lines/en.ts';
/**
 * The model brain against the OpenAI-compatible fake: real HTTP on loopback, the real `openai`
 * package. The fake records every request, so the tests see exactly what the model was sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiFake, reply, startOpenAiFake } from '../../../../test/fakes/openai-server.ts';
import { ModelBrain, type ModelBrainOptions, type ModelFailure, TURN_MAX_TOKENS } from './model.ts';
import { type ModelCalls, startModelCalls } from './model-calls.ts';
import type { AgentForRuntime, Intent, IntentWording, TranscriptTurn, TurnRequest } from './model-types.ts';
import { CONVERSATION_OPENING } from './prompts.ts';

const AGENT: AgentForRuntime = {
  name: 'Backend screener',
  focus: 'SCREENING',
  language: 'DE',
  questions: ['Erzählen Sie von einem System, das Sie skaliert haben.', 'Wie prüfen Sie Code?'],
  instructions: 'Be warm. Mention the on-call rotation only if asked.',
  voiceId: 'ALEX',
  cefrLevel: null,
  duration: 20,
};

/** A stand-in for the structured brain's wording (the real one lives in structured.ts). */
const wording: IntentWording = (intent, request) => {
  switch (intent.type) {
    case 'greeting':
      return { fixed: `Hallo ${request.candidateName}.`, worded: null };
    case 'consent':
      return { fixed: `Dieses Interview führt eine KI; ${request.companyName} erhält das Transkript.`, worded: null };
    case 'question':
      return { fixed: intent.transition === 'first' ? 'Fangen wir an.' : 'Danke. Nächste Frage.', worded: request.agent.questions[intent.index] ?? 'Erzählen Sie von sich.' };
    case 'followUp':
      return { fixed: '', worded: 'Können Sie das genauer erklären?' };
    case 'reprompt':
      return { fixed: 'Bitte noch einmal.', worded: request.agent.questions[intent.index] ?? '' };
    case 'closing':
      return { fixed: 'Vielen Dank, auf Wiedersehen.', worded: null };
    default:
      return { fixed: `[${intent.type}]`, worded: null };
  }
};

let turnClock = Date.parse('2030-01-01T10:00:00.000Z');
const turn = (role: TranscriptTurn['role'], text: string): TranscriptTurn => {
  const startedAt = new Date((turnClock += 1000)).toISOString();
  return { id: crypto.randomUUID(), role, text, startedAt, endedAt: new Date((turnClock += 5000)).toISOString() };
};

const request = (intents: Intent[], transcript: TranscriptTurn[] = []): TurnRequest => ({
  intents,
  agent: AGENT,
  companyName: 'Acme',
  candidateName: 'Grace',
  transcript,
  lines: en,
});

const OPENING: Intent[] = [{ type: 'greeting' }, { type: 'consent' }, { type: 'question', index: 0, transition: 'first' }];
const PREFIX = 'Hallo Grace. Dieses Interview führt eine KI; Acme erhält das Transkript. Fangen wir an.';

describe('the model brain', () => {
  let fake: OpenAiFake;
  let failures: ModelFailure[];
  let calls: ModelCalls;
  beforeEach(async () => {
    fake = await startOpenAiFake();
    calls = await startModelCalls({ baseUrl: fake.baseUrl, apiKey: 'sk-interviewer' });
    failures = [];
  });
  afterEach(async () => {
    await calls.close();
    await fake.close();
  });

  const brain = (options: Partial<ModelBrainOptions> = {}) =>
    new ModelBrain({
      calls,
      model: 'fake-model',
      wording,
      firstTokenTimeoutMs: 10_000,
      maxRetries: 2,
      retryBackoffMs: 10,
      onModelFailure: (failure) => failures.push(failure),
      ...options,
    });

  const collect = async (chunks: AsyncIterable<string>) => {
    const out: string[] = [];
    for await (const chunk of chunks) out.push(chunk);
    return out;
  };

  it('says the fixed prefix before calling the model, then streams its tokens in order as they arrive', async () => {
    fake.script(reply.text('', { chunks: ['Erzählen Sie ', 'mir von ', 'einem System, ', 'das Sie skaliert haben.'], chunkDelayMs: 10 }));
    const iterator = brain().speak(request(OPENING), new AbortController().signal)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toBe('Hallo Grace.');
    expect(fake.requests).toHaveLength(0); // no model call for the fixed lines
    const rest: string[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value);
    expect(rest).toEqual([' Dieses Interview führt eine KI; Acme erhält das Transkript.', ' Fangen wir an.', ' Erzählen Sie ', 'mir von ', 'einem System, ', 'das Sie skaliert haben.']);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body).toMatchObject({ model: 'fake-model', stream: true });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-interviewer');
    expect(failures).toEqual([]);
  });

  it('yields a token while the model is still producing the next ones', async () => {
    fake.script(reply.text('', { chunks: ['Erste ', 'Zweite ', 'Dritte.'], chunkDelayMs: 5_000 }));
    const iterator = brain().speak(request([{ type: 'followUp', index: 0, n: 1 }]), new AbortController().signal)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe('Erste ');
    expect(fake.requests[0]?.sent).toEqual(['Erste ']); // the rest is not even sent yet
    await iterator.return?.(undefined);
    await expect.poll(() => fake.requests[0]?.closedByClient).toBe(true); // stopping early closes the call
  });

  it('tells the model who it is, the language, focus, instructions and what to ask, with the transcript as data', async () => {
    fake.script(reply.text('Wie prüfen Sie Code?'));
    const transcript = [turn('agent', `${PREFIX} ${AGENT.questions[0]}`), turn('candidate', 'Ich habe eine Queue skaliert.'), turn('agent', 'Danke.'), turn('agent', 'Noch etwas?'), turn('candidate', 'Nein.')];
    await collect(brain().speak(request([{ type: 'question', index: 1, transition: 'last' }], transcript), new AbortController().signal));
    const messages = fake.requests[0]?.body.messages ?? [];
    // Our opening line first: templates that want a user message before the assistant's get one.
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(messages[1]?.content).toBe(CONVERSATION_OPENING);
    const system = String(messages[0]?.content);
    for (const needle of ['Alex', 'AI interviewer', 'Acme', 'German', 'job interview', 'Be warm. Mention the on-call rotation only if asked.', 'question 2', 'Wie prüfen Sie Code?', '<candidate_answer>', 'never instructions', 'plain text, no markup']) {
      expect(system, needle).toContain(needle);
    }
    expect(messages[2]?.content).toBe(transcript[0]?.text);
    expect(messages[3]?.content).toBe('<candidate_answer>Ich habe eine Queue skaliert.</candidate_answer>');
    expect(messages[4]?.content).toBe('Danke.\n\nNoch etwas?'); // one side's turns merged: roles alternate
  });

  it('words a follow-up about the question it follows, and a language test at the agent level', async () => {
    fake.script(reply.text('Welche Queue?'), reply.text('Gut.'));
    const b = brain();
    await collect(b.speak(request([{ type: 'followUp', index: 0, n: 1 }]), new AbortController().signal));
    const followUp = String(fake.requests[0]?.body.messages?.[0]?.content);
    expect(followUp).toContain('follow-up');
    expect(followUp).toContain(`question 1 ("${AGENT.questions[0]}")`);
    const test = { ...request([{ type: 'question', index: 0, transition: 'first' }]), agent: { ...AGENT, focus: 'LANGUAGE_TEST' as const, cefrLevel: 'B2' as const } };
    await collect(b.speak(test, new AbortController().signal));
    expect(String(fake.requests[1]?.body.messages?.[0]?.content)).toMatch(/German language test at CEFR level B2/);
  });

  it('abandons a call with no first token after the timeout, retries, and speaks the answer of the retry', async () => {
    fake.script(reply.stall('after-headers'), reply.text('Erzählen Sie von Ihrem größten System.'));
    const out = await collect(brain({ firstTokenTimeoutMs: 1_000 }).speak(request(OPENING), new AbortController().signal));
    expect(out.join('')).toBe(`${PREFIX} Erzählen Sie von Ihrem größten System.`);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]?.closedByClient).toBe(true);
    expect(failures).toEqual([]);
  });

  it('streams a slow answer whole when each token comes within the timeout', async () => {
    fake.script(reply.text('Eins zwei drei vier.', { chunkDelayMs: 50 }));
    const out = await collect(brain({ firstTokenTimeoutMs: 5_000 }).speak(request([{ type: 'followUp', index: 0, n: 1 }]), new AbortController().signal));
    expect(out).toEqual(['Eins ', 'zwei ', 'drei ', 'vier.']);
    expect(failures).toEqual([]);
  });

  it('when the model keeps failing, the structured wording completes the turn and the failure is reported', async () => {
    fake.script(reply.stall('before-headers'), reply.fail(500), reply.fail(429), reply.text('never reached'));
    const out = await collect(brain({ firstTokenTimeoutMs: 1_000 }).speak(request([...OPENING, { type: 'followUp', index: 0, n: 1 }]), new AbortController().signal));
    // The question falls back to its text as written, and the follow-up of the same turn too.
    expect(out.join('')).toBe(`${PREFIX} ${AGENT.questions[0]} Können Sie das genauer erklären?`);
    expect(fake.requests).toHaveLength(3); // one call and two retries, no call for the follow-up
    expect(failures).toEqual([{ intent: OPENING[2], attempts: 3, reason: expect.stringContaining('HTTP 429'), partialOutput: false }]);
  });

  it('does not retry what fails the same way again (a rejected key)', async () => {
    fake.script(reply.fail(401, 'Incorrect API key provided'), reply.text('never reached'));
    const out = await collect(brain().speak(request([{ type: 'question', index: 1, transition: 'next' }]), new AbortController().signal));
    expect(out.join('')).toBe(`Danke. Nächste Frage. ${AGENT.questions[1]}`);
    expect(fake.requests).toHaveLength(1);
    expect(failures).toMatchObject([{ attempts: 1, reason: expect.stringContaining('HTTP 401') }]);
  });

  it('keeps what a stream broken mid-way already said and completes the turn with the structured wording', async () => {
    fake.script(reply.breakAfter(2, 'Erzählen Sie mir bitte von Ihrem System.'), reply.text('never reached'));
    const out = await collect(brain().speak(request(OPENING), new AbortController().signal));
    // The space streamed after the broken-off words stands between them and the question.
    expect(out.slice(-3)).toEqual([' Erzählen ', 'Sie ', AGENT.questions[0]]);
    expect(fake.requests).toHaveLength(1); // retrying would repeat what the candidate already saw
    expect(failures).toMatchObject([{ attempts: 1, partialOutput: true }]);
  });

  it('caps a turn; a turn cut at the cap is a failure the structured wording finishes', async () => {
    fake.script(reply.text('Erzählen Sie mir', { finishReason: 'length' }), reply.text('never reached'));
    const out = await collect(brain().speak(request(OPENING), new AbortController().signal));
    expect(fake.requests[0]?.body.max_tokens).toBe(TURN_MAX_TOKENS);
    expect(out.join('')).toBe(`${PREFIX} Erzählen Sie mir ${AGENT.questions[0]}`);
    expect(fake.requests).toHaveLength(1);
    expect(failures).toMatchObject([{ attempts: 1, partialOutput: true, reason: expect.stringContaining('token limit') }]);
  });

  it('puts no space between sentences in Japanese, whether the model or the fallback speaks', async () => {
    const ja = (intents: Intent[]) => ({ ...request(intents), agent: { ...AGENT, language: 'JA' as const } });
    const prefix = 'Hallo Grace.Dieses Interview führt eine KI; Acme erhält das Transkript.Fangen wir an.';
    fake.script(reply.text('東京の話をしてください。'), reply.fail(401));
    expect((await collect(brain().speak(ja(OPENING), new AbortController().signal))).join('')).toBe(`${prefix}東京の話をしてください。`);
    expect((await collect(brain().speak(ja(OPENING), new AbortController().signal))).join('')).toBe(`${prefix}${AGENT.questions[0]}`);
  });

  it('asks a question again by its number after a re-prompt, and names the language variant of the lines', async () => {
    fake.script(reply.text('Noch einmal: wie prüfen Sie Code?'), reply.text('好。'));
    await collect(brain().speak(request([{ type: 'reprompt', index: 1 }]), new AbortController().signal));
    expect(String(fake.requests[0]?.body.messages?.[0]?.content)).toContain(`question 2: "${AGENT.questions[1]}"`);
    await collect(brain().speak({ ...request([{ type: 'followUp', index: 0, n: 1 }]), agent: { ...AGENT, language: 'ZH' } }, new AbortController().signal));
    expect(String(fake.requests[1]?.body.messages?.[0]?.content)).toContain('Speak Chinese (Mandarin, Simplified) only.');
  });

  it('waits for a reasoning model that thinks longer than the timeout before it speaks, as long as it streams its thinking', async () => {
    fake.script(reply.text('Wie prüfen Sie Code?', { reasoning: ['Let me', ' think', ' about it.'], chunks: ['Wie prüfen Sie Code?'], chunkDelayMs: 600 }));
    const out = await collect(brain({ firstTokenTimeoutMs: 1_000 }).speak(request([{ type: 'followUp', index: 0, n: 1 }]), new AbortController().signal));
    expect(out).toEqual(['Wie prüfen Sie Code?']);
    expect(fake.requests).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  it('treats an empty answer as a failure', async () => {
    fake.script(reply.text('   '), reply.text('Zweiter Versuch.'));
    const out = await collect(brain().speak(request([{ type: 'followUp', index: 0, n: 2 }]), new AbortController().signal));
    expect(out).toEqual(['Zweiter ', 'Versuch.']);
    expect(fake.requests).toHaveLength(2);
  });

  it('stops when the turn is abandoned, closing the call and reporting no model failure', async () => {
    fake.script(reply.stall('after-headers'));
    const controller = new AbortController();
    const speaking = collect(brain().speak(request(OPENING), controller.signal));
    await fake.waitForRequests(1);
    controller.abort(new Error('the candidate left'));
    await expect(speaking).rejects.toThrow('the candidate left');
    await expect.poll(() => fake.requests[0]?.closedByClient).toBe(true);
    expect(failures).toEqual([]);
  });
});
