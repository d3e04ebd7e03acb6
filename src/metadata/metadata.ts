import { z } from 'zod';

/** Contract §4: a JSON object, ≤ 10,240 bytes serialised, ≤ 5 levels, ≤ 50 keys over all levels. */
export const METADATA_LIMITS = { bytes: 10_240, depth: 5, keys: 50 } as const;

export type Metadata = Record<string, unknown>;

/** Depths are measured exactly up to here; DEPTH_CAP itself means "at least". */
const DEPTH_CAP = METADATA_LIMITS.depth + 2;

function measure(value: unknown, level: number): { depth: number; keys: number } {
  // Past the limit the answer is already "too deep"; stop before a hostile body exhausts the stack.
  // A value at `level` lives in a container at level - 1, so that much depth is certain.
  if (level > DEPTH_CAP) return { depth: level - 1, keys: 0 };
  if (Array.isArray(value)) {
    return value.reduce<{ depth: number; keys: number }>(
      (acc, item) => {
        const m = measure(item, level + 1);
        return { depth: Math.max(acc.depth, m.depth), keys: acc.keys + m.keys };
      },
      { depth: level, keys: 0 },
    );
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.reduce<{ depth: number; keys: number }>(
      (acc, [, item]) => {
        const m = measure(item, level + 1);
        return { depth: Math.max(acc.depth, m.depth), keys: acc.keys + m.keys };
      },
      { depth: level, keys: entries.length },
    );
  }
  return { depth: level - 1, keys: 0 };
}

/** Issues for a metadata value already known to be an object (also used after a merge patch). */
export function metadataProblems(value: Metadata): string[] {
  const problems: string[] = [];
  const { depth, keys } = measure(value, 1);
  // Serialising a pathologically deep value would exhaust the stack; its depth already refuses it.
  const bytes = depth < DEPTH_CAP ? Buffer.byteLength(JSON.stringify(value), 'utf8') : 0;
  if (bytes > METADATA_LIMITS.bytes) problems.push(`metadata must be at most ${METADATA_LIMITS.bytes} bytes as JSON (got ${bytes})`);
  if (depth > METADATA_LIMITS.depth) {
    problems.push(`metadata must be nested at most ${METADATA_LIMITS.depth} levels deep (got ${depth}${depth >= DEPTH_CAP ? ' or more' : ''})`);
  }
  if (keys > METADATA_LIMITS.keys) problems.push(`metadata must have at most ${METADATA_LIMITS.keys} keys over all levels (got ${keys})`);
  return problems;
}

export const MetadataSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    for (const message of metadataProblems(value)) ctx.addIssue({ code: 'custom', message, params: { limit: 'metadata' } });
  })
  .meta({ id: 'Metadata', description: 'Free JSON object: at most 10,240 bytes, 5 levels and 50 keys over all levels.' });

/**
 * A metadata merge patch (RFC 7396). Every non-null value of a patch lands in the result at the same
 * place, so a patch nested deeper than §4 allows can only produce a refused result: refuse it before
 * merging (which also keeps a hostile patch from exhausting the stack).
 */
export const MetadataPatchSchema = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const { depth } = measure(value, 1);
  if (depth > METADATA_LIMITS.depth) {
    ctx.addIssue({ code: 'custom', message: `metadata must be nested at most ${METADATA_LIMITS.depth} levels deep (got ${depth}${depth >= DEPTH_CAP ? ' or more' : ''})`, params: { limit: 'metadata' } });
  }
});

/** RFC 7396 JSON Merge Patch: objects merge recursively, `null` removes a key. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}
