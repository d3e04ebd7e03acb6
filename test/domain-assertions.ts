import { expect } from 'vitest';
import { type ApiResponse, envelopeError } from './harness.ts';

type ErrorBody = ReturnType<typeof envelopeError>;

/** Asserts status, the §2 envelope and its code; returns the error for further checks. */
export function expectError(response: ApiResponse, status: number, code: string): ErrorBody {
  const error = envelopeError(response);
  expect({ status: response.status, code: error.code }, response.text.slice(0, 500)).toEqual({ status, code });
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

/**
 * Asserts a 400 VALIDATION_ERROR in the §2 envelope whose `details.issues[].path` names every
 * given field (exact path match), each issue carrying a message and a code.
 */
export function expectValidation(response: ApiResponse, ...paths: string[]): ErrorBody {
  const error = expectError(response, 400, 'VALIDATION_ERROR');
  const issues = error.details.issues as { path: string; message: string; code: string }[];
  expect(Array.isArray(issues) && issues.length > 0).toBe(true);
  for (const issue of issues) {
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(typeof issue.code).toBe('string');
  }
  const found = issues.map((i) => i.path);
  for (const path of paths) expect(found, `issues: ${JSON.stringify(issues)}`).toContain(path);
  return error;
}

/** Asserts a 404 RESOURCE_NOT_FOUND in the §2 envelope. */
export function expectNotFound(response: ApiResponse, resourceId?: string): ErrorBody {
  const error = expectError(response, 404, 'RESOURCE_NOT_FOUND');
  if (resourceId) expect(error.details.resourceId).toBe(resourceId);
  return error;
}

/** A string of `n` characters that is exactly `n` after trimming. */
export function chars(n: number, c = 'a'): string {
  return c.repeat(n);
}

/** An object with `n` flat keys. */
export function flatKeys(n: number, prefix = 'k'): Record<string, number> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));
}

/** An object nested `levels` deep (the object itself is level 1), e.g. 2 → { l2: { leaf: 1 } }. */
export function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let level = levels; level > 1; level--) value = { [`l${level}`]: value };
  return value;
}

/** Metadata whose UTF-8 JSON serialisation is exactly `bytes` bytes (`{"p":"…"}`). */
export function metadataOfBytes(bytes: number, filler = 'x'): Record<string, string> {
  const overhead = Buffer.byteLength(JSON.stringify({ p: '' }), 'utf8');
  const unit = Buffer.byteLength(filler, 'utf8');
  const room = bytes - overhead;
  if (room % unit !== 0) throw new Error(`cannot reach ${bytes} bytes with "${filler}"`);
  const value = { p: filler.repeat(room / unit) };
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') !== bytes) throw new Error('size helper is wrong');
  return value;
}
