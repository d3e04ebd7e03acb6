import { nextOffsetChange, offsetAt, type Zone } from './zone-offsets.ts';

/**
 * When candidates may be called, in their local time (`CALL_WINDOW`, contract §13): from
 * `startMinute` (inclusive) to `endMinute` (exclusive) of each listed weekday.
 */
export interface CallingWindow {
  /** Minutes after local midnight, 0..1439. */
  startMinute: number;
  /** Minutes after local midnight, startMinute+1..1440 (24:00 is the end of the day). */
  endMinute: number;
  /** Weekdays, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
  days: ReadonlySet<number>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Longer than any week with any window: a search past this has no answer. */
const HORIZON = 9 * DAY;

function clockMinute(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

function weekday(text: string): number | null {
  const index = WEEKDAYS.indexOf(text.toLowerCase());
  return index === -1 ? null : index;
}

/** `Mon-Sat`, `Mon-Fri,Sun`, `Sat-Mon` (a range may wrap past Sunday). */
function parseDays(text: string): Set<number> | null {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [first = '', last, extra] = part.trim().split('-');
    const from = weekday(first);
    const to = last === undefined ? from : weekday(last);
    if (from === null || to === null || extra !== undefined) return null;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return days;
}

/**
 * Parses `HH:MM-HH:MM Days` (`09:00-20:00 Mon-Sat`; `00:00-24:00 Mon-Sun` is always open).
 * A window that crosses midnight is refused: say it as two days' windows' worth instead.
 */
export function parseCallingWindow(text: string): CallingWindow | string {
  const match = /^\s*(\S+)-(\S+)\s+(\S+)\s*$/.exec(text);
  const usage = 'must look like 09:00-20:00 Mon-Sat (HH:MM-HH:MM, then days as Mon-Fri or Mon,Wed,Fri)';
  if (!match) return usage;
  const startMinute = clockMinute(match[1] ?? '');
  const endMinute = clockMinute(match[2] ?? '');
  const days = parseDays(match[3] ?? '');
  if (startMinute === null || endMinute === null || days === null) return usage;
  if (startMinute >= endMinute) return 'must end after it starts on the same day (00:00-24:00 is the whole day)';
  return { startMinute, endMinute, days };
}

/** The earliest local time ≥ `local` (milliseconds on a local calendar read as UTC) inside the window. */
function nextLocalOpening(local: number, window: CallingWindow): number | null {
  const firstDay = Math.floor(local / DAY);
  for (let day = firstDay; day <= firstDay + 7; day += 1) {
    if (!window.days.has(new Date(day * DAY).getUTCDay())) continue;
    const opens = Math.max(local, day * DAY + window.startMinute * MINUTE);
    if (opens < day * DAY + window.endMinute * MINUTE) return opens;
  }
  return null;
}

/**
 * The earliest instant at or after `instant` at which the window is open in `zone`: `instant`
 * itself when it already is. Exact across offset changes: within a stretch of one offset local
 * time runs with real time, so the answer is found there or the search moves on to the change
 * (in a spring-forward gap that is the first instant after it; in a fall-back overlap the
 * earlier of the two).
 */
export function nextOpening(instant: Date, window: CallingWindow, zone: Zone): Date {
  const limit = instant.getTime() + HORIZON;
  for (let at = instant.getTime(); at < limit; ) {
    const offset = offsetAt(zone, at);
    const local = nextLocalOpening(at + offset, window);
    const candidate = local === null ? limit : local - offset;
    const change = nextOffsetChange(zone, at, Math.min(candidate, limit));
    if (change === null) {
      if (local === null) break;
      return new Date(candidate);
    }
    at = change;
  }
  throw new Error('The calling window has no opening in a week: it lists no day.');
}

/**
 * The earliest instant at or after `instant` at which the window is open in every zone (a
 * candidate somewhere in a country with several), or null when it never is within the horizon.
 * Each step moves to where the zone that is still closed opens, so no common opening is skipped.
 */
export function nextOpeningInAll(instant: Date, window: CallingWindow, zones: readonly Zone[]): Date | null {
  let at = instant;
  while (at.getTime() - instant.getTime() < HORIZON) {
    let latest = at;
    for (const zone of zones) {
      const opens = nextOpening(at, window, zone);
      if (opens > latest) latest = opens;
    }
    if (latest.getTime() === at.getTime()) return at;
    at = latest;
  }
  return null;
}
