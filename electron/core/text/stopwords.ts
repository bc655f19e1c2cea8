/** Function words of English and Russian news text: never a shared term worth counting. */
const WORDS =
  // English
  'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
  'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
  'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
  'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
  'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
  'yours yourself yourselves s t don ll ve re d m said says say told tell added adds according mr mrs ms dr one also would ' +
  'could may might must shall us been being per cent percent year years new last first since around within without upon via ' +
  // Russian
  'и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ' +
  'ещё нет о об из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там ' +
  'потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под ' +
  'будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее неё сейчас были куда ' +
  'зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много ' +
  'разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между ' +
  'это эта также который которые которая которых году года год словам данным заявил сказал отметил сообщил свыше около';

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(' '));

export function isStopword(lowercaseWord: string): boolean {
  return STOPWORDS.has(lowercaseWord);
}
