import { describe, expect, it } from 'vitest';
import { AGENT_LANGUAGES } from '../../interviews/runtime/languages.ts';
import { moveForCallStatus } from './call-status.ts';
import { hasValidTwilioSignature } from './signature.ts';
import { hangUpNow, sayAndHangUp, sayAndListen, sayAndRedirect } from './twiml.ts';
import { speechSettings, TWILIO_VOICES } from './voices.ts';

describe('voices: every agent language speaks and listens', () => {
  it('has a voice of each gender, a Say and a Gather language for all 32 languages', () => {
    expect(Object.keys(TWILIO_VOICES).sort()).toEqual([...AGENT_LANGUAGES].sort());
    for (const code of AGENT_LANGUAGES) {
      const voices = TWILIO_VOICES[code];
      expect(voices.female.length, code).toBeGreaterThan(0);
      expect(voices.male.length, code).toBeGreaterThan(0);
    }
  });

  it("follows the voiceId's gender, keeps agent voices apart where the language has several, and falls back as stated", () => {
    expect(speechSettings('EN', 'ALEX')).toEqual({ voice: 'Google.en-US-Chirp3-HD-Charon', sayLanguage: 'en-US', gatherLanguage: 'en-US' });
    expect(speechSettings('EN', 'PETER').voice).toBe('Google.en-US-Chirp3-HD-Fenrir');
    expect(speechSettings('EN', 'MIRIAM').voice).toBe('Google.en-US-Chirp3-HD-Kore');
    expect(speechSettings('EN', 'EVA').voice).toBe('Google.en-US-Chirp3-HD-Zephyr');
    expect(speechSettings('ZH', null)).toEqual({ voice: 'Google.cmn-CN-Chirp3-HD-Kore', sayLanguage: 'cmn-CN', gatherLanguage: 'cmn-Hans-CN' });
    expect(speechSettings('DA', 'LUKE').voice).toBe('Polly.Mads');
    expect(speechSettings('FI', 'ALEX').voice).toBe('Polly.Suvi-Neural'); // one voice known: used for both
    expect(speechSettings('HR', 'SUE')).toEqual({ voice: 'Google.sr-RS-Standard-A', sayLanguage: 'sr-RS', gatherLanguage: 'hr-HR' });
    expect(speechSettings('UNDEFINED', 'SARAH').sayLanguage).toBe('en-US');
  });
});

describe('TwiML', () => {
  const speech = speechSettings('FR', 'SILVIA');

  it('asks with <Say> inside a speech <Gather> that posts even silence to its action', () => {
    const xml = sayAndListen('Parlez-moi de vous, <s.v.p.> & merci', speech, 'https://x.test/telephony/twilio/attempts/a/gather?x=1&y=2');
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech" action="https://x.test/telephony/twilio/attempts/a/gather?x=1&amp;y=2" method="POST" language="fr-FR" speechTimeout="auto" timeout="8" actionOnEmptyResult="true" profanityFilter="false">' +
        '<Say voice="Google.fr-FR-Chirp3-HD-Kore" language="fr-FR">Parlez-moi de vous, &lt;s.v.p.&gt; &amp; merci</Say></Gather></Response>',
    );
  });

  it('says goodbye and hangs up; redirects; hangs up at once', () => {
    expect(sayAndHangUp('Au revoir.', speech)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Google.fr-FR-Chirp3-HD-Kore" language="fr-FR">Au revoir.</Say><Hangup/></Response>');
    expect(sayAndRedirect(null, speech, 'https://x.test/next')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Redirect method="POST">https://x.test/next</Redirect></Response>');
    expect(hangUpNow()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
  });
});

describe('status callbacks in attempt terms', () => {
  it('maps every CallStatus', () => {
    expect(moveForCallStatus('queued', undefined, undefined)).toBeNull();
    for (const status of ['initiated', 'ringing', 'in-progress'] as const) expect(moveForCallStatus(status, undefined, undefined)).toEqual({ to: 'IN_PROGRESS', reasonCode: null });
    expect(moveForCallStatus('completed', 'human', '61')).toEqual({ to: 'COMPLETED', reasonCode: null, duration: 61 });
    expect(moveForCallStatus('completed', 'unknown', undefined)).toEqual({ to: 'COMPLETED', reasonCode: null });
    expect(moveForCallStatus('completed', 'fax', '5')).toMatchObject({ to: 'FAILED', reasonCode: 'VOICEMAIL', duration: 5 });
    expect(moveForCallStatus('busy', undefined, '0')).toMatchObject({ to: 'FAILED', reasonCode: 'BUSY', duration: 0 });
    expect(moveForCallStatus('no-answer', undefined, undefined)).toMatchObject({ to: 'FAILED', reasonCode: 'NO_ANSWER' });
    expect(moveForCallStatus('failed', undefined, undefined)).toMatchObject({ to: 'FAILED', reasonCode: 'FAILED' });
    expect(moveForCallStatus('canceled', undefined, undefined)).toMatchObject({ to: 'FAILED', reasonCode: 'CANCELLED' });
    expect(moveForCallStatus('completed', 'human', 'NaN')).toEqual({ to: 'COMPLETED', reasonCode: null });
  });

  it('a server without a Twilio token accepts no signature', () => {
    expect(hasValidTwilioSignature(null, 'https://x.test', { url: '/telephony/twilio/attempts/a/status', header: 'anything', params: {} })).toBe(false);
    expect(hasValidTwilioSignature('token', 'https://x.test', { url: '/telephony/twilio/attempts/a/status', header: undefined, params: {} })).toBe(false);
  });
});
