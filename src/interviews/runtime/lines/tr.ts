import type { Lines } from './lines.ts';

/**
 * Turkish (tr-TR). "Siz". Suffixes never attach to a placeholder (their vowels depend on the
 * name): the company's name stands before a separate word ("{companyName} adına", "… ile").
 */
export const tr: Lines = {
  greeting: 'Merhaba {candidateName}, ben {interviewerName}. Bugün {companyName} adına sizinle mülakatı ben gerçekleştireceğim.',
  consentNotice:
    'Başlamadan önce önemli bir bilgi: Bu mülakatı bir insan değil, yapay zekâ yürütüyor. Görüşme yazılı bir döküm olarak kaydedilir ve bu döküm {companyName} ile paylaşılır. Ses veya görüntü kaydı saklanmaz.',
  howItWorks: 'Mülakat yaklaşık {minutes} sürecek. Yazarak ya da konuşarak yanıt verebilirsiniz. Her yanıt için acele etmeden düşünebilirsiniz.',
  firstQuestion: 'O hâlde başlayalım.',
  nextQuestion: 'Teşekkür ederim. Bir sonraki soruya geçelim.',
  lastQuestion: 'Teşekkür ederim. Şimdi son soru.',
  reprompt: 'Bir yanıt alamadım. Acele etmenize gerek yok; lütfen tekrar yanıtlamayı dener misiniz?',
  timeNotice: 'Bilginize: Yaklaşık {minutes} süremiz kaldı.',
  nudge: 'Hâlâ orada mısınız? Hazır olduğunuzda yanıtlayabilirsiniz.',
  closing: 'Zaman ayırdığınız için çok teşekkür ederim. Mülakatımız burada sona erdi. Sonraki adımlarla ilgili olarak {companyName} sizinle iletişime geçecek.',
  closingTimeUp: 'Ayrılan süremiz doldu. Yanıtlarınız için çok teşekkür ederim. Mülakatımız burada sona erdi; {companyName} sizinle iletişime geçecek.',
  fallbackQuestion: 'Biraz kendinizden bahseder misiniz? Geçmişiniz, deneyiminiz ve bu fırsatta sizi neyin ilgilendirdiği hakkında bilgi verebilirsiniz.',
  outreachInterest: '{companyName} bünyesinde yeni bir iş fırsatıyla ilgilenir misiniz?',
  outreachAvailability: 'Ne zaman işe başlayabilirsiniz ve ekiple bir görüşme için ne zaman müsait olursunuz?',
  unknownCaller: 'Merhaba, {companyName} mülakat hattına ulaştınız. Maalesef bu telefon numarasına ait bir mülakat bulunamadı. İyi günler.',
  voicemailCallBack: 'Merhaba, mülakatınızla ilgili olarak {companyName} adına arıyoruz. Mülakatı gerçekleştirmek için lütfen bu numarayı geri arayın. Teşekkürler, iyi günler.',

  pageTitle: '{companyName} ile mülakat',
  introHeading: 'Mülakatınıza hoş geldiniz',
  introAiNotice:
    'Bu mülakatı yapay zekâ destekli bir mülakatçı yürütür. Yazarak ya da konuşarak verdiğiniz yanıtlar, mülakatçının sorularıyla birlikte metin olarak kaydedilir ve bu döküm {companyName} ile paylaşılır. Ses veya görüntü kaydı saklanmaz.',
  introAgent: 'Mülakat: {agentName}. Süre: yaklaşık {minutes}.',
  startButton: 'Mülakatı başlat',
  answerLabel: 'Yanıtınız',
  sendButton: 'Gönder',
  voiceButton: 'Sesle yanıtla',
  voiceStop: 'Sesli girişi durdur',
  voiceNotice: 'Sesli yanıtlarınız tarayıcınızın konuşma tanıma özelliğiyle metne dönüştürülür; bu sırada ses, tarayıcı sağlayıcısının sunucularında işlenebilir.',
  muteButton: 'Mülakatçının sesini kapat',
  unmuteButton: 'Mülakatçının sesini aç',
  timeRemaining: 'Kalan süre: {time}',
  interviewerLabel: 'Mülakatçı',
  youLabel: 'Siz',
  reconnecting: 'Bağlantı koptu. Yeniden bağlanılıyor…',
  notOpenYet: 'Bu mülakat henüz açılmadı. Başlangıç: {time}.',
  expired: 'Bu mülakat bağlantısının süresi doldu. Lütfen sizi davet eden şirketle iletişime geçin.',
  cancelled: 'Bu mülakat iptal edildi. Sorularınız varsa lütfen sizi davet eden şirketle iletişime geçin.',
  finished: 'Teşekkürler! Bu mülakatı zaten tamamladınız.',
  failed: 'Bu mülakat sona erdi ve artık yapılamaz.',
  endedHeading: 'Mülakat sona erdi',
  sendFailed: 'Yanıtınız gönderilemedi. Yeniden deneniyor…',

  // A Turkish noun stays singular after a number: "2 dakika".
  minutes: { one: '{count} dakika', other: '{count} dakika' },
};
