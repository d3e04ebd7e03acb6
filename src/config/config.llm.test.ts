import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');

describe('LLM configuration (§13)', () => {
  it('is on only when LLM_BASE_URL and LLM_MODEL are both set, with the timeout and retry defaults', () => {
    expect(load({}).llm).toBeNull();
    expect(load({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }).llm).toBeNull();
    expect(load({ LLM_MODEL: 'llama3' }).llm).toBeNull();
    expect(load({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3' }).llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined, model: 'llama3', firstTokenTimeoutMs: 10_000, maxRetries: 2,
    });
    expect(load({ LLM_BASE_URL: 'http://x/v1', LLM_MODEL: 'm', LLM_API_KEY: 'k', LLM_FIRST_TOKEN_TIMEOUT_MS: '2500', LLM_MAX_RETRIES: '0' }).llm).toMatchObject({ apiKey: 'k', firstTokenTimeoutMs: 2500, maxRetries: 0 });
  });

  it('refuses a bad timeout or retry count, naming the variable', () => {
    expect(() => load({ LLM_FIRST_TOKEN_TIMEOUT_MS: '0' })).toThrow(/LLM_FIRST_TOKEN_TIMEOUT_MS/);
    expect(() => load({ LLM_MAX_RETRIES: '-1' })).toThrow(/LLM_MAX_RETRIES/);
    expect(() => load({ LLM_MAX_RETRIES: 'many' })).toThrow(/LLM_MAX_RETRIES/);
  });
});
