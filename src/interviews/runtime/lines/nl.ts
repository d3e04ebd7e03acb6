import type { Lines } from './lines.ts';

/** Dutch (nl-NL). "U", the polite form for a first conversation with a company. */
export const nl: Lines = {
  greeting: 'Hallo {candidateName}, ik ben {interviewerName} en ik neem vandaag namens {companyName} het interview met u af.',
  consentNotice:
    'Voordat we beginnen: ik ben een AI-interviewer en geen mens. Dit gesprek wordt vastgelegd als tekstverslag, dat {companyName} ontvangt. Er worden geen geluids- of video-opnamen bewaard.',
  howItWorks: 'Het interview duurt ongeveer {minutes}. U kunt antwoorden door te typen of te spreken. Neem voor elk antwoord gerust de tijd.',
  firstQuestion: 'Laten we beginnen.',
  nextQuestion: 'Dank u wel. Dan de volgende vraag.',
  lastQuestion: 'Dank u wel. En dan nu de laatste vraag.',
  reprompt: 'Ik heb geen antwoord ontvangen. Er is geen haast; wilt u het nog eens proberen?',
  timeNotice: 'Ter informatie: we hebben nog ongeveer {minutes}.',
  nudge: 'Bent u er nog? Antwoordt u gerust wanneer u er klaar voor bent.',
  closing: 'Hartelijk dank voor uw tijd. Het interview is hiermee afgelopen. {companyName} neemt contact met u op over de volgende stappen.',
  closingTimeUp: 'Onze tijd is om. Hartelijk dank voor uw antwoorden. Het interview is hiermee afgelopen, en {companyName} neemt contact met u op.',
  fallbackQuestion: 'Vertelt u eens iets over uzelf: uw achtergrond, uw ervaring en waarom deze kans u aanspreekt.',
  outreachInterest: 'Zou u interesse hebben in een nieuwe kans bij {companyName}?',
  outreachAvailability: 'Per wanneer zou u kunnen beginnen, en wanneer komt een gesprek met het team u goed uit?',
  unknownCaller: 'Goedendag, u spreekt met de interviewlijn van {companyName}. Helaas kon ik bij dit telefoonnummer geen interview vinden. Fijne dag verder.',
  voicemailCallBack: 'Goedendag, u wordt gebeld door {companyName} over uw interview. Wilt u ons terugbellen op dit nummer om het interview te voeren? Dank u wel, en tot ziens.',

  pageTitle: 'Interview met {companyName}',
  introHeading: 'Welkom bij uw interview',
  introAiNotice:
    'Dit interview wordt afgenomen door een AI-interviewer. Uw antwoorden, getypt of gesproken, worden samen met de vragen van de interviewer als tekst vastgelegd, en dit verslag wordt gedeeld met {companyName}. Er worden geen geluids- of video-opnamen bewaard.',
  introAgent: 'Interview: {agentName}. Duur: ongeveer {minutes}.',
  startButton: 'Interview starten',
  answerLabel: 'Uw antwoord',
  sendButton: 'Versturen',
  voiceButton: 'Antwoorden met uw stem',
  voiceStop: 'Spraakinvoer stoppen',
  voiceNotice: 'Gesproken antwoorden worden door de spraakherkenning van uw browser omgezet in tekst; daarbij kan het geluid op servers van de browserleverancier worden verwerkt.',
  muteButton: 'Interviewer dempen',
  unmuteButton: 'Geluid van de interviewer aanzetten',
  timeRemaining: 'Resterende tijd: {time}',
  interviewerLabel: 'Interviewer',
  youLabel: 'U',
  reconnecting: 'Verbinding verbroken. Opnieuw verbinden…',
  notOpenYet: 'Dit interview is nog niet geopend. U kunt beginnen vanaf {time}.',
  expired: 'De link naar dit interview is verlopen. Neem contact op met het bedrijf dat u heeft uitgenodigd.',
  cancelled: 'Dit interview is geannuleerd. Hebt u vragen? Neem dan contact op met het bedrijf dat u heeft uitgenodigd.',
  finished: 'Dank u wel! U hebt dit interview al afgerond.',
  failed: 'Dit interview is beëindigd en kan niet meer worden afgenomen.',
  endedHeading: 'Het interview is afgelopen',
  sendFailed: 'Uw antwoord kon niet worden verstuurd. Nieuwe poging…',

  minutes: { one: '{count} minuut', other: '{count} minuten' },
};
