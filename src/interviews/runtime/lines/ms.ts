import type { Lines } from './lines.ts';

/** Malay (ms-MY, Malaysian usage: temu duga, pelayar). "Anda" and "Sila", the polite register of Malay business. */
export const ms: Lines = {
  greeting: 'Helo {candidateName}, saya {interviewerName}. Hari ini saya akan menemu duga anda bagi pihak {companyName}.',
  consentNotice:
    'Sebelum kita mula, saya ingin memaklumkan bahawa saya ialah penemu duga AI, bukan manusia. Temu duga ini direkodkan sebagai transkrip teks yang akan diterima oleh {companyName}. Tiada audio atau video yang disimpan.',
  howItWorks: 'Temu duga ini akan mengambil masa kira-kira {minutes}. Anda boleh menjawab dengan menaip atau bercakap. Sila ambil masa untuk setiap jawapan.',
  firstQuestion: 'Mari kita mulakan.',
  nextQuestion: 'Terima kasih. Mari kita teruskan ke soalan seterusnya.',
  lastQuestion: 'Terima kasih. Sekarang, soalan terakhir.',
  reprompt: 'Saya tidak menerima sebarang jawapan. Tidak perlu tergesa-gesa; sila cuba jawab sekali lagi.',
  timeNotice: 'Untuk makluman anda, masa yang tinggal kira-kira {minutes}.',
  nudge: 'Adakah anda masih di sana? Sila jawab apabila anda sudah bersedia.',
  closing: 'Terima kasih banyak atas masa anda. Temu duga ini telah tamat. {companyName} akan menghubungi anda tentang langkah seterusnya.',
  closingTimeUp: 'Masa kita telah tamat. Terima kasih banyak atas jawapan anda. Temu duga ini telah berakhir, dan {companyName} akan menghubungi anda.',
  fallbackQuestion: 'Sila ceritakan sedikit tentang diri anda: latar belakang, pengalaman, dan apa yang menarik minat anda terhadap peluang ini.',
  outreachInterest: 'Adakah anda berminat dengan peluang kerjaya baharu di {companyName}?',
  outreachAvailability: 'Bilakah anda boleh mula bekerja, dan bilakah masa yang sesuai untuk anda berbual dengan pasukan?',
  unknownCaller: 'Helo, anda telah menghubungi talian temu duga {companyName}. Maaf, kami tidak menemui sebarang temu duga untuk nombor telefon ini. Terima kasih.',
  voicemailCallBack: 'Helo, kami dari {companyName} menghubungi anda berkenaan temu duga anda. Sila hubungi kami semula di nombor ini untuk menjalani temu duga. Terima kasih.',

  pageTitle: 'Temu duga dengan {companyName}',
  introHeading: 'Selamat datang ke temu duga anda',
  introAiNotice:
    'Temu duga ini dikendalikan oleh penemu duga AI. Jawapan anda, sama ada ditaip atau dituturkan, direkodkan sebagai teks bersama soalan penemu duga, dan transkrip ini dikongsi dengan {companyName}. Tiada audio atau video yang disimpan.',
  introAgent: 'Temu duga: {agentName}. Tempoh: kira-kira {minutes}.',
  startButton: 'Mulakan temu duga',
  answerLabel: 'Jawapan anda',
  sendButton: 'Hantar',
  voiceButton: 'Jawab dengan suara',
  voiceStop: 'Hentikan input suara',
  voiceNotice: 'Jawapan lisan ditukar kepada teks oleh fungsi pengecaman pertuturan pelayar anda; dalam proses ini, audio mungkin diproses pada pelayan penyedia pelayar.',
  muteButton: 'Senyapkan penemu duga',
  unmuteButton: 'Nyahsenyapkan penemu duga',
  timeRemaining: 'Masa yang tinggal: {time}',
  interviewerLabel: 'Penemu duga',
  youLabel: 'Anda',
  reconnecting: 'Sambungan terputus. Menyambung semula…',
  notOpenYet: 'Temu duga ini belum dibuka. Dibuka pada: {time}.',
  expired: 'Pautan temu duga ini telah tamat tempoh. Sila hubungi syarikat yang menjemput anda.',
  cancelled: 'Temu duga ini telah dibatalkan. Jika ada sebarang pertanyaan, sila hubungi syarikat yang menjemput anda.',
  finished: 'Terima kasih! Anda telah pun melengkapkan temu duga ini.',
  failed: 'Temu duga ini telah berakhir dan tidak lagi boleh dihadiri.',
  endedHeading: 'Temu duga telah tamat',
  sendFailed: 'Jawapan anda gagal dihantar. Mencuba semula…',

  minutes: { other: '{count} minit' },
};
