import type { Lines } from './lines.ts';

/** Spanish (es-ES voice; neutral Spanish text that reads well in Latin America too). Usted, no gendered adjectives. */
export const es: Lines = {
  greeting: 'Hola, {candidateName}. Soy {interviewerName} y hoy realizaré su entrevista en nombre de {companyName}.',
  consentNotice:
    'Antes de empezar, le informo de que esta entrevista la realiza una inteligencia artificial, no una persona. Se registra como una transcripción de texto que recibirá {companyName}. No se guarda ningún audio ni vídeo.',
  howItWorks: 'La entrevista durará aproximadamente {minutes}. Puede responder por escrito o de viva voz. Tómese el tiempo que necesite para cada respuesta.',
  firstQuestion: 'Empecemos.',
  nextQuestion: 'Gracias. Pasemos a la siguiente pregunta.',
  lastQuestion: 'Gracias. Y ahora, la última pregunta.',
  reprompt: 'No he recibido ninguna respuesta. No hay prisa; ¿podría intentar responder, por favor?',
  timeNotice: 'Para su información, el tiempo restante es de aproximadamente {minutes}.',
  nudge: '¿Sigue ahí? Puede responder cuando quiera.',
  closing: 'Muchas gracias por su tiempo. Aquí termina la entrevista. {companyName} se pondrá en contacto con usted para los próximos pasos.',
  closingTimeUp: 'Se nos ha acabado el tiempo. Muchas gracias por sus respuestas. Aquí termina la entrevista; {companyName} se pondrá en contacto con usted.',
  fallbackQuestion: 'Hábleme un poco de usted: su trayectoria, su experiencia y qué le interesa de esta oportunidad.',
  outreachInterest: '¿Le interesaría una nueva oportunidad profesional en {companyName}?',
  outreachAvailability: '¿Cuándo podría incorporarse y cuándo tendría disponibilidad para una conversación con el equipo?',
  unknownCaller: 'Hola, ha llamado a la línea de entrevistas de {companyName}. Lo sentimos, no hemos encontrado ninguna entrevista para este número de teléfono. Adiós.',
  voicemailCallBack: 'Hola, le llamamos de {companyName} en relación con su entrevista. Para realizarla, devuélvanos la llamada a este número, por favor. Gracias y hasta pronto.',

  pageTitle: 'Entrevista con {companyName}',
  introHeading: 'Le damos la bienvenida a su entrevista',
  introAiNotice:
    'Esta entrevista la realiza un entrevistador de inteligencia artificial. Sus respuestas, escritas o habladas, se registran como texto junto con las preguntas del entrevistador, y esta transcripción se comparte con {companyName}. No se guarda ningún audio ni vídeo.',
  introAgent: 'Entrevista: {agentName}. Duración: aproximadamente {minutes}.',
  startButton: 'Comenzar la entrevista',
  answerLabel: 'Su respuesta',
  sendButton: 'Enviar',
  voiceButton: 'Responder por voz',
  voiceStop: 'Detener la entrada de voz',
  voiceNotice: 'El reconocimiento de voz de su navegador convierte las respuestas habladas en texto; para ello, el audio puede procesarse en los servidores del proveedor del navegador.',
  muteButton: 'Silenciar al entrevistador',
  unmuteButton: 'Activar el sonido del entrevistador',
  timeRemaining: 'Tiempo restante: {time}',
  interviewerLabel: 'Entrevistador',
  youLabel: 'Usted',
  reconnecting: 'Se ha perdido la conexión. Reconectando…',
  notOpenYet: 'Esta entrevista todavía no está abierta. Apertura: {time}.',
  expired: 'El enlace de esta entrevista ha caducado. Póngase en contacto con la empresa que le invitó.',
  cancelled: 'Esta entrevista se ha cancelado. Si tiene alguna pregunta, póngase en contacto con la empresa que le invitó.',
  finished: '¡Gracias! Ya ha completado esta entrevista.',
  failed: 'Esta entrevista ha finalizado y ya no se puede realizar.',
  endedHeading: 'La entrevista ha terminado',
  sendFailed: 'No se ha podido enviar su respuesta. Reintentando…',

  minutes: { one: '{count} minuto', many: '{count} de minutos', other: '{count} minutos' },
};
