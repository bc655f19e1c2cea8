/**
 * The words attribution rules look for, in English and Russian: reporting verbs, the roles that
 * describe a speaker ("the Russian president", "представитель центра"), pronouns, and the words
 * that may stand between a speaker and its verb.
 */

import { stem } from '../text/stem';

const list = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));
/** A set of stems, built on first use (stemming loads the stemmers, which a parse worker may never need). */
function stems(words: string): () => ReadonlySet<string> {
  let set: ReadonlySet<string> | null = null;
  return () => (set ??= new Set([...list(words)].map((w) => stem(w))));
}

/** Reporting verbs as written (lowercase). Participles ("adding") inherit the clause's speaker. */
export const EN_VERBS = list(`
  said say says saying told tell tells added adds stated states noted notes stressed stresses explained explains
  emphasised emphasized emphasises emphasizes argued argues claimed claims insisted insists warned warns
  announced announces declared declares confirmed confirms denied denies admitted admits acknowledged acknowledges
  suggested suggests believes believed thinks thought revealed reveals reported reports wrote writes asked asks
  replied replies commented comments urged urges predicted predicts estimated estimates maintained maintains
  concluded concludes continued continues remarked remarks observed observes recalled recalls conceded concedes
  complained complains alleged alleges vowed vows promised promises pledged pledges hopes hoped feels felt
  described describes told assured assures agreed agrees disclosed discloses conceded contended contends
  countered counters responded responds answered answers accepted accepts expects expected indicated indicates
  underlined underlines highlighted highlights reiterated reiterates mentioned mentions cautioned cautions
  announced boasted boasts joked jokes quipped quips shouted wrote admitted predicted reckons reckoned
  accused accuses criticised criticized criticises criticizes condemned condemns dismissed dismisses welcomed welcomes
  praised praises blamed blames ruled claim argue insist warn believe fear fears feared
`);
export const EN_PARTICIPLES = list(`adding saying noting stressing explaining emphasising emphasizing arguing claiming insisting
  warning telling declaring pointing suggesting recalling urging describing`);
/** Two-word verbs: "pointed out", "went on to say". */
export const EN_PHRASAL: ReadonlyArray<RegExp> = [
  /^pointed out$/i,
  /^points out$/i,
  /^went on to say$/i,
  /^goes on to say$/i,
  /^called on$/i,
  /^calls on$/i,
];
/** Verbs whose object follows them ("X, …, accused Mr Clarke"): the speaker is never after the verb. */
export const EN_OBJECT_VERBS = list(`accused accuses criticised criticized criticises criticizes condemned condemns dismissed
  dismisses welcomed welcomes praised praises blamed blames urged urges`);

export const RU_VERBS = list(`
  сказал сказала сказали заявил заявила заявили отметил отметила отметили подчеркнул подчеркнула подчеркнули
  сообщил сообщила сообщили добавил добавила добавили пояснил пояснила пояснили указал указала указали
  заметил заметила заметили считает считают полагает полагают признал признала признали заверил заверила заверили
  напомнил напомнила напомнили уточнил уточнила уточнили рассказал рассказала рассказали говорит говорят
  констатировал констатировала заключил заключила призвал призвала призвали предупредил предупредила предупредили
  объяснил объяснила объяснили заявляет заявляют сообщает сообщают отмечает отмечают подчеркивает подчеркивают
  подчёркивает пишет пишут передает передаёт добавляет утверждает утверждают утверждал утверждала
  уверен уверена убежден убеждена высказал высказала ответил ответила ответили цитирует цитируют
  резюмировал резюмировала акцентировал акцентировала обратил обратила выразил выразила
  написал написала написали пообещал пообещала пообещали обещает предложил предложила сообщается заверяет
  признался призналась возразил возразила допустил допустила говорится
`);
export const RU_INTRO =
  /^(?:по\s+(?:словам|мнению|данным|информации|сведениям|оценкам|оценке)|как\s+(?:сказал|сказала|заявил|заявила|заявили|сообщил|сообщила|сообщили|отметил|отметила|отметили|подчеркнул|подчеркнула|пояснил|пояснила|рассказал|рассказала|уточнил|уточнила|пишет|сообщает|передает|передаёт))\s+/iu;

export const PRONOUNS: Record<string, 'm' | 'f' | 'pl' | 'any' | 'n'> = {
  it: 'n',
  he: 'm',
  she: 'f',
  they: 'pl',
  i: 'any',
  we: 'pl',
  он: 'm',
  она: 'f',
  они: 'pl',
  я: 'any',
  мы: 'pl',
};

/** Nouns that describe a speaker by role; stems group synonyms ("leader" can stand for "president"). */
const ROLE_STEMS = stems(`
  president leader minister premier chancellor secretary spokesman spokeswoman spokesperson official officials
  chief head chairman chairwoman chair director executive boss manager governor mayor senator mp mps lawmaker
  ambassador envoy diplomat commander general officer police spokesperson source sources analyst analysts expert
  experts economist economists report survey study statement ministry department government office court judge
  prosecutor lawyer campaigners campaigner group organisation organization agency union company firm party
  council committee commission authority authorities researcher researchers professor doctor adviser advisor
  counterpart king queen prince monarch pope bishop archbishop coach manager captain player striker founder owner
  representative negotiator leaders member members inspector spokesmen officials watchdog regulator bank
  correspondent reporter editor board club peer coordinator justice dealer trader broker
  alliance coalition association society federation fellowship consultancy
  представитель глава министр президент премьер председатель руководитель директор пресс-секретарь посол
  вице-премьер вице-президент замминистра заместитель губернатор мэр депутат сенатор эксперт аналитик источник лидер канцлер спикер
  режиссер режиссёр дирижер дирижёр тренер капитан писатель художник актер актриса певец певица врач учитель ректор профессор академик
  экономист политолог исследователь социолог демограф командующий генерал чиновник официальный ведомство министерство центр штаб правительство служба управление
`);

/** Whether a word (any case, any inflection) names a role. */
export function isRoleWord(word: string): boolean {
  return ROLE_STEMS().has(stem(word));
}

/** Role words that make a named entity a person (who can be "he" or "she"). */
const PERSON_ROLE_STEMS = stems(`
  president leader minister premier chancellor secretary spokesman spokeswoman spokesperson chief head chairman chairwoman director executive boss manager governor mayor senator mp lawmaker ambassador envoy diplomat commander general officer analyst expert economist judge justice dealer trader broker editor prosecutor lawyer campaigner researcher professor doctor adviser advisor counterpart king queen prince coach captain player founder owner representative negotiator member inspector президент министр премьер председатель руководитель директор пресс-секретарь посол губернатор мэр депутат сенатор эксперт аналитик лидер канцлер спикер генерал представитель глава
  режиссер режиссёр дирижер дирижёр тренер писатель актер актриса врач учитель ректор профессор демограф экономист
`);

/** Whether a role word (any inflection) is held by a person, not a body. */
export function isPersonRole(word: string): boolean {
  return PERSON_ROLE_STEMS().has(stem(word));
}

/** Role stems that may stand for each other when resolving a description to a named speaker. */
const ROLE_GROUPS = [
  stems('president leader head premier chancellor king queen monarch президент лидер глава'),
  stems('minister secretary chancellor министр глава'),
  stems('spokesman spokeswoman spokesperson representative спикер представитель пресс-секретарь'),
  stems('chief executive boss head director chairman chairwoman founder руководитель директор председатель глава'),
  stems('manager coach boss'),
  stems('judge justice'),
  stems('expert analyst economist researcher эксперт аналитик экономист исследователь политолог социолог демограф'),
  // "глава региона" is its governor or mayor.
  stems('governor mayor глава губернатор мэр'),
];

export function roleGroups(): ReadonlyArray<ReadonlySet<string>> {
  return ROLE_GROUPS.map((group) => group());
}

/** Words that may sit between a subject and its reporting verb ("Putin also said", "he has said"). */
export const EN_BETWEEN = list(`also has have had later earlier previously then today yesterday now once again would will
  repeatedly recently separately further publicly privately reportedly is was were are just had already
  также уже ранее вновь еще ещё вчера сегодня тогда позже затем однако лишь`);

/** Words after a verb that name who was told ("told reporters", "said in a statement"). */
export const EN_AUDIENCE = list(`reporters journalists the bbc bbc news radio parliament mps us me him her them it
  a an his their colleagues delegates supporters listeners viewers`);

/** Months and weekdays: capitalised but never a speaker's name. */
export const NOT_NAMES = list(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
  June July August September October November December The A An This That These Those It In On At But And If As
  When While After Before His Her Their Its Our My Your We They He She I There Here However Meanwhile Also So Yet
  Unfortunately Back Let Most Many Some All Both Each Every Such What Who Why How No Not Now Then Today Yesterday
  Under Over Despite Following Among Since Until Without Within Through During Against Across
  Мы Он Она Они Это Этот Эта Эти В На По С Из За К У О Но И А Как При Так Также Однако Для После До Когда Если`);
