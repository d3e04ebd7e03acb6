import type { Lines } from './lines.ts';

/**
 * French (fr-FR). Vouvoiement. No adjective that agrees with the candidate's gender (unknown),
 * no "de {companyName}" (elision depends on the name). A no-break space (\u00a0) precedes
 * « ? ! : », as French typography wants, so the sign never wraps onto a line of its own.
 */
export const fr: Lines = {
  greeting: 'Bonjour {candidateName}, je suis {interviewerName} et je vais mener votre entretien aujourd’hui pour {companyName}.',
  consentNotice:
    'Avant de commencer, je vous précise que cet entretien est mené par une intelligence artificielle, et non par une personne. Il est enregistré sous forme de transcription écrite, que {companyName} recevra. Aucun enregistrement audio ou vidéo n’est conservé.',
  howItWorks: 'L’entretien dure environ {minutes}. Vous pouvez répondre par écrit ou à l’oral. Prenez le temps qu’il vous faut pour chaque réponse.',
  firstQuestion: 'Commençons.',
  nextQuestion: 'Merci. Passons à la question suivante.',
  lastQuestion: 'Merci. Voici maintenant la dernière question.',
  reprompt: 'Je n’ai reçu aucune réponse. Rien ne presse\u00a0: pourriez-vous essayer de répondre, s’il vous plaît\u00a0?',
  timeNotice: 'Pour information, il nous reste environ {minutes}.',
  nudge: 'Êtes-vous toujours là\u00a0? Vous pouvez répondre quand vous le souhaitez.',
  closing: 'Merci beaucoup pour votre temps. L’entretien est terminé. {companyName} vous recontactera pour la suite.',
  closingTimeUp: 'Le temps imparti est écoulé. Merci beaucoup pour vos réponses. L’entretien est terminé, et {companyName} vous recontactera.',
  fallbackQuestion: 'Pourriez-vous vous présenter en quelques mots\u00a0: votre parcours, votre expérience et ce qui vous intéresse dans cette opportunité\u00a0?',
  outreachInterest: 'Une nouvelle opportunité chez {companyName} pourrait-elle vous intéresser\u00a0?',
  outreachAvailability: 'À partir de quand pourriez-vous commencer, et quand seriez-vous disponible pour un échange avec l’équipe\u00a0?',
  unknownCaller: 'Bonjour, ici {companyName}. Malheureusement, aucun entretien n’est associé à ce numéro de téléphone. Au revoir.',
  voicemailCallBack: 'Bonjour, ici {companyName}. Nous vous appelons au sujet de votre entretien. Pour le passer, veuillez nous rappeler à ce numéro. Merci, et au revoir.',

  pageTitle: 'Entretien avec {companyName}',
  introHeading: 'Bienvenue à votre entretien',
  introAiNotice:
    'Cet entretien est mené par une intelligence artificielle. Vos réponses, écrites ou orales, sont enregistrées sous forme de texte avec les questions posées, et cette transcription est transmise à {companyName}. Aucun enregistrement audio ou vidéo n’est conservé.',
  introAgent: 'Entretien\u00a0: {agentName}. Durée\u00a0: environ {minutes}.',
  startButton: 'Commencer l’entretien',
  answerLabel: 'Votre réponse',
  sendButton: 'Envoyer',
  voiceButton: 'Répondre à l’oral',
  voiceStop: 'Arrêter la saisie vocale',
  voiceNotice:
    'La reconnaissance vocale de votre navigateur convertit vos réponses orales en texte\u00a0; l’audio peut alors être traité sur les serveurs de l’éditeur du navigateur.',
  muteButton: 'Couper le son de l’intervieweur',
  unmuteButton: 'Rétablir le son de l’intervieweur',
  timeRemaining: 'Temps restant\u00a0: {time}',
  interviewerLabel: 'Intervieweur',
  youLabel: 'Vous',
  reconnecting: 'Connexion perdue. Reconnexion en cours…',
  notOpenYet: 'Cet entretien n’est pas encore ouvert. Ouverture\u00a0: {time}.',
  expired: 'Le lien de cet entretien a expiré. Veuillez contacter l’entreprise à l’origine de l’invitation.',
  cancelled: 'Cet entretien a été annulé. Pour toute question, veuillez contacter l’entreprise à l’origine de l’invitation.',
  finished: 'Merci\u00a0! Vous avez déjà terminé cet entretien.',
  failed: 'Cet entretien est terminé et ne peut plus être passé.',
  endedHeading: 'L’entretien est terminé',
  sendFailed: 'Votre réponse n’a pas pu être envoyée. Nouvelle tentative…',

  minutes: { one: '{count} minute', many: '{count} de minutes', other: '{count} minutes' },
};
