import type { Lines } from './lines.ts';

/**
 * Arabic (ar-SA voice; Modern Standard Arabic text). The candidate is addressed in the plural
 * of respect (يمكنكم، إجابتكم), the formal register of Arabic correspondence, which also avoids
 * guessing the candidate's gender; buttons are verbal nouns (إرسال). `{minutes}` follows
 * "حوالي" (genitive): دقيقة واحدة، دقيقتين، 3 دقائق، 30 دقيقة.
 */
export const ar: Lines = {
  greeting: 'مرحبًا {candidateName}، أنا {interviewerName}، وسأجري معكم اليوم هذه المقابلة نيابةً عن شركة {companyName}.',
  consentNotice:
    'قبل أن نبدأ، أودّ أن أوضح أنني مُحاوِر آلي يعمل بالذكاء الاصطناعي، ولست إنسانًا. تُسجَّل هذه المقابلة على شكل نصّ مكتوب يُرسَل إلى شركة {companyName}. ولا يُحفَظ أي تسجيل صوتي أو مرئي.',
  howItWorks: 'تستغرق المقابلة حوالي {minutes}. يمكنكم الإجابة بالكتابة أو بالتحدث. خذوا وقتكم في كل إجابة.',
  firstQuestion: 'لنبدأ.',
  nextQuestion: 'شكرًا لكم. ننتقل إلى السؤال التالي.',
  lastQuestion: 'شكرًا لكم. والآن السؤال الأخير.',
  reprompt: 'لم تصلني إجابة. لا داعي للعجلة، هل يمكنكم محاولة الإجابة مرة أخرى من فضلكم؟',
  timeNotice: 'للعلم، تبقّى لدينا حوالي {minutes}.',
  nudge: 'هل ما زلتم معنا؟ يمكنكم الإجابة متى كنتم مستعدين.',
  closing: 'شكرًا جزيلًا على وقتكم. بهذا تنتهي المقابلة. وستتواصل معكم شركة {companyName} بشأن الخطوات التالية.',
  closingTimeUp: 'لقد انتهى الوقت المخصص لنا. شكرًا جزيلًا على إجاباتكم. بهذا تنتهي المقابلة، وستتواصل معكم شركة {companyName}.',
  fallbackQuestion: 'حدّثوني قليلًا عن أنفسكم: خلفيتكم وخبراتكم، وما الذي يثير اهتمامكم في هذه الفرصة.',
  outreachInterest: 'هل أنتم مهتمون بفرصة عمل جديدة لدى شركة {companyName}؟',
  outreachAvailability: 'متى يمكنكم البدء في العمل؟ ومتى يناسبكم إجراء محادثة مع الفريق؟',
  unknownCaller: 'مرحبًا، هذا خط المقابلات الخاص بشركة {companyName}. نعتذر، لم نعثر على مقابلة مرتبطة بهذا الرقم. مع السلامة.',
  voicemailCallBack: 'مرحبًا، نتصل بكم من شركة {companyName} بخصوص مقابلتكم. يُرجى معاودة الاتصال على هذا الرقم لإجراء المقابلة. شكرًا لكم، ومع السلامة.',

  pageTitle: 'مقابلة مع شركة {companyName}',
  introHeading: 'مرحبًا بكم في مقابلتكم',
  introAiNotice:
    'يُجري هذه المقابلة مُحاوِر يعمل بالذكاء الاصطناعي. تُسجَّل إجاباتكم، سواء كتبتموها أو نطقتموها، كنصٍّ مكتوب مع أسئلة المُحاوِر، ويُشارَك هذا النص مع شركة {companyName}. لا يُحفَظ أي تسجيل صوتي أو مرئي.',
  introAgent: 'المقابلة: {agentName}. المدة: حوالي {minutes}.',
  startButton: 'بدء المقابلة',
  answerLabel: 'إجابتكم',
  sendButton: 'إرسال',
  voiceButton: 'الإجابة بالصوت',
  voiceStop: 'إيقاف الإدخال الصوتي',
  voiceNotice: 'تُحوَّل الإجابات الصوتية إلى نص بواسطة خاصية التعرّف على الكلام في متصفحكم، وقد يُعالَج الصوت خلال ذلك على خوادم الجهة المزوّدة للمتصفح.',
  muteButton: 'كتم صوت المُحاوِر',
  unmuteButton: 'إلغاء كتم صوت المُحاوِر',
  timeRemaining: 'الوقت المتبقي: {time}',
  interviewerLabel: 'المُحاوِر',
  youLabel: 'أنت',
  reconnecting: 'انقطع الاتصال. جارٍ إعادة الاتصال…',
  notOpenYet: 'لم تُفتح هذه المقابلة بعد. يمكنكم بدؤها اعتبارًا من {time}.',
  expired: 'انتهت صلاحية رابط هذه المقابلة. يُرجى التواصل مع الشركة التي دعتكم.',
  cancelled: 'أُلغيت هذه المقابلة. إذا كانت لديكم أي أسئلة، يُرجى التواصل مع الشركة التي دعتكم.',
  finished: 'شكرًا لكم! لقد أكملتم هذه المقابلة بالفعل.',
  failed: 'انتهت هذه المقابلة ولم يعد من الممكن إجراؤها.',
  endedHeading: 'انتهت المقابلة',
  sendFailed: 'تعذّر إرسال إجابتكم. جارٍ إعادة المحاولة…',

  minutes: {
    zero: '{count} دقيقة',
    one: 'دقيقة واحدة',
    two: 'دقيقتين',
    few: '{count} دقائق',
    many: '{count} دقيقة',
    other: '{count} دقيقة',
  },
};
