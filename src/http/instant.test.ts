import { describe, expect, it } from 'vitest';
import { InstantSchema, parseInstant } from './common-schemas.ts';

describe('ISO 8601 instants (§1: any instant with an offset)', () => {
  it.each([
    ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00Z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00:00+02:00', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T10:00:00+0200', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T10:00:00-05', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T10:00:00.123456789Z', '2026-12-01T10:00:00.123Z'],
    ['2026-12-01T10:00:00,5Z', '2026-12-01T10:00:00.500Z'],
  ])('normalises %s to %s', (input, stored) => {
    expect(InstantSchema.parse(input)).toBe(stored);
  });

  it.each(['2026-12-01', '2026-12-01T10:00:00', '2026-02-30T10:00:00Z', '2026-12-01T25:00:00Z', 'yesterday', '', '2026-12-01T10:00:00+2'])(
    'refuses %j',
    (input) => {
      expect(parseInstant(input)).toBeNull();
      expect(InstantSchema.safeParse(input).success).toBe(false);
    },
  );
});
