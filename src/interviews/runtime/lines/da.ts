import type { Lines } from './lines.ts';

/** Danish (da-DK). "Du": the address of Danish working life and job interviews ("De" is dated). */
export const da: Lines = {
  greeting: 'Hej {candidateName}, jeg hedder {interviewerName}, og jeg skal interviewe dig i dag på vegne af {companyName}.',
  consentNotice:
    'Før vi begynder, vil jeg gerne sige, at jeg er en AI-interviewer og ikke et menneske. Samtalen gemmes som en tekstudskrift, som {companyName} modtager. Der gemmes hverken lyd eller video.',
  howItWorks: 'Interviewet varer cirka {minutes}. Du kan svare ved at skrive eller tale. Tag dig god tid til hvert svar.',
  firstQuestion: 'Lad os komme i gang.',
  nextQuestion: 'Tak. Så går vi videre til næste spørgsmål.',
  lastQuestion: 'Tak. Nu kommer det sidste spørgsmål.',
  reprompt: 'Jeg modtog ikke noget svar. Der er ingen hast – vil du prøve at svare igen?',
  timeNotice: 'Bare så du ved det: Vi har cirka {minutes} tilbage.',
  nudge: 'Er du der stadig? Du er velkommen til at svare, når du er klar.',
  closing: 'Mange tak for din tid. Interviewet er nu slut. {companyName} kontakter dig om de næste skridt.',
  closingTimeUp: 'Nu er tiden gået. Mange tak for dine svar. Interviewet er slut, og {companyName} kontakter dig.',
  fallbackQuestion: 'Fortæl gerne lidt om dig selv: din baggrund, din erfaring, og hvad der interesserer dig ved denne mulighed.',
  outreachInterest: 'Kunne du være interesseret i en ny mulighed hos {companyName}?',
  outreachAvailability: 'Hvornår vil du kunne starte, og hvornår passer det dig at tale med teamet?',
  unknownCaller: 'Hej, du har ringet til interviewlinjen for {companyName}. Desværre kunne jeg ikke finde noget interview til dette telefonnummer. Farvel.',
  voicemailCallBack: 'Hej, det er {companyName}, der ringer angående dit interview. Ring venligst tilbage til dette nummer for at gennemføre interviewet. Tak, og farvel.',

  pageTitle: 'Interview med {companyName}',
  introHeading: 'Velkommen til dit interview',
  introAiNotice:
    'Dette interview gennemføres af en AI-interviewer. Dine svar, skrevne eller talte, gemmes som tekst sammen med interviewerens spørgsmål, og udskriften deles med {companyName}. Der gemmes hverken lyd eller video.',
  introAgent: 'Interview: {agentName}. Varighed: cirka {minutes}.',
  startButton: 'Start interviewet',
  answerLabel: 'Dit svar',
  sendButton: 'Send',
  voiceButton: 'Svar med stemmen',
  voiceStop: 'Stop stemmeinput',
  voiceNotice: 'Talte svar omdannes til tekst af din browsers talegenkendelse; lyden kan i den forbindelse blive behandlet på browserudbyderens servere.',
  muteButton: 'Slå interviewerens lyd fra',
  unmuteButton: 'Slå interviewerens lyd til',
  timeRemaining: 'Resterende tid: {time}',
  interviewerLabel: 'Interviewer',
  youLabel: 'Du',
  reconnecting: 'Forbindelsen blev afbrudt. Genopretter forbindelsen…',
  notOpenYet: 'Interviewet er ikke åbnet endnu. Du kan starte fra {time}.',
  expired: 'Linket til dette interview er udløbet. Kontakt den virksomhed, der inviterede dig.',
  cancelled: 'Dette interview er aflyst. Kontakt den virksomhed, der inviterede dig, hvis du har spørgsmål.',
  finished: 'Tak! Du har allerede gennemført dette interview.',
  failed: 'Dette interview er afsluttet og kan ikke længere gennemføres.',
  endedHeading: 'Interviewet er slut',
  sendFailed: 'Dit svar kunne ikke sendes. Prøver igen…',

  minutes: { one: '{count} minut', other: '{count} minutter' },
};
