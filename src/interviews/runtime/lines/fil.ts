import type { Lines } from './lines.ts';

/** Filipino (fil-PH). Respectful "po" with "kayo/inyo"; English loanwords where Filipinos use them (transcript, browser). */
export const fil: Lines = {
  greeting: 'Magandang araw po, {candidateName}. Ako si {interviewerName}, at ako po ang mag-iinterbyu sa inyo ngayon para sa {companyName}.',
  consentNotice:
    'Bago tayo magsimula, nais ko pong linawin na isa akong AI na tagapanayam, hindi tao. Itinatala ang panayam na ito bilang nakasulat na transcript na matatanggap ng {companyName}. Walang audio o video na iniimbak.',
  howItWorks: 'Tatagal po ang panayam nang mga {minutes}. Maaari kayong sumagot sa pamamagitan ng pag-type o pagsasalita. Huwag po kayong magmadali sa bawat sagot.',
  firstQuestion: 'Magsimula na po tayo.',
  nextQuestion: 'Salamat po. Narito ang susunod na tanong.',
  lastQuestion: 'Salamat po. Ngayon, ang huling tanong.',
  reprompt: 'Wala po akong natanggap na sagot. Walang pagmamadali; pakisubukan po ulit na sumagot.',
  timeNotice: 'Para po sa inyong kaalaman, mga {minutes} na lang ang natitira sa ating oras.',
  nudge: 'Nariyan pa po ba kayo? Sumagot lang po kayo kapag handa na kayo.',
  closing: 'Maraming salamat po sa inyong oras. Dito na po nagtatapos ang panayam. Makikipag-ugnayan po sa inyo ang {companyName} tungkol sa mga susunod na hakbang.',
  closingTimeUp: 'Naubos na po ang ating oras. Maraming salamat po sa inyong mga sagot. Dito na po nagtatapos ang panayam, at makikipag-ugnayan po sa inyo ang {companyName}.',
  fallbackQuestion: 'Maaari po ba kayong magkuwento nang kaunti tungkol sa inyong sarili: ang inyong pinagmulan, karanasan, at kung bakit kayo interesado sa oportunidad na ito?',
  outreachInterest: 'Interesado po ba kayo sa isang bagong oportunidad sa {companyName}?',
  outreachAvailability: 'Kailan po kayo maaaring magsimula, at kailan po kayo available para sa isang pag-uusap kasama ang team?',
  unknownCaller: 'Magandang araw po. Ito ang linya ng panayam ng {companyName}. Paumanhin po, wala kaming nakitang panayam para sa numerong ito. Paalam po.',
  voicemailCallBack: 'Magandang araw po, tumatawag po kami mula sa {companyName} tungkol sa inyong panayam. Pakitawagan po kami pabalik sa numerong ito para maisagawa ang panayam. Salamat po, paalam.',

  pageTitle: 'Panayam sa {companyName}',
  introHeading: 'Maligayang pagdating sa inyong panayam',
  introAiNotice:
    'Isang AI na tagapanayam ang nagsasagawa ng panayam na ito. Ang inyong mga sagot, naka-type man o binigkas, ay itinatala bilang teksto kasama ang mga tanong ng tagapanayam, at ibinabahagi ang transcript na ito sa {companyName}. Walang audio o video na iniimbak.',
  introAgent: 'Panayam: {agentName}. Haba: mga {minutes}.',
  startButton: 'Simulan ang panayam',
  answerLabel: 'Ang inyong sagot',
  sendButton: 'Ipadala',
  voiceButton: 'Sumagot gamit ang boses',
  voiceStop: 'Ihinto ang voice input',
  voiceNotice: 'Ang mga sagot na binigkas ay ginagawang teksto ng speech recognition ng inyong browser; sa prosesong ito, maaaring maproseso ang audio sa mga server ng provider ng browser.',
  muteButton: 'I-mute ang tagapanayam',
  unmuteButton: 'I-unmute ang tagapanayam',
  timeRemaining: 'Natitirang oras: {time}',
  interviewerLabel: 'Tagapanayam',
  youLabel: 'Kayo',
  reconnecting: 'Naputol ang koneksyon. Muling kumokonekta…',
  notOpenYet: 'Hindi pa bukas ang panayam na ito. Magbubukas ito sa: {time}.',
  expired: 'Nag-expire na ang link ng panayam na ito. Pakikontak po ang kumpanyang nag-imbita sa inyo.',
  cancelled: 'Kinansela na ang panayam na ito. Kung may tanong kayo, pakikontak po ang kumpanyang nag-imbita sa inyo.',
  finished: 'Salamat po! Natapos na ninyo ang panayam na ito.',
  failed: 'Natapos na ang panayam na ito at hindi na ito maaaring kunin.',
  endedHeading: 'Tapos na ang panayam',
  sendFailed: 'Hindi naipadala ang inyong sagot. Sinusubukang muli…',

  // A Filipino noun does not change after a number: "2 minuto".
  minutes: { one: '{count} minuto', other: '{count} minuto' },
};
