/** News-text heuristics: datelines, bylines and site chrome lines. */

export interface Dateline {
  place: string;
  outlet: string | null;
  /** ISO 8601, partial when the year is missing: "--11-09". */
  published: string | null;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string][] = [
  [1, 'january jan janvier janv januar jän enero ene января январь янв'],
  [2, 'february feb février févr februar febrero февраля февраль фев'],
  [3, 'march mar mars märz marzo марта март мар'],
  [4, 'april apr avril abril апреля апрель апр'],
  [5, 'may mai mayo мая май'],
  [6, 'june jun juin juni junio июня июнь'],
  [7, 'july jul juillet juli julio июля июль'],
  [8, 'august aug août agosto ago августа август авг'],
  [9, 'september sep sept septembre septiembre set сентября сентябрь сен'],
  [10, 'october oct octobre oktober okt octubre окт октября октябрь'],
  [11, 'november nov novembre noviembre ноября ноябрь ноя'],
  [12, 'december dec décembre déc dezember dez diciembre dic декабря декабрь дек'],
];
for (const [month, names] of MONTH_NAMES) for (const name of names.split(' ')) MONTHS[name] = month;

// Known outlets that Russian datelines name after a dash: "МОСКВА, 3 марта — РИА Новости."
const DASH_OUTLETS = ['РИА Новости', 'ИТАР-ТАСС', 'ТАСС', 'Интерфакс', 'RIA Novosti', 'Interfax', 'Прайм', 'Sputnik'];

const PLACE_CAPS = String.raw`\p{Lu}[\p{Lu}\p{M}'’.\- ]*?\p{Lu}\.?`;
const PLACE_TITLE = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*(?: \p{Lu}[\p{L}\p{M}'’.\-]*){0,3}`;
const DATE = String.raw`(?:(\p{L}{3,10})\.? (\d{1,2})|(\d{1,2})\.? (\p{L}{3,10})\.?)(?:,? (\d{4}))?`;
const DASH = String.raw`[-–—]`;

// "NOVO-OGARYOVO, November 9. /TASS/." "МОСКВА, 3 марта. /ТАСС/." "МОСКВА, 10 ноября." "MOSCOW, March 3 - "
const CAPS_DATELINE = new RegExp(
  String.raw`^(${PLACE_CAPS}), ${DATE}(?:\. ?/([^/\n]{1,40})/\.?|\s*${DASH}\s*(${DASH_OUTLETS.join('|')})\.|\s*${DASH}\s|\.\s)`,
  'u',
);
// "LONDON (Reuters) -" "WASHINGTON (AP) —" "MOSCOW, March 3 (RIA Novosti) -" "PARIS, 5 March (AFP) -"
const PAREN_DATELINE = new RegExp(String.raw`^(${PLACE_TITLE})(?:, ${DATE})? \(([^()\n]{1,40})\)\s*[-–—:]\s`, 'u');

function isoDate(month: number | undefined, day: string | undefined, year: string | undefined): string | null | false {
  if (month === undefined || day === undefined) return false;
  const d = Number(day);
  if (d < 1 || d > 31) return false;
  const mmdd = `${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return year ? `${year}-${mmdd}` : `--${mmdd}`;
}

/** Reads the date from DATE's five groups; false when it is not a date (the regex was too loose). */
function readDate(groups: (string | undefined)[]): string | null | false {
  const [monthFirst, dayAfter, dayFirst, monthAfter, year] = groups;
  if (monthFirst === undefined && dayFirst === undefined) return null;
  const name = (monthFirst ?? monthAfter ?? '').toLowerCase();
  return isoDate(MONTHS[name], dayAfter ?? dayFirst, year);
}

/** Recognises a dateline at the start of a paragraph. The paragraph itself is left as it is. */
export function parseDateline(paragraph: string): Dateline | null {
  const head = paragraph.slice(0, 160);
  const caps = CAPS_DATELINE.exec(head);
  if (caps) {
    const published = readDate(caps.slice(2, 7));
    if (published !== false && published !== null) {
      return { place: caps[1]!.trim(), outlet: (caps[7] ?? caps[8])?.trim() ?? null, published };
    }
  }
  const paren = PAREN_DATELINE.exec(head);
  if (paren) {
    const published = readDate(paren.slice(2, 7));
    if (published !== false) return { place: paren[1]!.trim(), outlet: paren[7]!.trim(), published };
  }
  return null;
}

// A date in a file name: 2020-11-09, 2020_11_09, 2020.11.09 or 20201109, not inside a longer number.
const FILE_NAME_DATE = /(?<!\d)((?:19|20)\d{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)/g;

/**
 * Completes a date the text gave without its year ("--11-09") from the file's name
 * ("putin-assad-syria-2020-11-09.txt") when the name holds a full date with the same month and
 * day, and only one such year. Anything else is left as it was: a year is never guessed.
 */
export function completeDateFromFileName(published: string | null, fileName: string): string | null {
  const partial = published === null ? null : /^--(\d{2})-(\d{2})$/.exec(published);
  if (!partial) return published;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const years = new Set<string>();
  for (const [, year, , month, day] of base.matchAll(FILE_NAME_DATE)) if (month === partial[1] && day === partial[2]) years.add(year!);
  return years.size === 1 ? `${[...years][0]}-${partial[1]}-${partial[2]}` : published;
}

const BYLINE =
  /^(?:by|от|par|von|por|di)\s+(\p{Lu}[\p{L}\p{M}.'’\- ]{1,60}(?:(?:,| and| и| et| und| y) \p{Lu}[\p{L}\p{M}.'’\- ]{1,60})*)$/iu;

/** "By Jane Doe" on its own line. */
export function parseBylineLine(line: string): string | null {
  if (line.length > 120 || line.includes('\n')) return null;
  const m = BYLINE.exec(line.trim());
  return m ? m[1]!.trim() : null;
}

// Lines that saved web pages carry around the article; dropped only as whole paragraphs.
const CHROME = new Set([
  'all news',
  'все новости',
  'news',
  'новости',
  'home',
  'главная',
  'menu',
  'меню',
  'share',
  'share this',
  'share this article',
  'поделиться',
  'advertisement',
  'реклама',
  'read more',
  'читайте также',
  'подробнее',
  'subscribe',
  'подписаться',
  'print',
  'back to top',
  'наверх',
  'skip to content',
  'skip to main content',
  'related',
  'related articles',
  'related news',
  'comments',
  'tweet',
  'toggle navigation',
  'sign in',
  'log in',
  'войти',
  'top stories',
  'latest news',
  'последние новости',
]);

export function isChromeLine(paragraph: string): boolean {
  if (paragraph.length > 40) return false;
  return CHROME.has(
    paragraph
      .trim()
      .toLowerCase()
      .replace(/[\s:>»›→|]+$/u, ''),
  );
}
