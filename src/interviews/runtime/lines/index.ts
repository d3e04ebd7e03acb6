import type { AgentLanguage } from '../languages.ts';
import type { Lines } from './lines.ts';
import { ar } from './ar.ts';
import { bg } from './bg.ts';
import { cs } from './cs.ts';
import { da } from './da.ts';
import { de } from './de.ts';
import { el } from './el.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fi } from './fi.ts';
import { fil } from './fil.ts';
import { fr } from './fr.ts';
import { hi } from './hi.ts';
import { hr } from './hr.ts';
import { hu } from './hu.ts';
import { id } from './id.ts';
import { it } from './it.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { ms } from './ms.ts';
import { nl } from './nl.ts';
import { no } from './no.ts';
import { pl } from './pl.ts';
import { pt } from './pt.ts';
import { ro } from './ro.ts';
import { ru } from './ru.ts';
import { sk } from './sk.ts';
import { sv } from './sv.ts';
import { ta } from './ta.ts';
import { tr } from './tr.ts';
import { uk } from './uk.ts';
import { vi } from './vi.ts';
import { zh } from './zh.ts';

/** The fixed lines of every agent language (use `linesFor()` for a code that may be UNDEFINED). */
export const LINES: { readonly [code in AgentLanguage]: Lines } = {
  EN: en, JA: ja, ZH: zh, DE: de, HI: hi, FR: fr, KO: ko, PT: pt, IT: it, ES: es, ID: id,
  NL: nl, TR: tr, FIL: fil, PL: pl, SV: sv, BG: bg, RO: ro, AR: ar, CS: cs, EL: el, FI: fi,
  HR: hr, MS: ms, SK: sk, DA: da, TA: ta, UK: uk, RU: ru, HU: hu, NO: no, VI: vi,
};
