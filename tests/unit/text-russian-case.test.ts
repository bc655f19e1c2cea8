import { describe, expect, it } from 'vitest';
import { bodyNominative } from '../../electron/core/text/russian-case';

const nominative = (words: string, kase: 'prepositional' | 'genitive'): string => bodyNominative(words.split(' '), kase).join(' ');

describe('the nominative of a Russian body named in another case', () => {
  it('turns the head noun phrase after "в" into the nominative and keeps its complements', () => {
    expect(nominative('координационном центре мэрии', 'prepositional')).toBe('координационный центр мэрии');
    expect(nominative('межведомственном координационном центре', 'prepositional')).toBe('межведомственный координационный центр');
    expect(nominative('пресс-службе аэропорта', 'prepositional')).toBe('пресс-служба аэропорта');
    expect(nominative('городской администрации', 'prepositional')).toBe('городская администрация');
    expect(nominative('министерстве финансов', 'prepositional')).toBe('министерство финансов');
    expect(nominative('региональном управлении', 'prepositional')).toBe('региональное управление');
    expect(nominative('областном штабе', 'prepositional')).toBe('областной штаб');
    expect(nominative('Кремле', 'prepositional')).toBe('Кремль');
    expect(nominative('Госдуме', 'prepositional')).toBe('Госдума');
  });

  it('turns a genitive head ("в сообщении пресс-службы …") into the nominative', () => {
    expect(nominative('пресс-службы аэропорта', 'genitive')).toBe('пресс-служба аэропорта');
    expect(nominative('администрации губернатора', 'genitive')).toBe('администрация губернатора');
    expect(nominative('министерства обороны', 'genitive')).toBe('министерство обороны');
    expect(nominative('городского штаба', 'genitive')).toBe('городской штаб');
    expect(nominative('российского центра', 'genitive')).toBe('российский центр');
    expect(nominative('федеральной службы', 'genitive')).toBe('федеральная служба');
    expect(nominative('управления', 'genitive')).toBe('управление');
  });

  it('leaves acronyms and Latin names as written', () => {
    expect(nominative('МЧС России', 'prepositional')).toBe('МЧС России');
    expect(nominative('Reuters', 'genitive')).toBe('Reuters');
  });
});
