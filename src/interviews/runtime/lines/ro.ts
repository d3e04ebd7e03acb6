import type { Lines } from './lines.ts';

/** Romanian (ro-RO). "Dumneavoastră". Letters ș and ț with the comma below, never the cedilla. */
export const ro: Lines = {
  greeting: 'Bună ziua, {candidateName}! Mă numesc {interviewerName} și astăzi voi realiza interviul cu dumneavoastră în numele companiei {companyName}.',
  consentNotice:
    'Înainte să începem, o precizare importantă: acest interviu este realizat de o inteligență artificială, nu de un om. Interviul este înregistrat sub formă de transcriere text, pe care o va primi compania {companyName}. Nu se păstrează înregistrări audio sau video.',
  howItWorks: 'Interviul va dura aproximativ {minutes}. Puteți răspunde în scris sau vorbind. Acordați-vă tot timpul de care aveți nevoie pentru fiecare răspuns.',
  firstQuestion: 'Să începem.',
  nextQuestion: 'Vă mulțumesc. Trecem la următoarea întrebare.',
  lastQuestion: 'Vă mulțumesc. Acum, ultima întrebare.',
  reprompt: 'Nu am primit niciun răspuns. Nu vă grăbiți – vă rog să încercați să răspundeți din nou.',
  timeNotice: 'Vă informez că mai avem aproximativ {minutes}.',
  nudge: 'Mai sunteți acolo? Puteți răspunde oricând doriți.',
  closing: 'Vă mulțumesc mult pentru timpul acordat. Interviul s-a încheiat. Compania {companyName} vă va contacta în legătură cu pașii următori.',
  closingTimeUp: 'Timpul alocat a expirat. Vă mulțumesc mult pentru răspunsuri. Interviul s-a încheiat, iar compania {companyName} vă va contacta.',
  fallbackQuestion: 'Vă rog să-mi spuneți câte ceva despre dumneavoastră: parcursul, experiența și ce vă interesează la această oportunitate.',
  outreachInterest: 'V-ar interesa o nouă oportunitate profesională la compania {companyName}?',
  outreachAvailability: 'De când ați putea începe și când v-ar fi convenabil să aveți o discuție cu echipa?',
  unknownCaller: 'Bună ziua, ați sunat la linia de interviuri a companiei {companyName}. Din păcate, nu am găsit niciun interviu pentru acest număr de telefon. La revedere.',
  voicemailCallBack: 'Bună ziua, vă sunăm din partea companiei {companyName} în legătură cu interviul dumneavoastră. Vă rugăm să ne sunați înapoi la acest număr pentru a susține interviul. Vă mulțumim și la revedere.',

  pageTitle: 'Interviu cu {companyName}',
  introHeading: 'Bine ați venit la interviu',
  introAiNotice:
    'Acest interviu este realizat de un intervievator bazat pe inteligență artificială. Răspunsurile dumneavoastră, scrise sau rostite, sunt înregistrate ca text împreună cu întrebările intervievatorului, iar această transcriere este transmisă companiei {companyName}. Nu se păstrează înregistrări audio sau video.',
  introAgent: 'Interviu: {agentName}. Durată: aproximativ {minutes}.',
  startButton: 'Începeți interviul',
  answerLabel: 'Răspunsul dumneavoastră',
  sendButton: 'Trimiteți',
  voiceButton: 'Răspundeți vocal',
  voiceStop: 'Opriți introducerea vocală',
  voiceNotice: 'Răspunsurile rostite sunt transformate în text de funcția de recunoaștere vocală a browserului; în acest timp, sunetul poate fi procesat pe serverele furnizorului browserului.',
  muteButton: 'Opriți sunetul intervievatorului',
  unmuteButton: 'Porniți sunetul intervievatorului',
  timeRemaining: 'Timp rămas: {time}',
  interviewerLabel: 'Intervievator',
  youLabel: 'Dumneavoastră',
  reconnecting: 'Conexiunea s-a întrerupt. Se reconectează…',
  notOpenYet: 'Acest interviu nu este încă deschis. Deschidere: {time}.',
  expired: 'Linkul acestui interviu a expirat. Vă rugăm să contactați compania care v-a invitat.',
  cancelled: 'Acest interviu a fost anulat. Dacă aveți întrebări, vă rugăm să contactați compania care v-a invitat.',
  finished: 'Vă mulțumim! Ați finalizat deja acest interviu.',
  failed: 'Acest interviu s-a încheiat și nu mai poate fi susținut.',
  endedHeading: 'Interviul s-a încheiat',
  sendFailed: 'Răspunsul nu a putut fi trimis. Se încearcă din nou…',

  // 1 minut, 2–19 minute, 20 de minute (and 101–119 again without "de").
  minutes: { one: '{count} minut', few: '{count} minute', other: '{count} de minute' },
};
