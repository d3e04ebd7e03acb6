import type { Lines } from './lines.ts';

/**
 * Hungarian (hu-HU). "Ön". The article before a name is "a" or "az" by the name's first
 * sound, which a template cannot know: the company's name stands without an article, as in
 * a label or signature ("{companyName} nevében"), or after a dash.
 */
export const hu: Lines = {
  greeting: 'Jó napot kívánok, {candidateName}! {interviewerName} vagyok, és ma én készítem Önnel az interjút {companyName} megbízásából.',
  consentNotice:
    'Mielőtt elkezdenénk, egy fontos tudnivaló: ezt az interjút mesterséges intelligencia vezeti, nem ember. A beszélgetésről írásos átirat készül, amelyet {companyName} megkap. Hangot és videót nem tárolunk.',
  howItWorks: 'Az interjú időtartama körülbelül {minutes}. Válaszolhat írásban vagy szóban. Nyugodtan szánjon időt minden válaszra.',
  firstQuestion: 'Kezdjük is.',
  nextQuestion: 'Köszönöm. Térjünk rá a következő kérdésre.',
  lastQuestion: 'Köszönöm. Most jön az utolsó kérdés.',
  reprompt: 'Nem érkezett válasz. Nem kell sietnie – kérem, próbáljon meg újra válaszolni.',
  timeNotice: 'Tájékoztatom, hogy még körülbelül {minutes} van hátra.',
  nudge: 'Ott van még? Válaszoljon nyugodtan, amikor készen áll.',
  closing: 'Nagyon köszönöm, hogy időt szánt rám. Ezzel az interjú véget ért. A következő lépésekkel kapcsolatban {companyName} felveszi Önnel a kapcsolatot.',
  closingTimeUp: 'Letelt a rendelkezésünkre álló idő. Nagyon köszönöm a válaszait. Ezzel az interjú véget ért; {companyName} hamarosan jelentkezik Önnél.',
  fallbackQuestion: 'Kérem, meséljen egy kicsit magáról: a hátteréről, a tapasztalatairól, és arról, mi érdekli ebben a lehetőségben.',
  outreachInterest: 'Érdekelné egy új állásajánlat {companyName} részéről?',
  outreachAvailability: 'Mikortól tudna munkába állni, és mikor lenne alkalmas egy beszélgetés a csapattal?',
  unknownCaller: 'Jó napot kívánok! Ön {companyName} interjúvonalát hívta. Sajnos ehhez a telefonszámhoz nem találtunk interjút. Viszonthallásra.',
  voicemailCallBack: 'Jó napot kívánok! {companyName} nevében hívjuk az interjúja ügyében. Kérjük, hívja vissza ezt a számot az interjú elvégzéséhez. Köszönjük, viszonthallásra.',

  pageTitle: 'Interjú – {companyName}',
  introHeading: 'Üdvözöljük az interjún',
  introAiNotice:
    'Ezt az interjút mesterséges intelligencia vezeti. Az Ön válaszait – akár írja, akár mondja őket – a kérdésekkel együtt szövegként rögzítjük, és ezt az átiratot {companyName} kapja meg. Hangot és videót nem tárolunk.',
  introAgent: 'Interjú: {agentName}. Időtartam: körülbelül {minutes}.',
  startButton: 'Interjú indítása',
  answerLabel: 'Az Ön válasza',
  sendButton: 'Küldés',
  voiceButton: 'Válasz hanggal',
  voiceStop: 'Hangbevitel leállítása',
  voiceNotice: 'A szóbeli válaszokat a böngésző beszédfelismerő funkciója alakítja szöveggé; ennek során a hangot a böngésző szolgáltatója a saját szerverein is feldolgozhatja.',
  muteButton: 'Interjúztató némítása',
  unmuteButton: 'Interjúztató némításának feloldása',
  timeRemaining: 'Hátralévő idő: {time}',
  interviewerLabel: 'Interjúztató',
  youLabel: 'Ön',
  reconnecting: 'Megszakadt a kapcsolat. Újracsatlakozás…',
  notOpenYet: 'Ez az interjú még nem érhető el. Kezdés: {time}.',
  expired: 'Az interjú linkje lejárt. Kérjük, forduljon a meghívót küldő céghez.',
  cancelled: 'Ezt az interjút lemondták. Kérdés esetén forduljon a meghívót küldő céghez.',
  finished: 'Köszönjük! Ezt az interjút már befejezte.',
  failed: 'Ez az interjú véget ért, és már nem lehet elvégezni.',
  endedHeading: 'Az interjú véget ért',
  sendFailed: 'Nem sikerült elküldeni a válaszát. Újrapróbálkozás…',

  // A Hungarian noun stays singular after a number: "2 perc".
  minutes: { one: '{count} perc', other: '{count} perc' },
};
