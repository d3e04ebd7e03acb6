import type { Lines } from './lines.ts';

/** Swedish (sv-SE). "Du": Swedish working life, job interviews included, says du; "ni" sounds distant or dated. */
export const sv: Lines = {
  greeting: 'Hej {candidateName}, jag heter {interviewerName} och jag ska intervjua dig i dag för {companyName}.',
  consentNotice:
    'Innan vi börjar vill jag säga att jag är en AI-intervjuare, inte en människa. Samtalet sparas som en textutskrift som {companyName} kommer att få. Inget ljud eller video sparas.',
  howItWorks: 'Intervjun tar ungefär {minutes}. Du kan svara genom att skriva eller tala. Ta den tid du behöver för varje svar.',
  firstQuestion: 'Då sätter vi igång.',
  nextQuestion: 'Tack. Då går vi vidare till nästa fråga.',
  lastQuestion: 'Tack. Nu kommer den sista frågan.',
  reprompt: 'Jag fick inget svar. Det är ingen brådska – vill du försöka svara igen?',
  timeNotice: 'Bara så att du vet: vi har ungefär {minutes} kvar.',
  nudge: 'Är du kvar? Svara gärna när du är redo.',
  closing: 'Tack så mycket för din tid. Intervjun är nu slut. {companyName} hör av sig till dig om nästa steg.',
  closingTimeUp: 'Nu är tiden slut. Tack så mycket för dina svar. Intervjun är avslutad, och {companyName} hör av sig till dig.',
  fallbackQuestion: 'Berätta gärna lite om dig själv: din bakgrund, din erfarenhet och vad som lockar dig med den här möjligheten.',
  outreachInterest: 'Skulle du vara intresserad av en ny möjlighet hos {companyName}?',
  outreachAvailability: 'När skulle du kunna börja, och när passar det dig att prata med teamet?',
  unknownCaller: 'Hej, du har kommit till intervjulinjen för {companyName}. Tyvärr hittade jag ingen intervju för det här telefonnumret. Hej då.',
  voicemailCallBack: 'Hej, det här är {companyName} som ringer om din intervju. Ring gärna tillbaka till det här numret för att göra intervjun. Tack och hej då.',

  pageTitle: 'Intervju med {companyName}',
  introHeading: 'Välkommen till din intervju',
  introAiNotice:
    'Den här intervjun genomförs av en AI-intervjuare. Dina svar, skrivna eller talade, sparas som text tillsammans med intervjuarens frågor, och utskriften delas med {companyName}. Inget ljud eller video sparas.',
  introAgent: 'Intervju: {agentName}. Längd: ungefär {minutes}.',
  startButton: 'Starta intervjun',
  answerLabel: 'Ditt svar',
  sendButton: 'Skicka',
  voiceButton: 'Svara med rösten',
  voiceStop: 'Stoppa röstinmatningen',
  voiceNotice: 'Talade svar omvandlas till text av webbläsarens taligenkänning; då kan ljudet behandlas på webbläsarleverantörens servrar.',
  muteButton: 'Stäng av intervjuarens ljud',
  unmuteButton: 'Slå på intervjuarens ljud',
  timeRemaining: 'Återstående tid: {time}',
  interviewerLabel: 'Intervjuare',
  youLabel: 'Du',
  reconnecting: 'Anslutningen bröts. Ansluter igen…',
  notOpenYet: 'Intervjun har inte öppnat än. Du kan börja från och med {time}.',
  expired: 'Länken till den här intervjun har gått ut. Kontakta företaget som bjöd in dig.',
  cancelled: 'Den här intervjun har ställts in. Kontakta företaget som bjöd in dig om du har frågor.',
  finished: 'Tack! Du har redan genomfört den här intervjun.',
  failed: 'Den här intervjun är avslutad och kan inte längre genomföras.',
  endedHeading: 'Intervjun är avslutad',
  sendFailed: 'Det gick inte att skicka ditt svar. Försöker igen…',

  minutes: { one: '{count} minut', other: '{count} minuter' },
};
