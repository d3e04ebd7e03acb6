import type { Lines } from './lines.ts';

/** German (de-DE). Formal address (Sie), as in any German job interview. */
export const de: Lines = {
  greeting: 'Hallo {candidateName}, ich bin {interviewerName} und führe heute im Auftrag von {companyName} das Interview mit Ihnen.',
  consentNotice:
    'Bevor wir beginnen, ein wichtiger Hinweis: Ich bin ein KI-Interviewer und kein Mensch. Dieses Gespräch wird als Textprotokoll aufgezeichnet, das {companyName} erhält. Ton- und Videoaufnahmen werden nicht gespeichert.',
  howItWorks: 'Das Interview dauert etwa {minutes}. Sie können schriftlich oder per Sprache antworten. Nehmen Sie sich für jede Antwort ruhig Zeit.',
  firstQuestion: 'Dann fangen wir an.',
  nextQuestion: 'Vielen Dank. Kommen wir zur nächsten Frage.',
  lastQuestion: 'Vielen Dank. Nun zur letzten Frage.',
  reprompt: 'Ich habe keine Antwort erhalten. Möchten Sie es noch einmal versuchen? Lassen Sie sich ruhig Zeit.',
  timeNotice: 'Kurzer Hinweis: Wir haben noch etwa {minutes}.',
  nudge: 'Sind Sie noch da? Antworten Sie gern, sobald Sie so weit sind.',
  closing: 'Vielen Dank für Ihre Zeit. Damit ist das Interview beendet. {companyName} wird sich wegen der nächsten Schritte bei Ihnen melden.',
  closingTimeUp: 'Unsere Zeit ist leider um. Vielen Dank für Ihre Antworten. Damit ist das Interview beendet, und {companyName} wird sich bei Ihnen melden.',
  fallbackQuestion: 'Erzählen Sie mir bitte etwas über sich: Ihren Werdegang, Ihre Erfahrung und was Sie an dieser Gelegenheit reizt.',
  outreachInterest: 'Hätten Sie Interesse an einer neuen beruflichen Möglichkeit bei {companyName}?',
  outreachAvailability: 'Ab wann könnten Sie anfangen, und wann hätten Sie Zeit für ein Gespräch mit dem Team?',
  unknownCaller: 'Guten Tag, Sie sind mit der Interview-Hotline von {companyName} verbunden. Leider konnte ich zu dieser Telefonnummer kein Interview finden. Auf Wiederhören.',
  voicemailCallBack: 'Guten Tag, hier ist {companyName} wegen Ihres Interviews. Bitte rufen Sie uns unter dieser Nummer zurück, um das Interview zu führen. Vielen Dank und auf Wiederhören.',

  pageTitle: 'Interview mit {companyName}',
  introHeading: 'Willkommen zu Ihrem Interview',
  introAiNotice:
    'Dieses Interview führt ein KI-Interviewer. Ihre Antworten, ob getippt oder gesprochen, werden zusammen mit den Fragen des Interviewers als Text aufgezeichnet, und dieses Protokoll erhält {companyName}. Ton- und Videoaufnahmen werden nicht gespeichert.',
  introAgent: 'Interview: {agentName}. Dauer: etwa {minutes}.',
  startButton: 'Interview starten',
  answerLabel: 'Ihre Antwort',
  sendButton: 'Senden',
  voiceButton: 'Per Sprache antworten',
  voiceStop: 'Spracheingabe beenden',
  voiceNotice: 'Gesprochene Antworten wandelt die Spracherkennung Ihres Browsers in Text um; dabei kann der Ton auf Servern des Browseranbieters verarbeitet werden.',
  muteButton: 'Interviewer stummschalten',
  unmuteButton: 'Stummschaltung aufheben',
  timeRemaining: 'Verbleibende Zeit: {time}',
  interviewerLabel: 'Interviewer',
  youLabel: 'Sie',
  reconnecting: 'Verbindung unterbrochen. Verbindung wird wiederhergestellt…',
  notOpenYet: 'Dieses Interview ist noch nicht geöffnet. Sie können es ab {time} beginnen.',
  expired: 'Dieser Interview-Link ist abgelaufen. Bitte wenden Sie sich an das Unternehmen, das Sie eingeladen hat.',
  cancelled: 'Dieses Interview wurde abgesagt. Bei Fragen wenden Sie sich bitte an das Unternehmen, das Sie eingeladen hat.',
  finished: 'Vielen Dank! Sie haben dieses Interview bereits abgeschlossen.',
  failed: 'Dieses Interview ist beendet und kann nicht mehr durchgeführt werden.',
  endedHeading: 'Das Interview ist beendet',
  sendFailed: 'Ihre Antwort konnte nicht gesendet werden. Neuer Versuch…',

  minutes: { one: '{count} Minute', other: '{count} Minuten' },
};
