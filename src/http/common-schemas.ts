import { z } from 'zod';

/** A UUID in a path or body; compared in lower case, as generated. */
export const UuidSchema = z.uuid().transform((value) => value.toLowerCase());

export const IdParamsSchema = z.object({ id: UuidSchema });

/** Every company-scoped route takes it; the auth layer checks it before validation (§3.3). */
export const CompanyIdQuery = {
  companyId: z.string().optional().describe('ATS keys: the company to act for (required on company-scoped routes). Ignored for company keys.'),
};

export const TimestampSchema = z.string().describe('ISO 8601 UTC instant with milliseconds, e.g. 2025-11-20T10:30:00.000Z');

/** DELETE of agents, candidates, jobs and interviews answers the JSON body `true` (§1). */
export const DeletedSchema = z.literal(true);

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:[.,]\d{1,9})?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/** An ISO 8601 instant with an offset, in any of its forms, written the one way `Date` reads (the offset kept), or null. */
function normaliseInstant(value: string): string | null {
  const m = ISO_INSTANT.exec(value);
  if (!m) return null;
  const [, date, hm, sec = ':00', zone = 'Z'] = m;
  const seconds = sec.replace(',', '.').replace(/(\.\d{3})\d+$/, '$1');
  const offset = /^[zZ]$/.test(zone) ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const text = `${date}T${hm}${seconds}${offset}`;
  const parsed = new Date(text);
  // Reject overflowing fields (Date would roll 2025-02-30 over into March).
  if (Number.isNaN(parsed.getTime()) || !new Date(`${date}T00:00:00Z`).toISOString().startsWith(date as string)) return null;
  return text;
}

/** Parses an ISO 8601 instant with an offset, in any of its forms, or returns null. */
export function parseInstant(value: string): Date | null {
  const text = normaliseInstant(value);
  return text === null ? null : new Date(text);
}

/**
 * An instant in any ISO 8601 form with an offset (§1: "accept any ISO 8601 instant with an
 * offset"), normalised to the stored form: UTC with milliseconds and `Z`.
 */
export const InstantSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const parsed = parseInstant(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 instant with an offset, e.g. 2025-11-20T10:30:00Z' });
      return z.NEVER;
    }
    return parsed.toISOString();
  })
  .meta({ description: 'ISO 8601 instant with an offset (Z or ±hh:mm), e.g. 2025-11-20T10:30:00.000Z', format: 'date-time' });

/**
 * The same instants, but the offset the integrator wrote is kept (`2025-11-20T09:00:00+01:00`):
 * a phone call's `scheduledAt` says where the candidate is (issue 14). Read it with `new Date()`
 * and store `toISOString()`; never store it as given.
 */
export const InstantKeepingOffsetSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const text = normaliseInstant(value);
    if (text === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 instant with an offset, e.g. 2025-11-20T10:30:00Z' });
      return z.NEVER;
    }
    return text;
  })
  .meta({ description: 'ISO 8601 instant with an offset (Z or ±hh:mm), e.g. 2025-11-20T10:30:00.000Z', format: 'date-time' });
