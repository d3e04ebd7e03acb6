import type { Lines } from './lines.ts';

/**
 * Finnish (fi-FI). "Sinä", as Finnish working life and recruitment speak today; respectful
 * wording does the politeness. The company's name never takes a case ending: it follows
 * "yritys" in the case the sentence needs ("yritykselle {companyName}").
 */
export const fi: Lines = {
  greeting: 'Hei {candidateName}, olen {interviewerName}, ja haastattelen sinua tänään yrityksen {companyName} puolesta.',
  consentNotice:
    'Ennen kuin aloitamme, haluan kertoa, että olen tekoälyhaastattelija enkä ihminen. Haastattelu tallennetaan tekstimuodossa, ja tämä teksti toimitetaan yritykselle {companyName}. Ääntä tai videokuvaa ei tallenneta.',
  howItWorks: 'Haastattelun kesto on noin {minutes}. Voit vastata kirjoittamalla tai puhumalla. Mieti vastauksiasi rauhassa.',
  firstQuestion: 'Aloitetaan.',
  nextQuestion: 'Kiitos. Siirrytään seuraavaan kysymykseen.',
  lastQuestion: 'Kiitos. Sitten viimeinen kysymys.',
  reprompt: 'En saanut vastausta. Ei ole kiirettä – voisitko yrittää vastata uudelleen?',
  timeNotice: 'Tiedoksi: aikaa on jäljellä noin {minutes}.',
  nudge: 'Oletko vielä paikalla? Vastaa, kun olet valmis.',
  closing: 'Kiitos paljon ajastasi. Haastattelu on nyt päättynyt. {companyName} ottaa sinuun yhteyttä jatkon osalta.',
  closingTimeUp: 'Aikamme on nyt lopussa. Kiitos paljon vastauksistasi. Haastattelu on päättynyt, ja {companyName} ottaa sinuun yhteyttä.',
  fallbackQuestion: 'Kerro vähän itsestäsi: taustastasi, kokemuksestasi ja siitä, mikä sinua kiinnostaa tässä mahdollisuudessa.',
  outreachInterest: 'Olisitko kiinnostunut uudesta mahdollisuudesta yrityksessä {companyName}?',
  outreachAvailability: 'Milloin voisit aloittaa, ja milloin sinulle sopisi keskustelu tiimin kanssa?',
  unknownCaller: 'Hei, olet soittanut yrityksen {companyName} haastattelulinjalle. Valitettavasti tälle puhelinnumerolle ei löytynyt haastattelua. Kuulemiin.',
  voicemailCallBack: 'Hei, täällä {companyName}. Soitimme haastattelusi vuoksi. Soita meille takaisin tähän numeroon, niin haastattelu voidaan tehdä. Kiitos ja kuulemiin.',

  pageTitle: 'Haastattelu: {companyName}',
  introHeading: 'Tervetuloa haastatteluun',
  introAiNotice:
    'Tämän haastattelun tekee tekoälyhaastattelija. Vastauksesi, kirjoitetut tai puhutut, tallennetaan tekstinä yhdessä haastattelijan kysymysten kanssa, ja tämä teksti jaetaan yritykselle {companyName}. Ääntä tai videokuvaa ei tallenneta.',
  introAgent: 'Haastattelu: {agentName}. Kesto: noin {minutes}.',
  startButton: 'Aloita haastattelu',
  answerLabel: 'Vastauksesi',
  sendButton: 'Lähetä',
  voiceButton: 'Vastaa puhumalla',
  voiceStop: 'Lopeta puhesyöte',
  voiceNotice: 'Selaimesi puheentunnistus muuttaa puhutut vastaukset tekstiksi; tällöin ääntä voidaan käsitellä selaimen toimittajan palvelimilla.',
  muteButton: 'Mykistä haastattelija',
  unmuteButton: 'Poista haastattelijan mykistys',
  timeRemaining: 'Aikaa jäljellä: {time}',
  interviewerLabel: 'Haastattelija',
  youLabel: 'Sinä',
  reconnecting: 'Yhteys katkesi. Yhdistetään uudelleen…',
  notOpenYet: 'Tämä haastattelu ei ole vielä avoinna. Haastattelu avautuu: {time}.',
  expired: 'Tämän haastattelun linkki on vanhentunut. Ota yhteyttä yritykseen, joka kutsui sinut.',
  cancelled: 'Tämä haastattelu on peruttu. Jos sinulla on kysyttävää, ota yhteyttä yritykseen, joka kutsui sinut.',
  finished: 'Kiitos! Olet jo suorittanut tämän haastattelun.',
  failed: 'Tämä haastattelu on päättynyt, eikä siihen voi enää osallistua.',
  endedHeading: 'Haastattelu on päättynyt',
  sendFailed: 'Vastaustasi ei voitu lähettää. Yritetään uudelleen…',

  // Nominative after "noin": "noin 1 minuutti", "noin 30 minuuttia" (partitive after a numeral).
  minutes: { one: '{count} minuutti', other: '{count} minuuttia' },
};
