import type { Lines } from './lines.ts';

/** Indonesian (id-ID). "Anda" and "Silakan", the polite register of Indonesian business. */
export const id: Lines = {
  greeting: 'Halo {candidateName}, saya {interviewerName}. Hari ini saya akan mewawancarai Anda atas nama {companyName}.',
  consentNotice:
    'Sebelum kita mulai, perlu saya sampaikan bahwa saya adalah pewawancara AI, bukan manusia. Wawancara ini direkam dalam bentuk transkrip teks yang akan diterima oleh {companyName}. Tidak ada audio atau video yang disimpan.',
  howItWorks: 'Wawancara ini akan berlangsung sekitar {minutes}. Anda dapat menjawab dengan mengetik atau berbicara. Silakan luangkan waktu untuk setiap jawaban.',
  firstQuestion: 'Mari kita mulai.',
  nextQuestion: 'Terima kasih. Kita lanjut ke pertanyaan berikutnya.',
  lastQuestion: 'Terima kasih. Sekarang pertanyaan terakhir.',
  reprompt: 'Saya belum menerima jawaban. Tidak perlu terburu-buru; silakan coba jawab sekali lagi.',
  timeNotice: 'Sebagai informasi, waktu kita tersisa sekitar {minutes}.',
  nudge: 'Apakah Anda masih di sana? Silakan jawab kapan pun Anda siap.',
  closing: 'Terima kasih banyak atas waktu Anda. Wawancara ini sudah selesai. {companyName} akan menghubungi Anda mengenai langkah selanjutnya.',
  closingTimeUp: 'Waktu kita sudah habis. Terima kasih banyak atas jawaban Anda. Wawancara ini sudah selesai, dan {companyName} akan menghubungi Anda.',
  fallbackQuestion: 'Silakan ceritakan sedikit tentang diri Anda: latar belakang, pengalaman, dan apa yang membuat Anda tertarik dengan kesempatan ini.',
  outreachInterest: 'Apakah Anda tertarik dengan peluang kerja baru di {companyName}?',
  outreachAvailability: 'Kapan Anda bisa mulai bekerja, dan kapan Anda ada waktu untuk berbincang dengan tim?',
  unknownCaller: 'Halo, Anda terhubung dengan layanan wawancara {companyName}. Mohon maaf, kami tidak menemukan wawancara untuk nomor telepon ini. Terima kasih, sampai jumpa.',
  voicemailCallBack: 'Halo, kami dari {companyName} menghubungi Anda terkait wawancara Anda. Silakan telepon kembali ke nomor ini untuk mengikuti wawancara. Terima kasih, sampai jumpa.',

  pageTitle: 'Wawancara dengan {companyName}',
  introHeading: 'Selamat datang di wawancara Anda',
  introAiNotice:
    'Wawancara ini dipandu oleh pewawancara AI. Jawaban Anda, baik diketik maupun diucapkan, dicatat sebagai teks bersama pertanyaan pewawancara, dan transkrip ini dibagikan kepada {companyName}. Tidak ada audio atau video yang disimpan.',
  introAgent: 'Wawancara: {agentName}. Durasi: sekitar {minutes}.',
  startButton: 'Mulai wawancara',
  answerLabel: 'Jawaban Anda',
  sendButton: 'Kirim',
  voiceButton: 'Jawab dengan suara',
  voiceStop: 'Hentikan input suara',
  voiceNotice: 'Jawaban lisan diubah menjadi teks oleh fitur pengenalan suara di browser Anda; dalam prosesnya, audio dapat diproses di server penyedia browser.',
  muteButton: 'Bisukan pewawancara',
  unmuteButton: 'Aktifkan suara pewawancara',
  timeRemaining: 'Sisa waktu: {time}',
  interviewerLabel: 'Pewawancara',
  youLabel: 'Anda',
  reconnecting: 'Koneksi terputus. Menghubungkan kembali…',
  notOpenYet: 'Wawancara ini belum dibuka. Dibuka pada: {time}.',
  expired: 'Tautan wawancara ini sudah kedaluwarsa. Silakan hubungi perusahaan yang mengundang Anda.',
  cancelled: 'Wawancara ini telah dibatalkan. Jika ada pertanyaan, silakan hubungi perusahaan yang mengundang Anda.',
  finished: 'Terima kasih! Anda sudah menyelesaikan wawancara ini.',
  failed: 'Wawancara ini telah berakhir dan tidak dapat diikuti lagi.',
  endedHeading: 'Wawancara telah selesai',
  sendFailed: 'Jawaban Anda gagal dikirim. Mencoba lagi…',

  minutes: { other: '{count} menit' },
};
