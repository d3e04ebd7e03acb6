import type { Lines } from './lines.ts';

/** Japanese (ja-JP). です・ます調 with the honorific and humble forms (敬語) of a job interview. */
export const ja: Lines = {
  greeting: '{candidateName}さん、こんにちは。{companyName}の面接を担当いたします、{interviewerName}です。本日はよろしくお願いいたします。',
  consentNotice:
    '始める前にお伝えします。私は人間ではなく、AIの面接官です。この面接の内容は文字の記録として保存され、{companyName}に提供されます。音声や映像は保存されません。',
  howItWorks: '面接の所要時間は約{minutes}です。回答は文字入力でも音声でも構いません。一つひとつ、ご自分のペースでお答えください。',
  firstQuestion: 'それでは、始めましょう。',
  nextQuestion: 'ありがとうございます。次の質問です。',
  lastQuestion: 'ありがとうございます。では、最後の質問です。',
  reprompt: '回答を受け取れませんでした。急がなくて大丈夫ですので、もう一度お答えいただけますか。',
  timeNotice: 'お知らせです。残り時間は約{minutes}です。',
  nudge: 'まだいらっしゃいますか。準備ができましたら、いつでもお答えください。',
  closing: 'お時間をいただき、誠にありがとうございました。面接は以上で終了です。今後の流れについては、{companyName}よりご連絡いたします。',
  closingTimeUp: 'お時間となりました。ご回答いただき、誠にありがとうございました。面接は以上で終了です。{companyName}よりあらためてご連絡いたします。',
  fallbackQuestion: 'まず、自己紹介をお願いします。これまでのご経歴やご経験、そして今回のお話に関心を持たれた理由をお聞かせください。',
  outreachInterest: '{companyName}での新しいお仕事の機会に、ご興味はおありでしょうか。',
  outreachAvailability: 'いつ頃から勤務を開始できそうでしょうか。また、チームとの面談はいつ頃がご都合よろしいでしょうか。',
  unknownCaller: 'お電話ありがとうございます。こちらは{companyName}の面接用窓口です。申し訳ございませんが、この電話番号に該当する面接が見つかりませんでした。失礼いたします。',
  voicemailCallBack: 'こちらは{companyName}です。面接の件でお電話いたしました。面接を受けていただくため、お手数ですがこの番号まで折り返しお電話ください。失礼いたします。',

  pageTitle: '{companyName}の面接',
  introHeading: '面接へようこそ',
  introAiNotice:
    'この面接はAIの面接官が行います。ご回答（文字入力・音声のいずれも）は面接官の質問とともに文字で記録され、その記録は{companyName}に共有されます。音声や映像は保存されません。',
  introAgent: '面接：{agentName}。所要時間：約{minutes}。',
  startButton: '面接を開始する',
  answerLabel: 'ご回答',
  sendButton: '送信',
  voiceButton: '音声で回答する',
  voiceStop: '音声入力を終了',
  voiceNotice: '音声での回答は、ブラウザの音声認識機能で文字に変換されます。その際、音声がブラウザ提供元のサーバーで処理されることがあります。',
  muteButton: '面接官の音声をミュート',
  unmuteButton: '面接官の音声をオン',
  timeRemaining: '残り時間：{time}',
  interviewerLabel: '面接官',
  youLabel: 'あなた',
  reconnecting: '接続が切れました。再接続しています…',
  notOpenYet: 'この面接はまだ開始できません。{time}から開始できます。',
  expired: 'この面接のリンクは有効期限が切れています。ご招待元の企業にお問い合わせください。',
  cancelled: 'この面接はキャンセルされました。ご不明な点は、ご招待元の企業にお問い合わせください。',
  finished: 'ありがとうございました。この面接はすでに完了しています。',
  failed: 'この面接は終了しており、これ以上受けることはできません。',
  endedHeading: '面接は終了しました',
  sendFailed: '回答を送信できませんでした。再送信しています…',

  minutes: { other: '{count}分' },
};
