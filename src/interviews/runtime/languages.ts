import { LANGUAGES } from '../../agents/schema.ts';

/** A language the interviewer speaks: the contract's §5 list without `UNDEFINED` (32 codes). */
export type AgentLanguage = Exclude<(typeof LANGUAGES)[number], 'UNDEFINED'>;

export interface LanguageInfo {
  /**
   * BCP 47 tag with a region: the voice the room asks of the browser's speech synthesis and,
   * later, the `language` of Twilio's `<Say>`. The region is the one whose voices are the most
   * widely available (browsers, operating systems, Twilio) and whose standard the lines are
   * written in (see docs/decisions.md, "Interview runtime: languages").
   */
  readonly bcp47: string;
  readonly englishName: string;
  /** The language's name in itself, as a language picker shows it. */
  readonly nativeName: string;
  /** Writing direction of the room page. */
  readonly dir: 'ltr' | 'rtl';
}

/** The 32 codes in the contract's order, derived from the agent schema (one source of truth). */
export const AGENT_LANGUAGES: readonly AgentLanguage[] = LANGUAGES.filter(
  (code): code is AgentLanguage => code !== 'UNDEFINED',
);

/** Typed by `AgentLanguage`, so a language added to the schema fails to compile until it is described here. */
export const LANGUAGE_INFO: { readonly [code in AgentLanguage]: LanguageInfo } = {
  EN: { bcp47: 'en-US', englishName: 'English', nativeName: 'English', dir: 'ltr' },
  JA: { bcp47: 'ja-JP', englishName: 'Japanese', nativeName: '日本語', dir: 'ltr' },
  ZH: { bcp47: 'zh-CN', englishName: 'Chinese (Mandarin, Simplified)', nativeName: '中文（简体）', dir: 'ltr' },
  DE: { bcp47: 'de-DE', englishName: 'German', nativeName: 'Deutsch', dir: 'ltr' },
  HI: { bcp47: 'hi-IN', englishName: 'Hindi', nativeName: 'हिन्दी', dir: 'ltr' },
  FR: { bcp47: 'fr-FR', englishName: 'French', nativeName: 'Français', dir: 'ltr' },
  KO: { bcp47: 'ko-KR', englishName: 'Korean', nativeName: '한국어', dir: 'ltr' },
  PT: { bcp47: 'pt-BR', englishName: 'Portuguese (Brazil)', nativeName: 'Português (Brasil)', dir: 'ltr' },
  IT: { bcp47: 'it-IT', englishName: 'Italian', nativeName: 'Italiano', dir: 'ltr' },
  ES: { bcp47: 'es-ES', englishName: 'Spanish', nativeName: 'Español', dir: 'ltr' },
  ID: { bcp47: 'id-ID', englishName: 'Indonesian', nativeName: 'Bahasa Indonesia', dir: 'ltr' },
  NL: { bcp47: 'nl-NL', englishName: 'Dutch', nativeName: 'Nederlands', dir: 'ltr' },
  TR: { bcp47: 'tr-TR', englishName: 'Turkish', nativeName: 'Türkçe', dir: 'ltr' },
  FIL: { bcp47: 'fil-PH', englishName: 'Filipino', nativeName: 'Filipino', dir: 'ltr' },
  PL: { bcp47: 'pl-PL', englishName: 'Polish', nativeName: 'Polski', dir: 'ltr' },
  SV: { bcp47: 'sv-SE', englishName: 'Swedish', nativeName: 'Svenska', dir: 'ltr' },
  BG: { bcp47: 'bg-BG', englishName: 'Bulgarian', nativeName: 'Български', dir: 'ltr' },
  RO: { bcp47: 'ro-RO', englishName: 'Romanian', nativeName: 'Română', dir: 'ltr' },
  AR: { bcp47: 'ar-SA', englishName: 'Arabic (Modern Standard)', nativeName: 'العربية', dir: 'rtl' },
  CS: { bcp47: 'cs-CZ', englishName: 'Czech', nativeName: 'Čeština', dir: 'ltr' },
  EL: { bcp47: 'el-GR', englishName: 'Greek', nativeName: 'Ελληνικά', dir: 'ltr' },
  FI: { bcp47: 'fi-FI', englishName: 'Finnish', nativeName: 'Suomi', dir: 'ltr' },
  HR: { bcp47: 'hr-HR', englishName: 'Croatian', nativeName: 'Hrvatski', dir: 'ltr' },
  MS: { bcp47: 'ms-MY', englishName: 'Malay', nativeName: 'Bahasa Melayu', dir: 'ltr' },
  SK: { bcp47: 'sk-SK', englishName: 'Slovak', nativeName: 'Slovenčina', dir: 'ltr' },
  DA: { bcp47: 'da-DK', englishName: 'Danish', nativeName: 'Dansk', dir: 'ltr' },
  TA: { bcp47: 'ta-IN', englishName: 'Tamil', nativeName: 'தமிழ்', dir: 'ltr' },
  UK: { bcp47: 'uk-UA', englishName: 'Ukrainian', nativeName: 'Українська', dir: 'ltr' },
  RU: { bcp47: 'ru-RU', englishName: 'Russian', nativeName: 'Русский', dir: 'ltr' },
  HU: { bcp47: 'hu-HU', englishName: 'Hungarian', nativeName: 'Magyar', dir: 'ltr' },
  NO: { bcp47: 'nb-NO', englishName: 'Norwegian (Bokmål)', nativeName: 'Norsk (bokmål)', dir: 'ltr' },
  VI: { bcp47: 'vi-VN', englishName: 'Vietnamese', nativeName: 'Tiếng Việt', dir: 'ltr' },
};

/** The language an interview runs in: its agent's, or English for `UNDEFINED` and anything unknown. */
export function runtimeLanguage(code: string): AgentLanguage {
  return Object.hasOwn(LANGUAGE_INFO, code) ? (code as AgentLanguage) : 'EN';
}
