import type { Lines } from './lines.ts';

/**
 * Czech (cs-CZ). Vykání. Czech vykání puts past forms and adjectives in the candidate's
 * gender (byl/byla, připraven/a), which is unknown: the lines use present, future and
 * impersonal forms instead. `{minutes}` follows "kolem" (genitive).
 */
export const cs: Lines = {
  greeting: 'Dobrý den, {candidateName}. Jmenuji se {interviewerName} a dnes s vámi povedu pohovor jménem společnosti {companyName}.',
  consentNotice:
    'Než začneme, důležitá informace: tento pohovor vede umělá inteligence, ne člověk. Pohovor se zaznamenává jako textový přepis, který obdrží společnost {companyName}. Zvuk ani video se neukládají.',
  howItWorks: 'Pohovor potrvá kolem {minutes}. Odpovídat můžete psaním nebo hlasem. Na každou odpověď si klidně dejte čas.',
  firstQuestion: 'Pojďme začít.',
  nextQuestion: 'Děkuji. Přejděme k další otázce.',
  lastQuestion: 'Děkuji. A teď poslední otázka.',
  reprompt: 'Žádná odpověď nedorazila. Nespěchejte – zkuste prosím odpovědět znovu.',
  timeNotice: 'Pro informaci: do konce pohovoru zbývá kolem {minutes}.',
  nudge: 'Jste tam ještě? Odpovězte, až se vám to bude hodit.',
  closing: 'Moc děkuji za váš čas. Tím je pohovor u konce. Společnost {companyName} se vám ozve ohledně dalšího postupu.',
  closingTimeUp: 'Čas vyhrazený pro pohovor právě vypršel. Moc děkuji za vaše odpovědi. Pohovor je u konce a společnost {companyName} se vám ozve.',
  fallbackQuestion: 'Řekněte mi prosím něco o sobě: o své dosavadní cestě, zkušenostech a o tom, co vás na této příležitosti zaujalo.',
  outreachInterest: 'Zajímala by vás nová pracovní příležitost ve společnosti {companyName}?',
  outreachAvailability: 'Kdy by pro vás byl možný nástup do práce a kdy by se vám hodil rozhovor s týmem?',
  unknownCaller: 'Dobrý den, zde linka pro pohovory společnosti {companyName}. Bohužel k tomuto telefonnímu číslu není přiřazen žádný pohovor. Na shledanou.',
  voicemailCallBack: 'Dobrý den, voláme ze společnosti {companyName} kvůli vašemu pohovoru. Zavolejte nám prosím zpět na toto číslo, abychom mohli pohovor uskutečnit. Děkujeme a na slyšenou.',

  pageTitle: 'Pohovor – {companyName}',
  introHeading: 'Vítejte u pohovoru',
  introAiNotice:
    'Tento pohovor vede tazatel využívající umělou inteligenci. Vaše odpovědi, psané i mluvené, se zaznamenávají jako text spolu s otázkami tazatele a tento přepis obdrží společnost {companyName}. Zvuk ani video se neukládají.',
  introAgent: 'Pohovor: {agentName}. Délka: kolem {minutes}.',
  startButton: 'Zahájit pohovor',
  answerLabel: 'Vaše odpověď',
  sendButton: 'Odeslat',
  voiceButton: 'Odpovědět hlasem',
  voiceStop: 'Ukončit hlasový vstup',
  voiceNotice: 'Mluvené odpovědi převádí na text rozpoznávání řeči ve vašem prohlížeči; zvuk přitom může být zpracován na serverech poskytovatele prohlížeče.',
  muteButton: 'Ztlumit tazatele',
  unmuteButton: 'Zrušit ztlumení tazatele',
  timeRemaining: 'Zbývající čas: {time}',
  interviewerLabel: 'Tazatel',
  youLabel: 'Vy',
  reconnecting: 'Spojení bylo přerušeno. Obnovuje se připojení…',
  notOpenYet: 'Tento pohovor ještě není otevřený. Zahájit ho můžete od: {time}.',
  expired: 'Platnost odkazu na tento pohovor vypršela. Obraťte se prosím na společnost, která vám poslala pozvánku.',
  cancelled: 'Tento pohovor byl zrušen. S dotazy se prosím obraťte na společnost, která vám poslala pozvánku.',
  finished: 'Děkujeme! Tento pohovor už je dokončený.',
  failed: 'Tento pohovor skončil a už ho nelze absolvovat.',
  endedHeading: 'Pohovor skončil',
  sendFailed: 'Odpověď se nepodařilo odeslat. Zkoušíme to znovu…',

  // Genitive after "kolem": 1 minuty, 2 minut, 30 minut; "many" is for fractions.
  minutes: { one: '{count} minuty', few: '{count} minut', many: '{count} minuty', other: '{count} minut' },
};
