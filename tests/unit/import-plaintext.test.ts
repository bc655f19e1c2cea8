import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../electron/core/model';
import { completeDateFromFileName, parseDateline } from '../../electron/core/import/news';
import { detectLanguage } from '../../electron/core/import/language';
import { parsePlainText } from '../../electron/core/import/plaintext';
import { TASS } from '../fixtures/tass';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const blockTexts = (a: ParsedArticle) => a.blocks.map((b) => a.text.slice(b.start, b.end));

/** Blocks cover the text exactly, in order, separated by one blank line. */
function expectWellFormed(a: ParsedArticle): void {
  expect(a.text).toBe(blockTexts(a).join('\n\n'));
  expect(a.text).toBe(a.text.normalize('NFC'));
  for (const text of blockTexts(a)) expect(text).not.toMatch(/\n\n|^\s|\s$/);
}

describe('plain text news articles', () => {
  const tass = parsePlainText(readFileSync(TASS.path, 'utf8'), TASS.fileName, 'txt');

  it('extracts the TASS metadata, the year from the file name whose date agrees with the dateline', () => {
    expect(tass).toMatchObject({
      title: TASS.title,
      outlet: 'TASS',
      place: 'NOVO-OGARYOVO',
      published: '2020-11-09',
      byline: null,
      language: 'en',
      format: 'txt',
    });
  });

  it('keeps the lead, the dateline paragraph and the subheading as blocks, drops site chrome', () => {
    expectWellFormed(tass);
    const texts = blockTexts(tass);
    expect(tass.blocks[0]!.kind).toBe('lead');
    expect(texts[0]).toMatch(/^According to the Russian president, .* is underway$/);
    expect(texts[1]).toMatch(/^NOVO-OGARYOVO, November 9\. \/TASS\/\. The work on a settlement/);
    const heading = tass.blocks.find((b) => b.kind === 'heading');
    expect(heading && tass.text.slice(heading.start, heading.end)).toBe('Reconstruction work');
    expect(tass.blocks.filter((b) => b.kind === 'heading')).toHaveLength(1);
    expect(tass.text).not.toMatch(/All news/);
    expect(tass.text).not.toContain(TASS.title);
    expect(tass.text).toContain('over 6.5 million refugees remain outside Syria');
  });

  it('takes the first line of a BBC file as its title', () => {
    const bbc = parsePlainText(readFileSync(join(fixtures, 'bbc/1m-payoff-for-former-shell-boss.txt'), 'utf8'), 'x.txt', 'txt');
    expect(bbc.title).toBe('$1m payoff for former Shell boss');
    expect(bbc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(blockTexts(bbc)[0]).toMatch(/^Shell is to pay \$1m/);
    expect(bbc.language).toBe('en');
    expectWellFormed(bbc);
  });

  it('falls back to the file name when no line looks like a title', () => {
    const a = parsePlainText('Just one paragraph of notes that goes on.', 'notes-2024.txt', 'txt');
    expect(a.title).toBe('notes-2024');
    expect(a.text).toBe('Just one paragraph of notes that goes on.');
  });

  it('does not take a lone caption word for a title', () => {
    const a = parsePlainText('Photo\n\nThe minister arrived on Monday.\n\nShe left on Tuesday.', 'story.txt', 'txt');
    expect(a.title).toBe('story');
    expect(a.text.startsWith('Photo\n\n')).toBe(true);
  });

  it('handles files without blank lines and bullet lists', () => {
    const a = parsePlainText('Title here\nFirst paragraph.\nSecond paragraph.', 'f.txt', 'txt');
    expect(a.title).toBe('Title here');
    expect(blockTexts(a)).toEqual(['First paragraph.', 'Second paragraph.']);
    const list = parsePlainText('Shopping list\n\nWe need:\n\n- eggs\n- milk\n\nThat is all.', 'l.txt', 'txt');
    expect(list.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list-item', 'list-item', 'paragraph']);
    expect(blockTexts(list).slice(1, 3)).toEqual(['eggs', 'milk']);
  });

  it('does not take a sentence broken across paragraphs, or a number, for a heading', () => {
    const a = parsePlainText(
      'A title line\n\nFirst paragraph.\n\nSteven scored the goal that secured qualification for\n\nthe team in the final minute.\n\n27,595\n\nLast paragraph.',
      'b.txt',
      'txt',
    );
    expect(a.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('reads Russian datelines', () => {
    const a = parsePlainText(
      'Заголовок новости\n\nМОСКВА, 3 марта. /ТАСС/. Президент заявил, что работа идёт по плану и будет продолжена.',
      'r.txt',
      'txt',
    );
    expect(a).toMatchObject({ title: 'Заголовок новости', place: 'МОСКВА', outlet: 'ТАСС', published: '--03-03', language: 'ru' });
  });

  it('takes a byline line out of the text into the metadata', () => {
    const a = parsePlainText('Big news today\n\nBy Jane Doe\n\nLONDON (Reuters) - Something happened.', 'b.txt', 'txt');
    expect(a).toMatchObject({ byline: 'Jane Doe', place: 'LONDON', outlet: 'Reuters', published: null });
    expect(a.text).toBe('LONDON (Reuters) - Something happened.');
  });
});

describe('datelines', () => {
  it.each([
    ['NOVO-OGARYOVO, November 9. /TASS/. The work', 'NOVO-OGARYOVO', 'TASS', '--11-09'],
    ['LONDON (Reuters) - Britain said', 'LONDON', 'Reuters', null],
    ['WASHINGTON (AP) — The Senate', 'WASHINGTON', 'AP', null],
    ['MOSCOW, March 3 (RIA Novosti) - Russia', 'MOSCOW', 'RIA Novosti', '--03-03'],
    ['PARIS, 5 March (AFP) - France', 'PARIS', 'AFP', '--03-05'],
    ['МОСКВА, 3 марта. /ТАСС/. Текст', 'МОСКВА', 'ТАСС', '--03-03'],
    ['МОСКВА, 3 марта — РИА Новости. Текст', 'МОСКВА', 'РИА Новости', '--03-03'],
    ['МОСКВА, 10 ноября. Более 850 тысяч', 'МОСКВА', null, '--11-10'],
    ['NEW YORK, Jan. 5, 2021 (Reuters) - Stocks', 'NEW YORK', 'Reuters', '2021-01-05'],
    ['ST. PETERSBURG, 12 June 2019. /TASS/. The forum', 'ST. PETERSBURG', 'TASS', '2019-06-12'],
  ])('%s', (paragraph, place, outlet, published) => {
    expect(parseDateline(paragraph)).toEqual({ place, outlet, published });
  });

  it.each(['The work on a settlement in Syria', 'Putin said on Monday (Reuters) - nothing', 'UN, May be. Ok', 'PARIS, 45 March (AFP) - x'])(
    'is not fooled by %s',
    (paragraph) => expect(parseDateline(paragraph)).toBeNull(),
  );
});

describe('a year from the file name', () => {
  it.each([
    ['--11-09', 'putin-assad-syria-2020-11-09.txt', '2020-11-09'],
    ['--11-09', '/home/me/tass/20201109-putin.txt', '2020-11-09'],
    ['--11-09', 'C:\\news\\tass_2020_11_09.txt', '2020-11-09'],
    ['--11-09', 'tass-2020.11.09-and-again-2020-11-09.txt', '2020-11-09'],
    // Never a guess: another day, two years, no full date, a date inside a longer number, a folder's date.
    ['--11-09', 'putin-assad-syria-2020-11-10.txt', '--11-09'],
    ['--11-09', 'tass-2019-11-09-vs-2020-11-09.txt', '--11-09'],
    ['--11-09', 'tass-november-9.txt', '--11-09'],
    ['--11-09', 'id-120201109.txt', '--11-09'],
    ['--11-09', '/archive/2020-11-09/putin.txt', '--11-09'],
    ['--11', 'tass-2020-11-09.txt', '--11'],
    ['2019-11-09', 'tass-2020-11-09.txt', '2019-11-09'],
    [null, 'tass-2020-11-09.txt', null],
  ])('%s in %s → %s', (published, fileName, expected) => expect(completeDateFromFileName(published, fileName)).toBe(expected));

  it('is not taken when the dateline gives no date at all', () => {
    const a = parsePlainText('A headline for the story\n\nLONDON (Reuters) - The minister said so.', 'story-2021-03-04.txt', 'txt');
    expect(a).toMatchObject({ place: 'LONDON', published: null });
  });
});

describe('markdown', () => {
  const md = [
    '---',
    'title: Front matter title',
    'author: A. Writer',
    'date: 2021-03-04',
    '---',
    '',
    'Intro with **bold**, *italic*, `code` and a [link](http://example.com).',
    '',
    '## Section *one*',
    '',
    '> quoted line one',
    '> quoted line two',
    '',
    '- item one',
    '  - nested item',
    '1. numbered',
    '',
    '---',
    '',
    'Setext heading',
    '==============',
    '',
    '```',
    'const x = 1;',
    '```',
  ].join('\n');
  const a = parsePlainText(md, 'doc.md', 'md');

  it('maps headings, quotes, list items and strips inline markup', () => {
    expectWellFormed(a);
    expect(a).toMatchObject({ title: 'Front matter title', byline: 'A. Writer', published: '2021-03-04', format: 'md' });
    expect(a.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['paragraph', undefined],
      ['heading', 2],
      ['quote', undefined],
      ['list-item', 1],
      ['list-item', 2],
      ['list-item', 1],
      ['heading', 1],
      ['paragraph', undefined],
    ]);
    expect(blockTexts(a)).toEqual([
      'Intro with bold, italic, code and a link.',
      'Section one',
      'quoted line one quoted line two',
      'item one',
      'nested item',
      'numbered',
      'Setext heading',
      'const x = 1;',
    ]);
  });

  it('takes a leading # heading as the title', () => {
    const b = parsePlainText('# The title\n\nBody text with snake_case_name kept.', 'b.md', 'md');
    expect(b.title).toBe('The title');
    expect(b.text).toBe('Body text with snake_case_name kept.');
  });
});

describe('language', () => {
  it.each([
    ['The government said that it was ready to talk with the opposition.', 'en'],
    ['Правительство заявило, что готово к переговорам с оппозицией.', 'ru'],
    ['Le gouvernement a dit que les négociations sont dans une impasse pour le moment.', 'fr'],
    ['Die Regierung sagte, dass sie nicht mit der Opposition sprechen wird und auch nicht kann.', 'de'],
    ['El gobierno dijo que los negociadores se reunirán con la oposición para el acuerdo.', 'es'],
    ['12345 678', null],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});
