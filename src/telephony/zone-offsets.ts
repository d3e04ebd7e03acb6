/**
 * UTC offsets of a time zone at an instant, and where they change, from `Intl` alone (no time
 * zone database of our own). A zone is an IANA name or a fixed offset in minutes.
 */
export type Zone = string | { offsetMinutes: number };

const SECOND = 1000;
const DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formats.set(zone, format);
  }
  return format;
}

/** The zone's offset from UTC at `at`, in milliseconds (east positive). */
export function offsetAt(zone: Zone, at: number): number {
  if (typeof zone !== 'string') return zone.offsetMinutes * 60_000;
  const name = offsetFormat(zone).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // "GMT" for UTC itself, else "GMT+05:30" / "GMT-03:00".
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -minutes : minutes) * 60_000;
}

/**
 * The first instant in (from, until] whose offset differs from the offset at `from`, or null.
 * Zones change their offset at most a few times a year, so probing a day at a time finds the
 * first change's day; a search narrows it to the second (changes fall on whole seconds).
 */
export function nextOffsetChange(zone: Zone, from: number, until: number): number | null {
  if (typeof zone !== 'string' || until <= from) return null;
  const base = offsetAt(zone, from);
  let low = from;
  let high = -1;
  for (let probe = Math.min(from + DAY, until); ; probe = Math.min(probe + DAY, until)) {
    if (offsetAt(zone, probe) !== base) {
      high = probe;
      break;
    }
    low = probe;
    if (probe >= until) return null;
  }
  // Invariant: offset(low) == base, offset(high) != base.
  while (high - low > SECOND) {
    const middle = low + Math.floor((high - low) / 2);
    if (offsetAt(zone, middle) === base) low = middle;
    else high = middle;
  }
  const whole = Math.ceil(low / SECOND) * SECOND;
  return whole > low && whole <= high && offsetAt(zone, whole) !== base ? whole : high;
}
