import type { Lines } from './lines.ts';

/**
 * Slovak (sk-SK). Vykanie (plural forms, which Slovak uses for one person too); no adjective
 * in the candidate's gender. `{minutes}` follows "okolo" (genitive).
 */
export const sk: Lines = {
  greeting: 'Dobrý deň, {candidateName}. Volám sa {interviewerName} a dnes s vami povediem pohovor v mene spoločnosti {companyName}.',
  consentNotice:
    'Skôr než začneme, dôležitá informácia: tento pohovor vedie umelá inteligencia, nie človek. Pohovor sa zaznamenáva ako textový prepis, ktorý dostane spoločnosť {companyName}. Zvuk ani video sa neukladajú.',
  howItWorks: 'Pohovor potrvá okolo {minutes}. Odpovedať môžete písaním alebo hlasom. Na každú odpoveď si pokojne nechajte čas.',
  firstQuestion: 'Poďme začať.',
  nextQuestion: 'Ďakujem. Prejdime k ďalšej otázke.',
  lastQuestion: 'Ďakujem. A teraz posledná otázka.',
  reprompt: 'Nedostala sa ku mne žiadna odpoveď. Nemusíte sa ponáhľať – skúste, prosím, odpovedať znova.',
  timeNotice: 'Pre informáciu: do konca pohovoru zostáva okolo {minutes}.',
  nudge: 'Ste ešte tam? Odpovedzte, keď vám to bude vyhovovať.',
  closing: 'Veľmi pekne ďakujem za váš čas. Týmto sa pohovor končí. Spoločnosť {companyName} sa vám ozve ohľadom ďalšieho postupu.',
  closingTimeUp: 'Čas vyhradený na pohovor práve vypršal. Veľmi pekne ďakujem za vaše odpovede. Pohovor sa končí a spoločnosť {companyName} sa vám ozve.',
  fallbackQuestion: 'Povedzte mi, prosím, niečo o sebe: o svojej doterajšej ceste, skúsenostiach a o tom, čo vás na tejto príležitosti zaujalo.',
  outreachInterest: 'Zaujímala by vás nová pracovná príležitosť v spoločnosti {companyName}?',
  outreachAvailability: 'Odkedy by ste mohli nastúpiť a kedy by vám vyhovoval rozhovor s tímom?',
  unknownCaller: 'Dobrý deň, tu je linka pohovorov spoločnosti {companyName}. Žiaľ, k tomuto telefónnemu číslu sme nenašli žiadny pohovor. Dovidenia.',
  voicemailCallBack: 'Dobrý deň, voláme zo spoločnosti {companyName} kvôli vášmu pohovoru. Zavolajte nám, prosím, späť na toto číslo, aby sme mohli pohovor uskutočniť. Ďakujeme a dovidenia.',

  pageTitle: 'Pohovor – {companyName}',
  introHeading: 'Vitajte na pohovore',
  introAiNotice:
    'Tento pohovor vedie umelá inteligencia. Vaše odpovede, písané aj hovorené, sa zaznamenávajú ako text spolu s otázkami a tento prepis dostane spoločnosť {companyName}. Zvuk ani video sa neukladajú.',
  introAgent: 'Pohovor: {agentName}. Dĺžka: okolo {minutes}.',
  startButton: 'Začať pohovor',
  answerLabel: 'Vaša odpoveď',
  sendButton: 'Odoslať',
  voiceButton: 'Odpovedať hlasom',
  voiceStop: 'Ukončiť hlasový vstup',
  voiceNotice: 'Hovorené odpovede prevádza na text rozpoznávanie reči vo vašom prehliadači; zvuk sa pritom môže spracúvať na serveroch poskytovateľa prehliadača.',
  muteButton: 'Stlmiť AI asistenta',
  unmuteButton: 'Zapnúť zvuk AI asistenta',
  timeRemaining: 'Zostávajúci čas: {time}',
  interviewerLabel: 'AI asistent',
  youLabel: 'Vy',
  reconnecting: 'Spojenie sa prerušilo. Obnovuje sa pripojenie…',
  notOpenYet: 'Tento pohovor ešte nie je otvorený. Začať ho môžete od: {time}.',
  expired: 'Platnosť odkazu na tento pohovor vypršala. Obráťte sa, prosím, na spoločnosť, ktorá vám poslala pozvánku.',
  cancelled: 'Tento pohovor bol zrušený. S otázkami sa, prosím, obráťte na spoločnosť, ktorá vám poslala pozvánku.',
  finished: 'Ďakujeme! Tento pohovor je už dokončený.',
  failed: 'Tento pohovor sa skončil a už ho nie je možné absolvovať.',
  endedHeading: 'Pohovor sa skončil',
  sendFailed: 'Odpoveď sa nepodarilo odoslať. Skúšame to znova…',

  // Genitive after "okolo": 1 minúty, 2 minút, 30 minút; "many" is for fractions.
  minutes: { one: '{count} minúty', few: '{count} minút', many: '{count} minúty', other: '{count} minút' },
};
