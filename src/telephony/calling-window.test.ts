import { describe, expect, it } from 'vitest';
import { type CallingWindow, nextOpening, parseCallingWindow } from './calling-window.ts';
import { type CallZone, explicitOffsetMinutes, resolveCallZone, nextCallTime, retryTime } from './call-zone.ts';
import type { Zone } from './zone-offsets.ts';

function window(text: string): CallingWindow {
  const parsed = parseCallingWindow(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const DEFAULT = window('09:00-20:00 Mon-Sat');
const NIGHT = window('02:30-04:00 Mon-Sun');

/**
 * Issue 14's table: the next opening of a calling window in the candidate's local time. Weekdays
 * in the comments are local ones; 2025 changes: EU on 30 March and 26 October, US on 9 March
 * and 2 November.
 */
const TABLE: [string, CallingWindow, Zone, string, string][] = [
  ['already open: Wednesday 11:00 in Berlin', DEFAULT, 'Europe/Berlin', '2025-11-19T10:00:00.000Z', '2025-11-19T10:00:00.000Z'],
  ['already open, to the second', DEFAULT, 'Europe/Berlin', '2025-11-19T18:59:59.999Z', '2025-11-19T18:59:59.999Z'],
  ['closes at 20:00 sharp: the next morning', DEFAULT, 'Europe/Berlin', '2025-11-19T19:00:00.000Z', '2025-11-20T08:00:00.000Z'],
  ['before opening: 07:00 in New York (west of UTC)', DEFAULT, 'America/New_York', '2025-11-19T12:00:00.000Z', '2025-11-19T14:00:00.000Z'],
  ['before opening: 08:30 in Tokyo, the UTC date still the day before', DEFAULT, 'Asia/Tokyo', '2025-11-18T23:30:00.000Z', '2025-11-19T00:00:00.000Z'],
  ['half-hour zone: 08:30 in Kolkata', DEFAULT, 'Asia/Kolkata', '2025-11-19T03:00:00.000Z', '2025-11-19T03:30:00.000Z'],
  ['Saturday 20:30 in Tokyo (still Saturday in UTC): Sunday is skipped', DEFAULT, 'Asia/Tokyo', '2025-11-22T11:30:00.000Z', '2025-11-24T00:00:00.000Z'],
  ['Sunday noon in Berlin: Monday 09:00', DEFAULT, 'Europe/Berlin', '2025-11-23T11:00:00.000Z', '2025-11-24T08:00:00.000Z'],
  ['Friday 21:00 in Los Angeles is Saturday in UTC: Saturday 09:00 local', DEFAULT, 'America/Los_Angeles', '2025-11-22T05:00:00.000Z', '2025-11-22T17:00:00.000Z'],
  ['EU spring: Saturday evening CET → Monday 09:00 CEST', DEFAULT, 'Europe/Berlin', '2025-03-29T19:30:00.000Z', '2025-03-31T07:00:00.000Z'],
  ['EU autumn: Saturday evening CEST → Monday 09:00 CET', DEFAULT, 'Europe/Berlin', '2025-10-25T19:00:00.000Z', '2025-10-27T08:00:00.000Z'],
  ['EU autumn, London: Saturday evening BST → Monday 09:00 GMT', DEFAULT, 'Europe/London', '2025-10-25T20:00:00.000Z', '2025-10-27T09:00:00.000Z'],
  ['US spring: Saturday evening EST → Monday 09:00 EDT', DEFAULT, 'America/New_York', '2025-03-09T01:30:00.000Z', '2025-03-10T13:00:00.000Z'],
  ['US autumn: Saturday evening EDT → Monday 09:00 EST', DEFAULT, 'America/New_York', '2025-11-02T01:00:00.000Z', '2025-11-03T14:00:00.000Z'],
  ['a window opening inside the spring-forward gap: the first instant after it', NIGHT, 'Europe/Berlin', '2025-03-30T00:30:00.000Z', '2025-03-30T01:00:00.000Z'],
  ['a window opening inside the autumn overlap: the earlier of the two 02:30s', NIGHT, 'Europe/Berlin', '2025-10-26T00:00:00.000Z', '2025-10-26T00:30:00.000Z'],
  ['a fixed offset from scheduledAt (−05:00): Sunday → Monday 09:00', DEFAULT, { offsetMinutes: -300 }, '2025-11-23T17:00:00.000Z', '2025-11-24T14:00:00.000Z'],
  ['UTC itself', DEFAULT, 'UTC', '2025-11-19T06:00:00.000Z', '2025-11-19T09:00:00.000Z'],
  ['always open (00:00-24:00 Mon-Sun), even Sunday night', window('00:00-24:00 Mon-Sun'), 'Europe/Berlin', '2025-11-23T02:00:00.000Z', '2025-11-23T02:00:00.000Z'],
  ['a window on Sundays only, from a Monday: six days on', window('10:00-12:00 Sun'), 'Europe/Berlin', '2025-11-24T12:00:00.000Z', '2025-11-30T09:00:00.000Z'],
];

describe('calling windows: the next opening in local time', () => {
  it.each(TABLE)('%s', (_label, win, zone, from, expected) => {
    expect(nextOpening(new Date(from), win, zone).toISOString()).toBe(expected);
  });
});

describe('retries inside the window (CALL_RETRY_ATTEMPTS, CALL_RETRY_MINUTES)', () => {
  const berlin: CallZone = { source: 'company', zones: ['Europe/Berlin'] };
  const policy = { attempts: 3, minutesApart: 30 };

  it('a retry due at 19:50 + 30 minutes rolls to the next morning', () => {
    const endedAt = new Date('2025-11-18T18:50:00.000Z'); // Tuesday 19:50 in Berlin
    expect(retryTime({ reasonCode: 'NO_ANSWER', attemptsMade: 1, endedAt }, policy, DEFAULT, berlin)?.toISOString()).toBe('2025-11-19T08:00:00.000Z');
  });

  it('a retry inside the window is simply 30 minutes later', () => {
    const endedAt = new Date('2025-11-18T10:00:00.000Z');
    for (const reasonCode of ['NO_ANSWER', 'BUSY', 'VOICEMAIL']) {
      expect(retryTime({ reasonCode, attemptsMade: 2, endedAt }, policy, DEFAULT, berlin)?.toISOString()).toBe('2025-11-18T10:30:00.000Z');
    }
  });

  it('no retry once the attempts are used, nor for an outcome that is not retried', () => {
    const endedAt = new Date('2025-11-18T10:00:00.000Z');
    expect(retryTime({ reasonCode: 'NO_ANSWER', attemptsMade: 3, endedAt }, policy, DEFAULT, berlin)).toBeNull();
    for (const reasonCode of ['FAILED', 'CANCELLED', 'TELEPHONY_NOT_CONFIGURED', null]) {
      expect(retryTime({ reasonCode, attemptsMade: 1, endedAt }, policy, DEFAULT, berlin)).toBeNull();
    }
  });
});

describe("the candidate's zone: explicit offset, then the number's country, then the company", () => {
  it('reads an explicit offset written in scheduledAt; Z is not one', () => {
    expect(explicitOffsetMinutes('2025-11-20T09:00:00+01:00')).toBe(60);
    expect(explicitOffsetMinutes('2025-11-20T09:00:00.000-05:30')).toBe(-330);
    expect(explicitOffsetMinutes('2025-11-20T09:00:00+0000')).toBe(0);
    expect(explicitOffsetMinutes('2025-11-20T09:00:00.000Z')).toBeNull();
    expect(explicitOffsetMinutes('2025-11-20')).toBeNull();
  });

  it('takes the explicit offset first, the country next, the company last', () => {
    const base = { phoneNumber: '+4930123456', companyTimeZone: 'America/Chicago' };
    expect(resolveCallZone({ ...base, scheduledAtText: '2025-11-20T09:00:00+09:00' })).toEqual({ source: 'scheduledAt', zones: [{ offsetMinutes: 540 }] });
    expect(resolveCallZone({ ...base, scheduledAtText: '2025-11-20T08:00:00.000Z' })).toEqual({ source: 'phoneNumber', zones: ['Europe/Berlin'] });
    expect(resolveCallZone(base)).toEqual({ source: 'phoneNumber', zones: ['Europe/Berlin'] });
    expect(resolveCallZone({ ...base, phoneNumber: '+380441234567' }).zones).toEqual(['Europe/Kyiv']);
    expect(resolveCallZone({ ...base, phoneNumber: '+819012345678' }).zones).toEqual(['Asia/Tokyo']);
    expect(resolveCallZone({ ...base, phoneNumber: '+999123456' })).toEqual({ source: 'company', zones: ['America/Chicago'] });
    expect(resolveCallZone({ ...base, phoneNumber: null })).toEqual({ source: 'company', zones: ['America/Chicago'] });
  });

  it('a country of several zones: the next time the window is open in all of them', () => {
    const us = resolveCallZone({ phoneNumber: '+14155550123', companyTimeZone: 'UTC' });
    // Wednesday 08:00 in New York, 05:00 in Los Angeles: everyone is in the window at 09:00 in Los Angeles.
    expect(nextCallTime(new Date('2025-11-19T13:00:00.000Z'), DEFAULT, us).toISOString()).toBe('2025-11-19T17:00:00.000Z');
    // Wednesday 12:00 in New York: open everywhere already.
    expect(nextCallTime(new Date('2025-11-19T20:00:00.000Z'), DEFAULT, us).toISOString()).toBe('2025-11-19T20:00:00.000Z');
  });

  it('a country whose zones never share the window falls back to its first zone', () => {
    const russia = resolveCallZone({ phoneNumber: '+74951234567', companyTimeZone: 'UTC' });
    // 09:00-10:00 in Moscow and in Novosibirsk (four hours apart) never overlap: Moscow's 09:00.
    expect(nextCallTime(new Date('2025-11-19T00:00:00.000Z'), window('09:00-10:00 Mon-Sun'), russia).toISOString()).toBe('2025-11-19T06:00:00.000Z');
  });
});
