import { describe, expect, it } from 'vitest';
import { contentStems, stem, stemmedText, wordsOf } from '../../electron/core/text/stem';
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
