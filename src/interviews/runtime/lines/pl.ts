import type { Lines } from './lines.ts';

/**
 * Polish (pl-PL). The formal "Pan/Pani" needs the candidate's gender, which is unknown, so the
 * lines address the candidate through "proszę" + infinitive and impersonal forms, the polite
 * register of Polish forms and announcements; never the informal "ty". The interviewer speaks
 * without gendered past forms (its voice may be either). `{minutes}` follows "około" (genitive).
 */
export const pl: Lines = {
  greeting: 'Dzień dobry, {candidateName}. Nazywam się {interviewerName} i dziś poprowadzę rozmowę kwalifikacyjną w imieniu firmy {companyName}.',
  consentNotice:
    'Zanim zaczniemy, ważna informacja: tę rozmowę prowadzi sztuczna inteligencja, a nie człowiek. Rozmowa jest zapisywana w formie tekstowej transkrypcji, którą otrzyma firma {companyName}. Nie zapisujemy dźwięku ani obrazu.',
  howItWorks: 'Rozmowa potrwa około {minutes}. Odpowiadać można, pisząc lub mówiąc. Proszę spokojnie zastanowić się nad każdą odpowiedzią.',
  firstQuestion: 'Zaczynajmy.',
  nextQuestion: 'Dziękuję. Przejdźmy do następnego pytania.',
  lastQuestion: 'Dziękuję. Teraz ostatnie pytanie.',
  reprompt: 'Nie dotarła do mnie żadna odpowiedź. Nie ma pośpiechu – proszę spróbować odpowiedzieć jeszcze raz.',
  timeNotice: 'Dla informacji: do końca rozmowy zostało około {minutes}.',
  nudge: 'Czy nadal jesteśmy w kontakcie? Proszę odpowiedzieć w dogodnym momencie.',
  closing: 'Bardzo dziękuję za poświęcony czas. To już koniec rozmowy. Firma {companyName} skontaktuje się w sprawie dalszych kroków.',
  closingTimeUp: 'Nasz czas właśnie dobiegł końca. Bardzo dziękuję za odpowiedzi. To już koniec rozmowy; firma {companyName} wkrótce się odezwie.',
  fallbackQuestion: 'Proszę opowiedzieć coś o sobie: o dotychczasowej drodze zawodowej, doświadczeniu i o tym, co w tej ofercie wydaje się najbardziej interesujące.',
  outreachInterest: 'Czy nowa oferta pracy w firmie {companyName} mogłaby być interesująca?',
  outreachAvailability: 'Od kiedy byłoby możliwe rozpoczęcie pracy i kiedy byłby dogodny termin na rozmowę z zespołem?',
  unknownCaller: 'Dzień dobry, tu linia rekrutacyjna firmy {companyName}. Niestety nie znaleziono rozmowy przypisanej do tego numeru telefonu. Do usłyszenia.',
  voicemailCallBack: 'Dzień dobry, dzwonimy z firmy {companyName} w sprawie rozmowy kwalifikacyjnej. Aby ją odbyć, prosimy oddzwonić na ten numer. Dziękujemy i do usłyszenia.',

  pageTitle: 'Rozmowa kwalifikacyjna – {companyName}',
  introHeading: 'Witamy na rozmowie kwalifikacyjnej',
  introAiNotice:
    'Tę rozmowę prowadzi sztuczna inteligencja. Odpowiedzi, pisane lub mówione, są zapisywane jako tekst razem z pytaniami prowadzącego, a transkrypcja jest przekazywana firmie {companyName}. Nie zapisujemy dźwięku ani obrazu.',
  introAgent: 'Rozmowa: {agentName}. Czas trwania: około {minutes}.',
  startButton: 'Rozpocznij rozmowę',
  answerLabel: 'Odpowiedź',
  sendButton: 'Wyślij',
  voiceButton: 'Odpowiedz głosem',
  voiceStop: 'Zatrzymaj wprowadzanie głosowe',
  voiceNotice: 'Odpowiedzi mówione zamienia na tekst funkcja rozpoznawania mowy w przeglądarce; dźwięk może być przy tym przetwarzany na serwerach dostawcy przeglądarki.',
  muteButton: 'Wycisz prowadzącego',
  unmuteButton: 'Wyłącz wyciszenie prowadzącego',
  timeRemaining: 'Pozostały czas: {time}',
  interviewerLabel: 'Prowadzący',
  youLabel: 'Ja',
  reconnecting: 'Utracono połączenie. Ponowne łączenie…',
  notOpenYet: 'Ta rozmowa nie jest jeszcze dostępna. Rozpoczęcie możliwe od: {time}.',
  expired: 'Link do tej rozmowy wygasł. Prosimy o kontakt z firmą, która wysłała zaproszenie.',
  cancelled: 'Ta rozmowa została odwołana. W razie pytań prosimy o kontakt z firmą, która wysłała zaproszenie.',
  finished: 'Dziękujemy! Ta rozmowa została już zakończona.',
  failed: 'Ta rozmowa została zakończona i nie można już jej odbyć.',
  endedHeading: 'Rozmowa zakończona',
  sendFailed: 'Nie udało się wysłać odpowiedzi. Ponawiamy próbę…',

  // Genitive after "około": 1 minuty, 2 minut, 5 minut, 22 minut; "other" is for fractions.
  minutes: { one: '{count} minuty', few: '{count} minut', many: '{count} minut', other: '{count} minuty' },
};
