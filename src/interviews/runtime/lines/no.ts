import type { Lines } from './lines.ts';

/** Norwegian Bokmål (nb-NO). "Du": the address of Norwegian working life and job interviews ("De" is dated). */
export const no: Lines = {
  greeting: 'Hei {candidateName}, jeg heter {interviewerName}, og jeg skal intervjue deg i dag på vegne av {companyName}.',
  consentNotice:
    'Før vi begynner, vil jeg si at jeg er en AI-intervjuer og ikke et menneske. Samtalen lagres som en tekstutskrift, som {companyName} får. Verken lyd eller video lagres.',
  howItWorks: 'Intervjuet tar omtrent {minutes}. Du kan svare ved å skrive eller snakke. Ta deg god tid med hvert svar.',
  firstQuestion: 'La oss begynne.',
  nextQuestion: 'Takk. Da går vi videre til neste spørsmål.',
  lastQuestion: 'Takk. Nå kommer det siste spørsmålet.',
  reprompt: 'Jeg fikk ikke noe svar. Det haster ikke – vil du prøve å svare igjen?',
  timeNotice: 'Bare så du vet det: Vi har omtrent {minutes} igjen.',
  nudge: 'Er du der fortsatt? Svar gjerne når du er klar.',
  closing: 'Tusen takk for at du tok deg tid. Intervjuet er nå over. {companyName} tar kontakt med deg om de neste stegene.',
  closingTimeUp: 'Nå er tiden ute. Tusen takk for svarene dine. Intervjuet er over, og {companyName} tar kontakt med deg.',
  fallbackQuestion: 'Fortell gjerne litt om deg selv: bakgrunnen din, erfaringen din og hva som interesserer deg ved denne muligheten.',
  outreachInterest: 'Kunne du være interessert i en ny mulighet hos {companyName}?',
  outreachAvailability: 'Når kan du begynne, og når passer det for deg å snakke med teamet?',
  unknownCaller: 'Hei, du har ringt intervjulinjen til {companyName}. Dessverre fant jeg ikke noe intervju for dette telefonnummeret. Ha det bra.',
  voicemailCallBack: 'Hei, dette er {companyName}, som ringer angående intervjuet ditt. Vennligst ring tilbake til dette nummeret for å gjennomføre intervjuet. Takk, og ha det bra.',

  pageTitle: 'Intervju med {companyName}',
  introHeading: 'Velkommen til intervjuet ditt',
  introAiNotice:
    'Dette intervjuet gjennomføres av en AI-intervjuer. Svarene dine, skrevne eller muntlige, lagres som tekst sammen med intervjuerens spørsmål, og utskriften deles med {companyName}. Verken lyd eller video lagres.',
  introAgent: 'Intervju: {agentName}. Varighet: omtrent {minutes}.',
  startButton: 'Start intervjuet',
  answerLabel: 'Svaret ditt',
  sendButton: 'Send',
  voiceButton: 'Svar med stemmen',
  voiceStop: 'Stopp stemmeinndata',
  voiceNotice: 'Muntlige svar gjøres om til tekst av nettleserens talegjenkjenning; lyden kan da bli behandlet på serverne til nettleserleverandøren.',
  muteButton: 'Slå av intervjuerens lyd',
  unmuteButton: 'Slå på intervjuerens lyd',
  timeRemaining: 'Gjenstående tid: {time}',
  interviewerLabel: 'Intervjuer',
  youLabel: 'Du',
  reconnecting: 'Tilkoblingen ble brutt. Kobler til på nytt…',
  notOpenYet: 'Intervjuet er ikke åpnet ennå. Du kan starte fra {time}.',
  expired: 'Lenken til dette intervjuet er utløpt. Ta kontakt med bedriften som inviterte deg.',
  cancelled: 'Dette intervjuet er avlyst. Ta kontakt med bedriften som inviterte deg hvis du har spørsmål.',
  finished: 'Takk! Du har allerede gjennomført dette intervjuet.',
  failed: 'Dette intervjuet er avsluttet og kan ikke lenger gjennomføres.',
  endedHeading: 'Intervjuet er over',
  sendFailed: 'Svaret ditt kunne ikke sendes. Prøver igjen…',

  minutes: { one: '{count} minutt', other: '{count} minutter' },
};
