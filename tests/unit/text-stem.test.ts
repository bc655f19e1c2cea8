import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentStems, searchStem, stem, stemmedText, stemTokensOf, wordsOf } from '../../electron/core/text/stem';
import { tokensOf } from '../../electron/core/text/tokens';
import { nameKey, sameName, toLatin } from '../../electron/core/text/translit';

describe('stemming', () => {
  it('gives inflections of a word one stem, in English and Russian', () => {
    expect(stem('refugees')).toBe(stem('refugee'));
    expect(stem('returned')).toBe(stem('returning'));
    expect(stem('беженцев')).toBe(stem('беженцы'));
    expect(stem('Ёлки')).toBe(stem('елки'));
  });

  it('drops function words from content stems and keeps every word in the stemmed text', () => {
    expect(contentStems('The refugees are returning to Syria')).toEqual(['refuge', 'return', 'syria']);
    expect(stemmedText('Более 850 тысяч граждан')).toBe('бол тысяч гражда');
    expect(wordsOf('по-прежнему al-Assad')).toHaveLength(2);
  });

  it('gives the search index each stem that differs from its token once, in order, for ASCII and other texts alike', () => {
    const fixtures = join(import.meta.dirname, '..', 'fixtures');
    const texts = [
      readFileSync(join(fixtures, 'tass', 'putin-assad-syria-2020-11-09.txt'), 'utf8'),
      readFileSync(join(fixtures, 'import', 'encodings', 'expected', 'ru-refugees.txt'), 'utf8'),
      readFileSync(join(fixtures, 'claims', 'bbc', 'abbas-will-not-tolerate-attacks.txt'), 'utf8'),
      'Refugees RETURNED to the Café Zürich; Ёлки и беженцев, naïve cafés 2020s',
    ];
    // What the column holds by definition: every token as the index folds it, stemmed, each stem once.
    const expected = (...parts: string[]): string => {
      const stems = new Set<string>();
      for (const part of parts) for (const token of tokensOf(part)) stems.add(searchStem(token.folded) ?? '');
      stems.delete('');
      return [...stems].join(' ');
    };
    for (const text of texts) expect(stemTokensOf('A title: Refugees', text)).toBe(expected('A title: Refugees', text));
    expect(stemTokensOf('Refugees RETURNED to the café')).toBe('refuge return');
  });
});

describe('transliteration for names', () => {
  it('matches names across Cyrillic and Latin, whatever their case ending', () => {
    expect(toLatin('Путин')).toBe('Putin');
    for (const [ru, en] of [
      ['Путина', 'Putin'],
      ['Асадом', 'Assad'],
      ['Лавров', 'Lavrov'],
      ['Сирийских', 'Syrian'],
      ['России', 'Russia'],
      ['Эрдоган', 'Erdogan'],
    ] as const) {
      expect(sameName(nameKey(ru), nameKey(en)), `${ru} / ${en}`).toBe(true);
    }
  });

  it('keeps different names apart', () => {
    expect(sameName(nameKey('Путин'), nameKey('Pushkin'))).toBe(false);
    expect(sameName(nameKey('Иран'), nameKey('Iraq'))).toBe(false);
    expect(sameName(nameKey('Blair'), nameKey('Brown'))).toBe(false);
  });
});
