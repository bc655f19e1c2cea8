import { describe, expect, it } from 'vitest';
import { describeValue, parseFigures } from '../../electron/core/claims/figures';

const one = (text: string) => {
  const figures = parseFigures(text);
  expect(figures, text).toHaveLength(1);
  return figures[0]!;
};

describe('figures', () => {
  it('normalises every spelling of 6.5 million refugees to one value and one counted thing', () => {
    const spellings = [
      'over 6.5 million refugees remain outside Syria',
      'More than 6.5 mln refugees remain outside Syria',
      'over 6,500,000 refugees remain',
      'остаются свыше 6,5 млн беженцев',
      'свыше 6,5 миллиона беженцев',
    ];
    for (const text of spellings) {
      const figure = one(text);
      expect({ value: figure.value, counted: figure.counted, unit: figure.unit, qualifier: figure.qualifier }, text).toEqual({
        value: 6_500_000,
        counted: 'refugee',
        unit: 'people',
        qualifier: 'more than',
      });
    }
  });

  it('reads thousands in Russian and skips adjectives to the counted noun', () => {
    const ru = one('Более 850 тысяч сирийских граждан вернулись из-за рубежа');
    const en = one('Over 850,000 Syrian citizens have returned from abroad');
    expect([ru.value, ru.counted, ru.countedText]).toEqual([850_000, 'citizen', 'сирийских граждан']);
    expect([en.value, en.counted, en.countedText]).toEqual([850_000, 'citizen', 'Syrian citizens']);
  });

  it('treats %, per cent and процентов as one unit, and finds what a bare percentage is of', () => {
    expect(one('Inflation rose to 10% in November').unit).toBe('%');
    expect(one('Inflation rose to 10% in November').countedText).toBe('Inflation');
    expect(one('turnout was 10 per cent').unit).toBe('%');
    expect(one('явка составила 10 процентов').unit).toBe('%');
    expect(one('10% of voters stayed at home').counted).toBe('voter');
  });

  it('keeps qualifiers and marks hedges', () => {
    expect(one('about 3,000 people').qualifier).toBe('about');
    expect(one('about 3,000 people').hedged).toBe(true);
    expect(one('an estimated 3,000 people').hedged).toBe(true);
    expect(one('almost 3,000 people').qualifier).toBe('almost');
    expect(one('at least 3,000 people').qualifier).toBe('at least');
    expect(one('fewer than 3,000 people').qualifier).toBe('less than');
    expect(one('около 3 тыс. человек').qualifier).toBe('about');
    expect(one('3,000 people died').hedged).toBe(false);
    expect(one('3,000 people died').qualifier).toBeNull();
  });

  it('reads ranges, with the multiplier written once', () => {
    const en = one('between 5 and 10 million voters');
    expect([en.value, en.high, en.qualifier]).toEqual([5_000_000, 10_000_000, 'between']);
    const ru = one('от 5 до 10 млн рублей');
    expect([ru.value, ru.high, ru.unit]).toEqual([5_000_000, 10_000_000, 'RUB']);
    expect(one('5-10% of the vote').high).toBe(10);
  });

  it('reads currencies and leaves years, days and times out', () => {
    const pounds = one('He was paid £1.8m on 9 November at 10:30 in 2018.');
    expect([pounds.value, pounds.unit]).toEqual([1_800_000, 'GBP']);
    expect(parseFigures('В 2018 году и 9 ноября 2020 г.')).toEqual([]);
    expect(one('2018 people signed').value).toBe(2018);
  });

  it('describes values as an analyst reads them', () => {
    expect(describeValue({ value: 6_500_000, high: null, unit: 'people' })).toBe('6.5 million');
    expect(describeValue({ value: 850_000, high: null, unit: null })).toBe('850,000');
    expect(describeValue({ value: 10, high: null, unit: '%' })).toBe('10%');
    expect(describeValue({ value: 1_800_000, high: null, unit: 'GBP' })).toBe('£1.8 million');
  });
});
