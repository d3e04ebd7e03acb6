import type { Lines } from './lines.ts';

/**
 * Portuguese (pt-BR: Brazilian spelling and vocabulary). "Você", the neutral polite address of
 * Brazilian business; no word that agrees with the speaker's or the candidate's gender (so
 * "Agradeço" rather than "Obrigado/Obrigada"), and "a empresa {companyName}" so that no
 * contraction (da/do, na/no) has to guess the name's gender.
 */
export const pt: Lines = {
  greeting: 'Olá, {candidateName}. Eu sou {interviewerName} e hoje vou conduzir a sua entrevista em nome da empresa {companyName}.',
  consentNotice:
    'Antes de começarmos, um aviso importante: esta entrevista é conduzida por uma inteligência artificial, não por uma pessoa. Ela é registrada como uma transcrição em texto, que a empresa {companyName} vai receber. Nenhum áudio ou vídeo é armazenado.',
  howItWorks: 'A entrevista vai durar cerca de {minutes}. Você pode responder digitando ou falando. Leve o tempo que precisar em cada resposta.',
  firstQuestion: 'Vamos começar.',
  nextQuestion: 'Agradeço. Vamos para a próxima pergunta.',
  lastQuestion: 'Agradeço. Agora, a última pergunta.',
  reprompt: 'Não recebi nenhuma resposta. Sem pressa: você poderia tentar responder, por favor?',
  timeNotice: 'Só um aviso: o tempo restante é de cerca de {minutes}.',
  nudge: 'Você ainda está aí? Responda quando quiser.',
  closing: 'Agradecemos muito o seu tempo. A entrevista termina aqui. A empresa {companyName} vai entrar em contato com você sobre os próximos passos.',
  closingTimeUp: 'Nosso tempo chegou ao fim. Agradecemos muito as suas respostas. A entrevista termina aqui, e a empresa {companyName} vai entrar em contato com você.',
  fallbackQuestion: 'Fale um pouco sobre você: sua trajetória, sua experiência e o que desperta o seu interesse nesta oportunidade.',
  outreachInterest: 'Você teria interesse em uma nova oportunidade na empresa {companyName}?',
  outreachAvailability: 'A partir de quando você poderia começar, e quando teria disponibilidade para uma conversa com a equipe?',
  unknownCaller: 'Olá, você ligou para a linha de entrevistas da empresa {companyName}. Infelizmente, não encontramos nenhuma entrevista para este número de telefone. Até logo.',
  voicemailCallBack: 'Olá, aqui é da empresa {companyName}, sobre a sua entrevista. Por favor, retorne a ligação para este número para fazer a entrevista. Agradecemos, e até logo.',

  pageTitle: 'Entrevista: {companyName}',
  introHeading: 'Boas-vindas à sua entrevista',
  introAiNotice:
    'Esta entrevista é conduzida por um entrevistador de inteligência artificial. Suas respostas, digitadas ou faladas, são registradas em texto junto com as perguntas do entrevistador, e essa transcrição é compartilhada com a empresa {companyName}. Nenhum áudio ou vídeo é armazenado.',
  introAgent: 'Entrevista: {agentName}. Duração: cerca de {minutes}.',
  startButton: 'Iniciar a entrevista',
  answerLabel: 'Sua resposta',
  sendButton: 'Enviar',
  voiceButton: 'Responder por voz',
  voiceStop: 'Parar a entrada de voz',
  voiceNotice: 'O reconhecimento de voz do seu navegador converte as respostas faladas em texto; para isso, o áudio pode ser processado nos servidores do fornecedor do navegador.',
  muteButton: 'Silenciar o entrevistador',
  unmuteButton: 'Reativar o som do entrevistador',
  timeRemaining: 'Tempo restante: {time}',
  interviewerLabel: 'Entrevistador',
  youLabel: 'Você',
  reconnecting: 'Conexão perdida. Reconectando…',
  notOpenYet: 'Esta entrevista ainda não está aberta. Abertura: {time}.',
  expired: 'O link desta entrevista expirou. Entre em contato com a empresa que enviou o convite.',
  cancelled: 'Esta entrevista foi cancelada. Se tiver alguma dúvida, entre em contato com a empresa que enviou o convite.',
  finished: 'Agradecemos a sua participação! Esta entrevista já foi concluída.',
  failed: 'Esta entrevista foi encerrada e não pode mais ser realizada.',
  endedHeading: 'A entrevista foi encerrada',
  sendFailed: 'Não foi possível enviar sua resposta. Tentando novamente…',

  minutes: { one: '{count} minuto', many: '{count} de minutos', other: '{count} minutos' },
};
