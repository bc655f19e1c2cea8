import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../electron/core/claims/candidates';
import { TASS } from '../fixtures/tass';
import { FIXTURES } from './helpers';

const tass = readFileSync(TASS.path, 'utf8');
const ruRefugees = readFileSync(join(FIXTURES, 'import', 'encodings', 'expected', 'ru-refugees.txt'), 'utf8');

function find(text: string, words: string) {
  const found = findCandidates(text).find((c) => c.text.includes(words));
  expect(found, `a candidate with "${words}"`).toBeDefined();
  return found!;
}

describe('candidate claims', () => {
  it('finds the four TASS claims, each attributed to Putin, with offsets into the text', () => {
    for (const words of [
      'over 6.5 million refugees remain outside Syria',
      'Over 850,000 Syrian citizens',
      'more than 1.3 mln people',
      'hotbed of international terrorism in Syria has been actually eliminated',
    ]) {
      const candidate = find(tass, words);
      expect(candidate.speaker, words).toBe('Vladimir Putin');
      expect(tass.slice(candidate.start, candidate.end)).toBe(candidate.text);
    }
    const refugees = find(tass, 'over 6.5 million refugees');
    expect(refugees).toMatchObject({ kind: 'statistic', verb: 'noted', quoted: true });
    // One quote with two figures gives one candidate per figure.
    expect(find(tass, '850,000').text).not.toContain('1.3 mln');
  });

  it('resolves descriptions and pronouns to the named speaker', () => {
    expect(find(tass, 'the level of violence').speaker).toBe('Vladimir Putin'); // "According to the Russian president", before he is named
    expect(find(tass, 'In this regard').verb).toBe('stated'); // "the Russian leader stated"
    expect(find(tass, 'Let alone the fact').speaker).toBe('Vladimir Putin'); // "he added"
    const text =
      'Jack Straw met Condoleezza Rice. "We agreed on a plan," Mr Straw said. "It will take a year," he added. A spokeswoman said the talks "went well".';
    expect(find(text, 'It will take a year')).toMatchObject({ speaker: 'Jack Straw', verb: 'added', quoted: true });
    // An indefinite description stays itself, and a scare quote is part of the reported sentence.
    expect(find(text, 'the talks')).toMatchObject({ speaker: 'spokeswoman', quoted: false });
  });

  it('reads Russian attributions: «…», — отметил X; по данным X; сообщили в X', () => {
    expect(find(ruRefugees, 'Более 850 тысяч')).toMatchObject({
      kind: 'statistic',
      speaker: 'межведомственный координационный центр',
      verb: 'сообщили',
    });
    expect(find(ruRefugees, 'свыше 6,5 млн беженцев')).toMatchObject({
      speaker: 'межведомственный координационный центр',
      verb: 'по данным',
    });
    expect(find(ruRefugees, 'Большинство из них')).toMatchObject({ speaker: 'представитель центра', verb: 'отметил', quoted: true });
    const text =
      'Министр иностранных дел России Сергей Лавров провёл встречу. «Переговоры будут продолжены в декабре», — сказал Лавров. По словам министра, стороны обсудили гуманитарную ситуацию. «Положение остается тяжелым», — подчеркнул он.';
    expect(find(text, 'Переговоры будут')).toMatchObject({ speaker: 'Сергей Лавров', verb: 'сказал' });
    expect(find(text, 'стороны обсудили')).toMatchObject({ speaker: 'Сергей Лавров', verb: 'по словам', quoted: false });
    expect(find(text, 'Положение остается')).toMatchObject({ speaker: 'Сергей Лавров', verb: 'подчеркнул' });
  });

  it('names a Russian speaker in the nominative when first seen after "по словам"', () => {
    const text = 'По словам Владимира Путина, работа продолжается уже много месяцев.';
    expect(find(text, 'работа продолжается').speaker).toBe('Владимир Путин');
  });

  it('gives sentences with figures and no speaker as statistics', () => {
    const text = 'More than 180,000 women had terminations last year. The weather was fine.';
    expect(findCandidates(text)).toEqual([
      {
        text: 'More than 180,000 women had terminations last year',
        start: 0,
        end: 50,
        kind: 'statistic',
        speaker: null,
        verb: null,
        quoted: false,
      },
    ]);
  });
});
