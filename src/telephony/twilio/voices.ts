import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { VOICES } from '../../agents/schema.ts';
import { type AgentLanguage, runtimeLanguage } from '../../interviews/runtime/languages.ts';

// The package's own lists of voices and languages (its type aliases are not exported; its attribute types are).
type SayVoice = NonNullable<VoiceResponse.SayAttributes['voice']>;
type SayLanguage = NonNullable<VoiceResponse.SayAttributes['language']>;
type GatherLanguage = NonNullable<VoiceResponse.GatherAttributes['language']>;
export type AgentVoice = (typeof VOICES)[number];

/** The agent voices by gender (contract §5): male ALEX PETER MICHAEL LUKE, female the rest. */
const MALE: readonly AgentVoice[] = ['ALEX', 'PETER', 'MICHAEL', 'LUKE'];
const FEMALE: readonly AgentVoice[] = ['MIRIAM', 'SUE', 'VIERA', 'CASANDRA', 'SILVIA', 'EMMA', 'SARAH', 'EVA'];

// Google's Chirp3-HD voices carry their gender in their name: four of each, in every language that has them.
const CHIRP_MALE = ['Charon', 'Fenrir', 'Orus', 'Puck'] as const;
const CHIRP_FEMALE = ['Kore', 'Aoede', 'Leda', 'Zephyr'] as const;

interface LanguageVoices {
  /** `<Say language>`: the locale the voices speak. */
  say: SayLanguage;
  /** `<Gather language>`: the speech recogniser's locale. */
  gather: GatherLanguage;
  /** Voices by gender; a language with one known voice uses it for both. */
  female: readonly SayVoice[];
  male: readonly SayVoice[];
}

type ChirpLocale = 'ar-XA' | 'cmn-CN' | 'de-DE' | 'en-US' | 'es-ES' | 'fr-FR' | 'hi-IN' | 'id-ID' | 'it-IT' | 'ja-JP' | 'ko-KR' | 'nl-NL' | 'pl-PL' | 'pt-BR' | 'ru-RU' | 'ta-IN' | 'tr-TR' | 'vi-VN';

/** Every locale × name combination is checked against Twilio's list by the compiler. */
function chirpVoice(locale: ChirpLocale, name: (typeof CHIRP_MALE)[number] | (typeof CHIRP_FEMALE)[number]): SayVoice {
  return `Google.${locale}-Chirp3-HD-${name}` as const;
}

function chirp(locale: ChirpLocale, gather: GatherLanguage): LanguageVoices {
  return {
    say: locale,
    gather,
    female: CHIRP_FEMALE.map((name) => chirpVoice(locale, name)),
    male: CHIRP_MALE.map((name) => chirpVoice(locale, name)),
  };
}

function single(say: SayLanguage, gather: GatherLanguage, voice: SayVoice, male: SayVoice = voice): LanguageVoices {
  return { say, gather, female: [voice], male: [male] };
}

/**
 * Twilio's `<Say>` voice and `<Gather>` language for each of the 32 agent languages
 * (docs/decisions.md, "Telephony: voices"). Typed by the `twilio` package's own lists, so a
 * name Twilio does not know fails to compile.
 */
export const TWILIO_VOICES: { readonly [code in AgentLanguage]: LanguageVoices } = {
  EN: chirp('en-US', 'en-US'),
  JA: chirp('ja-JP', 'ja-JP'),
  ZH: chirp('cmn-CN', 'cmn-Hans-CN'),
  DE: chirp('de-DE', 'de-DE'),
  HI: chirp('hi-IN', 'hi-IN'),
  FR: chirp('fr-FR', 'fr-FR'),
  KO: chirp('ko-KR', 'ko-KR'),
  PT: chirp('pt-BR', 'pt-BR'),
  IT: chirp('it-IT', 'it-IT'),
  ES: chirp('es-ES', 'es-ES'),
  ID: chirp('id-ID', 'id-ID'),
  NL: chirp('nl-NL', 'nl-NL'),
  TR: chirp('tr-TR', 'tr-TR'),
  PL: chirp('pl-PL', 'pl-PL'),
  AR: chirp('ar-XA', 'ar-SA'),
  TA: chirp('ta-IN', 'ta-IN'),
  RU: chirp('ru-RU', 'ru-RU'),
  VI: chirp('vi-VN', 'vi-VN'),
  DA: single('da-DK', 'da-DK', 'Polly.Sofie-Neural', 'Polly.Mads'),
  FI: single('fi-FI', 'fi-FI', 'Polly.Suvi-Neural'),
  SV: single('sv-SE', 'sv-SE', 'Polly.Elin-Neural'),
  NO: single('nb-NO', 'nb-NO', 'Polly.Ida-Neural'),
  RO: single('ro-RO', 'ro-RO', 'Polly.Carmen'),
  BG: single('bg-BG', 'bg-BG', 'Google.bg-BG-Standard-A'),
  CS: single('cs-CZ', 'cs-CZ', 'Google.cs-CZ-Standard-A'),
  EL: single('el-GR', 'el-GR', 'Google.el-GR-Standard-A'),
  FIL: single('fil-PH', 'fil-PH', 'Google.fil-PH-Standard-A'),
  HU: single('hu-HU', 'hu-HU', 'Google.hu-HU-Standard-A'),
  MS: single('ms-MY', 'ms-MY', 'Google.ms-MY-Standard-A'),
  SK: single('sk-SK', 'sk-SK', 'Google.sk-SK-Standard-A'),
  UK: single('uk-UA', 'uk-UA', 'Google.uk-UA-Standard-A'),
  // Twilio has no Croatian voice: the Serbian one is the nearest language it speaks; recognition is Croatian.
  HR: single('sr-RS', 'hr-HR', 'Google.sr-RS-Standard-A'),
};

export interface SpeechSettings {
  voice: SayVoice;
  sayLanguage: SayLanguage;
  gatherLanguage: GatherLanguage;
}

/**
 * The voice and languages for an agent: its language (UNDEFINED and unknown codes speak English),
 * and a voice of its `voiceId`'s gender, each agent voice keeping its own where the language has
 * several. No `voiceId` speaks with the language's first female voice.
 */
export function speechSettings(language: string, voiceId: string | null): SpeechSettings {
  const voices = TWILIO_VOICES[runtimeLanguage(language)];
  const male = MALE.indexOf(voiceId as AgentVoice);
  const female = FEMALE.indexOf(voiceId as AgentVoice);
  const [set, index] = male >= 0 ? [voices.male, male] : [voices.female, Math.max(female, 0)];
  const voice = set[index % set.length] ?? voices.female[0] ?? 'woman';
  return { voice, sayLanguage: voices.say, gatherLanguage: voices.gather };
}
