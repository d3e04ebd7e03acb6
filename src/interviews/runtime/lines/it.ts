import type { Lines } from './lines.ts';

/** Italian (it-IT). Formal address (Lei), no adjective that agrees with the candidate's gender. */
export const it: Lines = {
  greeting: 'Buongiorno {candidateName}, sono {interviewerName} e oggi condurrò il suo colloquio per conto di {companyName}.',
  consentNotice:
    'Prima di iniziare, una precisazione importante: questo colloquio è condotto da un’intelligenza artificiale, non da una persona. Viene registrato come trascrizione testuale, che verrà inviata a {companyName}. Non viene conservato alcun audio o video.',
  howItWorks: 'Il colloquio durerà circa {minutes}. Può rispondere scrivendo o parlando. Si prenda tutto il tempo che le serve per ogni risposta.',
  firstQuestion: 'Cominciamo.',
  nextQuestion: 'Grazie. Passiamo alla prossima domanda.',
  lastQuestion: 'Grazie. E ora l’ultima domanda.',
  reprompt: 'Non ho ricevuto alcuna risposta. Non c’è fretta: potrebbe provare a rispondere, per favore?',
  timeNotice: 'Le segnalo che il tempo rimasto è di circa {minutes}.',
  nudge: 'È ancora lì? Risponda pure quando vuole.',
  closing: 'La ringrazio molto per il suo tempo. Il colloquio è terminato. {companyName} la contatterà per i prossimi passi.',
  closingTimeUp: 'Il tempo a nostra disposizione è finito. La ringrazio molto per le sue risposte. Il colloquio è concluso e {companyName} la contatterà.',
  fallbackQuestion: 'Mi parli un po’ di sé: il suo percorso, la sua esperienza e che cosa la interessa di questa opportunità.',
  outreachInterest: 'Le interesserebbe una nuova opportunità professionale presso {companyName}?',
  outreachAvailability: 'Da quando potrebbe iniziare, e quando sarebbe disponibile per un colloquio con il team?',
  unknownCaller: 'Buongiorno, ha raggiunto la linea dei colloqui di {companyName}. Purtroppo non ho trovato alcun colloquio per questo numero di telefono. Arrivederci.',
  voicemailCallBack: 'Buongiorno, la chiamiamo da parte di {companyName} per il suo colloquio. Per svolgerlo, la preghiamo di richiamare questo numero. Grazie e arrivederci.',

  pageTitle: 'Colloquio con {companyName}',
  introHeading: 'Le diamo il benvenuto al colloquio',
  introAiNotice:
    'Questo colloquio è condotto da un intervistatore basato sull’intelligenza artificiale. Le sue risposte, scritte o parlate, vengono registrate come testo insieme alle domande dell’intervistatore, e questa trascrizione viene condivisa con {companyName}. Non viene conservato alcun audio o video.',
  introAgent: 'Colloquio: {agentName}. Durata: circa {minutes}.',
  startButton: 'Inizia il colloquio',
  answerLabel: 'La sua risposta',
  sendButton: 'Invia',
  voiceButton: 'Rispondi a voce',
  voiceStop: 'Interrompi l’input vocale',
  voiceNotice: 'Il riconoscimento vocale del browser trasforma le risposte parlate in testo; in questo processo l’audio può essere elaborato sui server del fornitore del browser.',
  muteButton: 'Disattiva l’audio dell’intervistatore',
  unmuteButton: 'Riattiva l’audio dell’intervistatore',
  timeRemaining: 'Tempo rimanente: {time}',
  interviewerLabel: 'Intervistatore',
  youLabel: 'Lei',
  reconnecting: 'Connessione persa. Riconnessione in corso…',
  notOpenYet: 'Questo colloquio non è ancora aperto. Apertura: {time}.',
  expired: 'Il link di questo colloquio è scaduto. La preghiamo di contattare l’azienda che le ha inviato l’invito.',
  cancelled: 'Questo colloquio è stato annullato. Per qualsiasi domanda, contatti l’azienda che le ha inviato l’invito.',
  finished: 'Grazie! Ha già completato questo colloquio.',
  failed: 'Questo colloquio è terminato e non può più essere svolto.',
  endedHeading: 'Il colloquio è terminato',
  sendFailed: 'Non è stato possibile inviare la risposta. Nuovo tentativo in corso…',

  minutes: { one: '{count} minuto', many: '{count} di minuti', other: '{count} minuti' },
};
