import type { Lines } from './lines.ts';

/** Croatian (hr-HR). Formal "vi" (plural forms). `{minutes}` follows "oko" (genitive). */
export const hr: Lines = {
  greeting: 'Dobar dan, {candidateName}. Ja sam {interviewerName} i danas ću s vama voditi razgovor za posao u ime tvrtke {companyName}.',
  consentNotice:
    'Prije nego što počnemo, važna napomena: ovaj razgovor vodi umjetna inteligencija, a ne čovjek. Razgovor se bilježi kao tekstualni zapis koji će dobiti tvrtka {companyName}. Zvuk i video ne pohranjuju se.',
  howItWorks: 'Razgovor traje oko {minutes}. Možete odgovarati pisanjem ili govorom. Za svaki odgovor slobodno uzmite vremena koliko vam treba.',
  firstQuestion: 'Počnimo.',
  nextQuestion: 'Hvala. Prijeđimo na sljedeće pitanje.',
  lastQuestion: 'Hvala. A sada posljednje pitanje.',
  reprompt: 'Odgovor nije stigao. Ne žurite – pokušajte, molim vas, odgovoriti ponovno.',
  timeNotice: 'Samo da znate: do kraja razgovora ostalo je još oko {minutes}.',
  nudge: 'Jeste li još tu? Odgovorite kada budete spremni.',
  closing: 'Hvala vam lijepa na vremenu. Ovim je razgovor završen. Tvrtka {companyName} javit će vam se u vezi sa sljedećim koracima.',
  closingTimeUp: 'Naše je vrijeme isteklo. Hvala vam lijepa na odgovorima. Razgovor je završen, a tvrtka {companyName} javit će vam se.',
  fallbackQuestion: 'Recite mi nešto o sebi: o svom dosadašnjem putu, iskustvu i o tome što vas zanima u ovoj prilici.',
  outreachInterest: 'Bi li vas zanimala nova poslovna prilika u tvrtki {companyName}?',
  outreachAvailability: 'Od kada biste mogli početi raditi i kada biste imali vremena za razgovor s timom?',
  unknownCaller: 'Dobar dan, ovo je linija za razgovore tvrtke {companyName}. Nažalost, ovom broju telefona nije dodijeljen nijedan razgovor. Doviđenja.',
  voicemailCallBack: 'Dobar dan, zovemo iz tvrtke {companyName} u vezi s vašim razgovorom za posao. Molimo vas da nas nazovete na ovaj broj kako biste obavili razgovor. Hvala i doviđenja.',

  pageTitle: 'Razgovor za posao – {companyName}',
  introHeading: 'Dobro došli na razgovor',
  introAiNotice:
    'Ovaj razgovor vodi umjetna inteligencija. Vaši odgovori, pisani ili izgovoreni, bilježe se kao tekst zajedno s pitanjima, a taj se zapis dijeli s tvrtkom {companyName}. Zvuk i video ne pohranjuju se.',
  introAgent: 'Razgovor: {agentName}. Trajanje: oko {minutes}.',
  startButton: 'Započni razgovor',
  answerLabel: 'Vaš odgovor',
  sendButton: 'Pošalji',
  voiceButton: 'Odgovori glasom',
  voiceStop: 'Zaustavi glasovni unos',
  voiceNotice: 'Izgovorene odgovore u tekst pretvara prepoznavanje govora u vašem pregledniku; pritom se zvuk može obrađivati na poslužiteljima pružatelja preglednika.',
  muteButton: 'Utišaj voditelja razgovora',
  unmuteButton: 'Uključi zvuk voditelja razgovora',
  timeRemaining: 'Preostalo vrijeme: {time}',
  interviewerLabel: 'Voditelj razgovora',
  youLabel: 'Vi',
  reconnecting: 'Veza je prekinuta. Ponovno povezivanje…',
  notOpenYet: 'Ovaj razgovor još nije otvoren. Možete ga započeti od: {time}.',
  expired: 'Poveznica za ovaj razgovor je istekla. Obratite se tvrtki koja vam je poslala pozivnicu.',
  cancelled: 'Ovaj razgovor je otkazan. Ako imate pitanja, obratite se tvrtki koja vam je poslala pozivnicu.',
  finished: 'Hvala! Ovaj razgovor je već završen.',
  failed: 'Ovaj razgovor je završio i više ga nije moguće obaviti.',
  endedHeading: 'Razgovor je završen',
  sendFailed: 'Odgovor nije poslan. Pokušavamo ponovno…',

  // Genitive after "oko": 1 minute, 2 minute, 5 minuta, 21 minute.
  minutes: { one: '{count} minute', few: '{count} minute', other: '{count} minuta' },
};
