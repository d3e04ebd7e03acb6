import { hash, randomInt } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const KEY_PATTERN = /^sk_(live|test)_[A-Za-z0-9]{32,}$/;

/** A new plaintext key: `sk_live_`/`sk_test_` + 40 base62 characters (≈238 bits). */
export function generateKey(test: boolean): string {
  let body = '';
  for (let i = 0; i < 40; i++) body += BASE62[randomInt(BASE62.length)];
  return `sk_${test ? 'test' : 'live'}_${body}`;
}

/**
 * Keys are long and random, so a fast hash is right: SHA-256 resists preimages and costs
 * microseconds on the request path (a slow KDF would only protect guessable secrets).
 */
export function hashKey(plaintext: string): string {
  return hash('sha256', plaintext, 'hex');
}

export function keyPrefix(plaintext: string): string {
  return plaintext.slice(0, 12);
}

export function isTestKey(plaintext: string): boolean {
  return plaintext.startsWith('sk_test_');
}
