import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');
const SID = `AC${'0123456789abcdef'.repeat(2)}`;

describe('telephony configuration (§13)', () => {
  it('is off without the SID and token; on with both, the API origin defaulting to Twilio', () => {
    expect(load({}).twilio).toBeNull();
    expect(load({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'secret' }).twilio).toEqual({ accountSid: SID, authToken: 'secret', apiBase: 'https://api.twilio.com' });
    expect(load({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'secret', TWILIO_API_BASE: 'http://127.0.0.1:4010/' }).twilio?.apiBase).toBe('http://127.0.0.1:4010');
  });

  it('refuses half a configuration, a SID that is not one and an API base with a path, naming the variable', () => {
    expect(() => load({ TWILIO_ACCOUNT_SID: SID })).toThrow(/TWILIO_AUTH_TOKEN/);
    expect(() => load({ TWILIO_AUTH_TOKEN: 'secret' })).toThrow(/TWILIO_AUTH_TOKEN.*TWILIO_ACCOUNT_SID/);
    expect(() => load({ TWILIO_ACCOUNT_SID: 'SK123', TWILIO_AUTH_TOKEN: 'secret' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => load({ TWILIO_API_BASE: 'https://api.twilio.com/2010-04-01' })).toThrow(/TWILIO_API_BASE/);
    expect(() => load({ TWILIO_API_BASE: 'ftp://api.twilio.com' })).toThrow(/TWILIO_API_BASE/);
  });

  it('has the retry and window defaults: 3 attempts, 30 minutes apart, 09:00-20:00 Monday to Saturday', () => {
    const { calls } = load({});
    expect(calls).toMatchObject({ retryAttempts: 3, retryMinutes: 30, window: { startMinute: 9 * 60, endMinute: 20 * 60 } });
    expect([...calls.window.days].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads a calling window: ranges, lists, wrapping ranges, the whole day', () => {
    const days = (text: string) => [...load({ CALL_WINDOW: text }).calls.window.days].sort();
    expect(days('08:30-17:00 Mon-Fri')).toEqual([1, 2, 3, 4, 5]);
    expect(days('08:30-17:00 mon,wed,fri')).toEqual([1, 3, 5]);
    expect(days('10:00-16:00 Sat-Mon')).toEqual([0, 1, 6]);
    expect(days('10:00-16:00 Mon-Fri,Sun')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(load({ CALL_WINDOW: '00:00-24:00 Mon-Sun' }).calls.window).toMatchObject({ startMinute: 0, endMinute: 1440 });
    expect(load({ CALL_RETRY_ATTEMPTS: '1', CALL_RETRY_MINUTES: '120' }).calls).toMatchObject({ retryAttempts: 1, retryMinutes: 120 });
  });

  it('refuses a broken window or retry setting, naming the variable', () => {
    for (const text of ['09:00-20:00', '9:00-20:00 Mon-Sat', '20:00-09:00 Mon-Sat', '09:00-09:00 Mon', '09:00-24:30 Mon', '09:60-10:00 Mon', '09:00-20:00 Mon-Funday', '09:00-20:00 Mon-Tue-Wed', 'always']) {
      expect(() => load({ CALL_WINDOW: text }), text).toThrow(/CALL_WINDOW/);
    }
    expect(() => load({ CALL_RETRY_ATTEMPTS: '0' })).toThrow(/CALL_RETRY_ATTEMPTS/);
    expect(() => load({ CALL_RETRY_ATTEMPTS: '21' })).toThrow(/CALL_RETRY_ATTEMPTS/);
    expect(() => load({ CALL_RETRY_MINUTES: 'half an hour' })).toThrow(/CALL_RETRY_MINUTES/);
    expect(() => load({ CALL_RETRY_MINUTES: '0' })).toThrow(/CALL_RETRY_MINUTES/);
  });
});
