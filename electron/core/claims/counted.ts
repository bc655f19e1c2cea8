import { stem } from '../text/stem';

/**
 * What figures count, across English and Russian: "refugees" and "беженцев" are one concept, so
 * a figure from a Russian report can agree with one from an English wire. Each line is
 * `concept · unit · English forms · Russian forms`; forms are stemmed at load, so a few spellings
 * cover every inflection. The unit is what an analyst reads beside the value (6.5 million ·
 * people · refugees). Words not listed still count by their own stem, within one language.
 */
const TABLE = `
refugee·people·refugees refugee asylum-seekers·беженцы беженцев беженец беженца
migrant·people·migrants migrant immigrants immigrant·мигранты мигрантов мигрант иммигрантов
displaced·people·displaced idps·переселенцы переселенцев вынужденных
citizen·people·citizens citizen nationals·граждане граждан гражданин гражданина
resident·people·residents resident inhabitants·жители жителей житель
people·people·people persons person individuals·люди людей человек человека
civilian·people·civilians civilian·мирных мирные
child·people·children child kids·дети детей ребенок ребенка
woman·people·women woman·женщины женщин
worker·people·workers worker employees employee staff·работники работников сотрудники сотрудников рабочих
job·jobs·jobs job·рабочих рабочие
soldier·people·soldiers soldier troops servicemen·военные военных военнослужащих солдат
fighter·people·fighters militants militant insurgents·боевики боевиков
death·people·deaths dead killed fatalities·погибших погибли погибло жертв смертей умерших
injured·people·injured wounded injuries·раненых пострадавших
victim·people·victims victim·жертвы пострадавшие
patient·people·patients patient·пациентов пациенты больных
case·cases·cases case infections·случаев случаи заражений
voter·people·voters voter electorate·избирателей избиратели
vote·votes·votes vote ballots·голосов голоса бюллетеней
seat·seats·seats seat·мест мандатов
student·people·students pupils·студентов учащихся школьников
user·people·users subscribers customers·пользователей абонентов клиентов
visitor·people·visitors tourists·туристов посетителей
member·people·members member·членов участников
household·households·households homes houses·домохозяйств домов семей
company·companies·companies firms businesses·компаний предприятий фирм
country·countries·countries nations states·стран государств
city·places·cities towns villages·городов населенных сел
school·places·schools·школ
hospital·places·hospitals·больниц госпиталей
vehicle·vehicles·cars vehicles·автомобилей машин
unit·units·units copies items·единиц штук экземпляров
barrel·barrels·barrels·баррелей
tonne·tonnes·tonnes tons·тонн
hectare·area·hectares acres·гектаров
kilometre·km·kilometres kilometers km miles·километров км
metre·m·metres meters·метров
year·years·years·лет года
month·months·months·месяцев
day·days·days·дней суток
hour·hours·hours·часов
dollar·USD·dollars dollar·долларов доллара доллар
euro·EUR·euros euro·евро
pound·GBP·pounds sterling·фунтов
rouble·RUB·roubles rubles·рублей рубля руб
percent·%·percent per-cent·процентов процента процент
`;

export interface Counted {
  /** Concept id, shared across languages ("refugee"), or a word's own stem when not listed. */
  concept: string;
  unit: string | null;
}

let byStem: Map<string, Counted> | null = null;

/** The table by stem, built on first use (stemming every form costs a parse worker that never needs it). */
function table(): Map<string, Counted> {
  if (!byStem) {
    byStem = new Map();
    for (const line of TABLE.trim().split('\n')) {
      const [concept, unit, english, russian] = line.split('·') as [string, string, string, string];
      for (const form of `${english} ${russian}`.split(' ')) byStem.set(stem(form), { concept, unit });
    }
  }
  return byStem;
}

/** The concept a word names when it is a known counted thing. */
export function countedConcept(word: string): Counted | undefined {
  return table().get(stem(word));
}
