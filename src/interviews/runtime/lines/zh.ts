import type { Lines } from './lines.ts';

/** Chinese (zh-CN: Mandarin, Simplified characters). 您 throughout, as in a formal interview. */
export const zh: Lines = {
  greeting: '{candidateName}，您好！我是{interviewerName}，今天将代表{companyName}与您进行面试。',
  consentNotice:
    '开始之前，请您知悉：我是AI面试官，不是真人。本次面试将以文字记录的形式保存，并提供给{companyName}。我们不会保存任何音频或视频。',
  howItWorks: '本次面试大约需要{minutes}。您可以通过打字或语音作答。回答每个问题时都不必着急。',
  firstQuestion: '我们开始吧。',
  nextQuestion: '谢谢。下面是下一个问题。',
  lastQuestion: '谢谢。现在是最后一个问题。',
  reprompt: '我没有收到您的回答。不用着急，请您再试着回答一下。',
  timeNotice: '提醒您一下，我们还剩大约{minutes}。',
  nudge: '您还在吗？准备好后随时可以回答。',
  closing: '非常感谢您抽出宝贵的时间。本次面试到此结束。{companyName}会就后续安排与您联系。',
  closingTimeUp: '时间到了。非常感谢您的回答。本次面试到此结束，{companyName}会与您联系。',
  fallbackQuestion: '请您简单介绍一下自己：您的背景、经历，以及这个机会吸引您的地方。',
  outreachInterest: '您是否有兴趣了解{companyName}的一个新工作机会？',
  outreachAvailability: '您最早什么时候可以入职？另外，您什么时候方便与团队进行一次交流？',
  unknownCaller: '您好，这里是{companyName}的面试专线。很抱歉，没有找到与这个电话号码对应的面试。再见。',
  voicemailCallBack: '您好，这里是{companyName}，我们就您的面试致电。请回拨这个号码参加面试。谢谢，再见。',

  pageTitle: '{companyName}面试',
  introHeading: '欢迎参加面试',
  introAiNotice:
    '本次面试由AI面试官进行。您的回答（无论是打字还是语音）将与面试官的提问一起以文字形式记录，这份记录将提供给{companyName}。我们不会保存任何音频或视频。',
  introAgent: '面试：{agentName}。时长：约{minutes}。',
  startButton: '开始面试',
  answerLabel: '您的回答',
  sendButton: '发送',
  voiceButton: '语音回答',
  voiceStop: '停止语音输入',
  voiceNotice: '语音回答由您浏览器的语音识别功能转换为文字，音频可能会在浏览器提供商的服务器上处理。',
  muteButton: '将面试官静音',
  unmuteButton: '取消面试官静音',
  timeRemaining: '剩余时间：{time}',
  interviewerLabel: '面试官',
  youLabel: '您',
  reconnecting: '连接已断开，正在重新连接…',
  notOpenYet: '本次面试尚未开放。您可以在{time}之后开始。',
  expired: '此面试链接已过期。请联系邀请您的公司。',
  cancelled: '本次面试已取消。如有疑问，请联系邀请您的公司。',
  finished: '谢谢！您已完成本次面试。',
  failed: '本次面试已结束，无法再参加。',
  endedHeading: '面试已结束',
  sendFailed: '您的回答未能发送，正在重试…',

  minutes: { other: '{count}分钟' },
};
