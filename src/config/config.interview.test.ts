import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');

describe('the room’s silence rules (§13)', () => {
  it('default to a nudge after 60 seconds and abandonment after 10 minutes', () => {
    expect(load({}).interview).toEqual({ idleNudgeSeconds: 60, abandonMinutes: 10 });
    expect(load({ INTERVIEW_IDLE_NUDGE_SECONDS: '15', INTERVIEW_ABANDON_MINUTES: '3' }).interview).toEqual({ idleNudgeSeconds: 15, abandonMinutes: 3 });
  });

  it('refuse zero, negative or non-numeric values, naming the variable', () => {
    for (const value of ['0', '-5', 'soon', '1.5']) {
      expect(() => load({ INTERVIEW_IDLE_NUDGE_SECONDS: value })).toThrow(/INTERVIEW_IDLE_NUDGE_SECONDS/);
      expect(() => load({ INTERVIEW_ABANDON_MINUTES: value })).toThrow(/INTERVIEW_ABANDON_MINUTES/);
    }
  });
});
