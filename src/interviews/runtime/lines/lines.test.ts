import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../agents/schema.ts';
import { AGENT_LANGUAGES, LANGUAGE_INFO, runtimeLanguage, type AgentLanguage } from '../languages.ts';
import { LINES } from './index.ts';
import { linesFor, minutesText, placeholdersOf, render, type LineKey, type Lines } from './lines.ts';

const en = LINES.EN;
const lineKeys = Object.keys(en).filter((key) => key !== 'minutes') as LineKey[];
const linesOf = (code: AgentLanguage): [LineKey, string][] => lineKeys.map((key) => [key, LINES[code][key]]);
const withoutPlaceholders = (text: string): string => text.replace(/\{[A-Za-z]+\}/g, ' ');

describe('agent languages', () => {
  it('are the contract list without UNDEFINED, each described once', () => {
    expect(AGENT_LANGUAGES).toEqual(LANGUAGES.filter((code) => code !== 'UNDEFINED'));
    expect(AGENT_LANGUAGES).toHaveLength(32);
    expect(Object.keys(LANGUAGE_INFO).sort()).toEqual([...AGENT_LANGUAGES].sort());
    expect(Object.keys(LINES).sort()).toEqual([...AGENT_LANGUAGES].sort());
  });

  it.each(AGENT_LANGUAGES)('%s has a canonical BCP 47 tag with a region that ICU knows', (code) => {
    const { bcp47, englishName, nativeName } = LANGUAGE_INFO[code];
    expect(Intl.getCanonicalLocales(bcp47)).toEqual([bcp47]);
    const locale = new Intl.Locale(bcp47);
    expect(locale.region).toMatch(/^[A-Z]{2}$/);
    expect(new Intl.PluralRules(bcp47).resolvedOptions().locale.split('-')[0]).toBe(locale.language);
    expect(englishName.trim()).not.toBe('');
    expect(nativeName.trim()).not.toBe('');
  });

  it('Arabic is written right to left, every other language left to right', () => {
    for (const code of AGENT_LANGUAGES) expect(LANGUAGE_INFO[code].dir, code).toBe(code === 'AR' ? 'rtl' : 'ltr');
  });

  it('UNDEFINED and unknown codes fall back to English', () => {
    expect(runtimeLanguage('UNDEFINED')).toBe('EN');
    expect(runtimeLanguage('XX')).toBe('EN');
    expect(runtimeLanguage('toString')).toBe('EN');
    expect(runtimeLanguage('de')).toBe('EN');
    expect(runtimeLanguage('DE')).toBe('DE');
    expect(linesFor('UNDEFINED')).toBe(LINES.EN);
    expect(linesFor('nonsense')).toBe(LINES.EN);
    expect(linesFor('JA')).toBe(LINES.JA);
  });
});

describe('fixed lines', () => {
  it('English has the keys of DESIGN13 (and voiceNotice)', () => {
    expect(lineKeys).toHaveLength(39);
    expect(lineKeys).toEqual(expect.arrayContaining(['greeting', 'consentNotice', 'introAiNotice', 'voiceNotice', 'sendFailed']));
  });

  it.each(AGENT_LANGUAGES)('%s has every key, each a non-empty line', (code) => {
    expect(Object.keys(LINES[code]).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of linesOf(code)) {
      expect(typeof text, `${code}.${key}`).toBe('string');
      expect(text.trim(), `${code}.${key}`).not.toBe('');
    }
  });

  it.each(AGENT_LANGUAGES)('%s has exactly the placeholders of English in every line', (code) => {
    for (const [key, text] of linesOf(code)) {
      expect(placeholdersOf(text), `${code}.${key}: ${text}`).toEqual(placeholdersOf(en[key]));
    }
  });

  it('the notices that an AI conducts and records the interview name the company that receives the transcript', () => {
    expect(placeholdersOf(en.consentNotice)).toEqual(['companyName']);
    expect(placeholdersOf(en.introAiNotice)).toEqual(['companyName']);
    expect(en.consentNotice).toMatch(/\bAI\b.*transcript.*No audio or video is stored/s);
    expect(en.introAiNotice).toMatch(/\bAI\b.*transcript.*No audio or video is stored/s);
  });

  it.each(AGENT_LANGUAGES)('%s lines are plain text: no markup, stray braces, straight quotes or odd spacing', (code) => {
    for (const [key, text] of linesOf(code)) {
      const where = `${code}.${key}: ${text}`;
      expect(withoutPlaceholders(text), where).not.toMatch(/[<>{}[\]*_#`|\\&"']|:\/\//);
      expect(text, where).toBe(text.trim());
      expect(text, where).not.toMatch(/ {2}|\p{Cc}|[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u); // controls, zero-width and bidi marks
    }
  });
});

/** The letters each non-Latin language is written in; every line must contain some. */
const SCRIPT: Partial<Record<AgentLanguage, RegExp>> = {
  AR: /\p{Script=Arabic}/u,
  JA: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  ZH: /\p{Script=Han}/u,
  KO: /\p{Script=Hangul}/u,
  HI: /\p{Script=Devanagari}/u,
  TA: /\p{Script=Tamil}/u,
  EL: /\p{Script=Greek}/u,
  BG: /\p{Script=Cyrillic}/u,
  RU: /\p{Script=Cyrillic}/u,
  UK: /\p{Script=Cyrillic}/u,
};
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

describe('scripts', () => {
  it.each(AGENT_LANGUAGES)('%s lines are written in its own script', (code) => {
    const script = SCRIPT[code];
    for (const [key, text] of linesOf(code)) {
      const letters = withoutPlaceholders(text);
      if (script) expect(letters, `${code}.${key}`).toMatch(script);
      else expect(letters, `${code}.${key}: a letter outside the Latin script`).not.toMatch(NON_LATIN_LETTER);
    }
  });

  it.each(AGENT_LANGUAGES)('%s has no word that mixes Latin, Cyrillic and Greek letters (look-alike typos)', (code) => {
    for (const [key, text] of linesOf(code)) {
      for (const word of withoutPlaceholders(text).split(/[^\p{L}\p{M}]+/u)) {
        const scripts = ['Latin', 'Cyrillic', 'Greek'].filter((name) => new RegExp(`\\p{Script=${name}}`, 'u').test(word));
        expect(scripts.length, `${code}.${key}: "${word}"`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('each language keeps to its own alphabet where neighbours differ', () => {
    const all = (code: AgentLanguage) => linesOf(code).map(([, text]) => text).join('\n');
    expect(all('JA')).toMatch(/\p{Script=Hiragana}/u);
    expect(all('ZH')).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
    expect(all('UK')).toMatch(/[іїєґ]/);
    expect(all('UK')).not.toMatch(/[ыэъё]/i);
    expect(all('RU')).not.toMatch(/[іїєґ]/i);
    expect(all('BG')).not.toMatch(/[ыэё]/i);
    expect(all('RO')).not.toMatch(/[şţŞŢ]/); // cedilla look-alikes of ș ț
    expect(all('FR')).not.toMatch(/ [?!:;]/); // French wants a no-break space there
  });
});

describe('render', () => {
  it('fills every placeholder, each occurrence, in one pass', () => {
    expect(render('Hello {name}, {name}! {company}.', { name: 'Ana', company: 'Acme' })).toBe('Hello Ana, Ana! Acme.');
    expect(render('Hi {name}.', { name: '{name} {company}' })).toBe('Hi {name} {company}.');
    expect(render(en.pageTitle, { companyName: 'Acme' })).toBe('Interview with Acme');
  });

  it('refuses a missing value and a value for a placeholder the line does not have', () => {
    expect(() => render(en.greeting, { interviewerName: 'Emma', companyName: 'Acme' })).toThrow(/no value for \{candidateName\}/);
    expect(() => render(en.pageTitle, { companyName: 'Acme', candidateName: 'Ana' })).toThrow(/no placeholder \{candidateName\}/);
    expect(() => render('Hi {toString}.', {})).toThrow(/no value for \{toString\}/);
  });

  it.each(AGENT_LANGUAGES)('%s renders every line with the values English needs, leaving no placeholder', (code) => {
    const value = (name: string) => (name === 'minutes' ? minutesText(code, 30) : `«${name}»`);
    for (const [key, text] of linesOf(code)) {
      const values = Object.fromEntries(placeholdersOf(en[key]).map((name) => [name, value(name)]));
      expect(render(text, values), `${code}.${key}`).not.toMatch(/[{}]/);
    }
  });
});

describe('minutesText', () => {
  it.each(AGENT_LANGUAGES)('%s has a form for every plural category a whole number reaches', (code) => {
    const forms: Lines['minutes'] = LINES[code].minutes;
    const rules = new Intl.PluralRules(LANGUAGE_INFO[code].bcp47);
    for (let n = 0; n <= 1000; n++) expect(forms[rules.select(n)], `${code}: ${n} is "${rules.select(n)}"`).toBeDefined();
    for (const form of Object.values(forms)) {
      expect(placeholdersOf(form)).toEqual(form.includes('{count}') ? ['count'] : []);
      expect(withoutPlaceholders(form).trim()).not.toBe('');
    }
  });

  it('puts the unit in the form the number needs', () => {
    const say = (code: string, ...counts: number[]) => counts.map((count) => minutesText(code, count));
    expect(say('EN', 1, 2, 30)).toEqual(['1 minute', '2 minutes', '30 minutes']);
    expect(say('UNDEFINED', 1)).toEqual(['1 minute']);
    expect(say('DE', 1, 2)).toEqual(['1 Minute', '2 Minuten']);
    expect(say('RU', 1, 2, 5, 21)).toEqual(['1 минуты', '2 минут', '5 минут', '21 минуты']);
    expect(say('PL', 1, 2, 5, 22)).toEqual(['1 minuty', '2 minut', '5 minut', '22 minut']);
    expect(say('CS', 1, 3, 30)).toEqual(['1 minuty', '3 minut', '30 minut']);
    expect(say('HR', 1, 2, 5, 21)).toEqual(['1 minute', '2 minute', '5 minuta', '21 minute']);
    expect(say('RO', 1, 2, 20, 101)).toEqual(['1 minut', '2 minute', '20 de minute', '101 minute']);
    expect(say('AR', 1, 2, 3, 11)).toEqual(['دقيقة واحدة', 'دقيقتين', '3 دقائق', '11 دقيقة']);
    expect(say('FI', 1, 2)).toEqual(['1 minuutti', '2 minuuttia']);
    expect(say('JA', 1, 30)).toEqual(['1分', '30分']);
    expect(render(en.timeNotice, { minutes: minutesText('EN', 2) })).toBe('Just so you know, we have about 2 minutes left.');
  });

  it('takes {minutes} only from minutesText (tsc refuses a bare number, which would lose the unit)', () => {
    // @ts-expect-error a bare number is not a MinutesText
    expect(render(en.timeNotice, { minutes: '2' })).toBe('Just so you know, we have about 2 left.');
  });

  it('refuses a count that is not a whole number of minutes', () => {
    expect(() => minutesText('EN', 1.5)).toThrow(/whole number/);
    expect(() => minutesText('EN', -1)).toThrow(/whole number/);
    expect(() => minutesText('EN', Number.NaN)).toThrow(/whole number/);
  });
});
