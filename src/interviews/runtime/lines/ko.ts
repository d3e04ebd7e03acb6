import type { Lines } from './lines.ts';

/**
 * Korean (ko-KR). 존댓말 (합니다체 with polite requests). Particles whose form depends on the
 * preceding sound (은/는, 이/가, 을/를, 와/과) never follow a placeholder; 의, 에, 에서 and 님 do.
 */
export const ko: Lines = {
  greeting: '{candidateName}님, 안녕하세요. {companyName}의 면접을 맡은 {interviewerName}입니다. 오늘 잘 부탁드립니다.',
  consentNotice:
    '시작하기 전에 안내해 드립니다. 저는 사람이 아닌 AI 면접관입니다. 이 면접은 텍스트 기록으로 저장되며, 이 기록은 {companyName}에 제공됩니다. 음성이나 영상은 저장되지 않습니다.',
  howItWorks: '면접은 약 {minutes} 동안 진행됩니다. 입력하거나 말씀하셔서 답변하실 수 있습니다. 각 질문에 천천히 답변해 주세요.',
  firstQuestion: '그럼 시작하겠습니다.',
  nextQuestion: '감사합니다. 다음 질문입니다.',
  lastQuestion: '감사합니다. 이제 마지막 질문입니다.',
  reprompt: '답변을 받지 못했습니다. 서두르지 않으셔도 되니, 다시 한번 답변해 주시겠어요?',
  timeNotice: '참고로, 남은 시간은 약 {minutes}입니다.',
  nudge: '아직 계신가요? 준비되시면 언제든지 답변해 주세요.',
  closing: '귀한 시간 내어 주셔서 정말 감사합니다. 이것으로 면접을 마치겠습니다. 다음 단계에 대해서는 {companyName}에서 연락드릴 예정입니다.',
  closingTimeUp: '정해진 면접 시간이 모두 끝났습니다. 답변해 주셔서 정말 감사합니다. 이것으로 면접을 마치며, {companyName}에서 연락드릴 예정입니다.',
  fallbackQuestion: '먼저 자기소개를 부탁드립니다. 지금까지의 경력과 경험, 그리고 이번 기회에 관심을 가지신 이유를 말씀해 주세요.',
  outreachInterest: '{companyName}의 새로운 채용 기회에 관심이 있으신가요?',
  outreachAvailability: '언제부터 근무를 시작하실 수 있나요? 그리고 팀과의 대화는 언제가 편하신가요?',
  unknownCaller: '안녕하세요, {companyName} 면접 전용 회선입니다. 죄송하지만 이 전화번호로 예정된 면접을 찾을 수 없습니다. 감사합니다.',
  voicemailCallBack: '안녕하세요, 면접 관련하여 {companyName}에서 연락드렸습니다. 면접을 진행하시려면 이 번호로 다시 전화해 주세요. 감사합니다.',

  pageTitle: '{companyName} 면접',
  introHeading: '면접에 오신 것을 환영합니다',
  introAiNotice:
    '이 면접은 AI 면접관이 진행합니다. 입력하거나 말씀하신 답변은 면접관의 질문과 함께 텍스트로 기록되며, 이 기록은 {companyName}에 제공됩니다. 음성이나 영상은 저장되지 않습니다.',
  introAgent: '면접: {agentName}. 소요 시간: 약 {minutes}.',
  startButton: '면접 시작',
  answerLabel: '답변',
  sendButton: '보내기',
  voiceButton: '음성으로 답변',
  voiceStop: '음성 입력 중지',
  voiceNotice: '음성 답변은 브라우저의 음성 인식 기능을 통해 텍스트로 변환되며, 이 과정에서 음성이 브라우저 제공업체의 서버에서 처리될 수 있습니다.',
  muteButton: '면접관 음성 끄기',
  unmuteButton: '면접관 음성 켜기',
  timeRemaining: '남은 시간: {time}',
  interviewerLabel: '면접관',
  youLabel: '본인',
  reconnecting: '연결이 끊어졌습니다. 다시 연결하는 중…',
  notOpenYet: '이 면접은 아직 시작할 수 없습니다. {time}부터 시작하실 수 있습니다.',
  expired: '이 면접 링크는 만료되었습니다. 초대한 회사에 문의해 주세요.',
  cancelled: '이 면접은 취소되었습니다. 궁금한 점이 있으시면 초대한 회사에 문의해 주세요.',
  finished: '감사합니다! 이 면접은 이미 완료하셨습니다.',
  failed: '이 면접은 종료되어 더 이상 응시하실 수 없습니다.',
  endedHeading: '면접이 종료되었습니다',
  sendFailed: '답변을 보내지 못했습니다. 다시 시도하는 중…',

  minutes: { other: '{count}분' },
};
