import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuote } from '../../electron/core/anchoring/quote';
import { reanchor, type StoredAnchor } from '../../electron/core/anchoring/reanchor';
import { describeRange } from '../../electron/core/anchoring/selector';
import { TASS } from '../fixtures/tass';

const article = readFileSync(TASS.path, 'utf8');

/** An anchor on the n-th occurrence of `quote`, described as the app stores it. */
function anchor(text: string, quote: string, id = 1, occurrence = 0): StoredAnchor<number> {
  let start = text.indexOf(quote);
  for (let n = 0; n < occurrence; n++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return { id, ...describeRange(text, start, start + quote.length) };
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function paragraphOf(text: string, phrase: string): string {
  const at = text.indexOf(phrase);
  return text.slice(text.lastIndexOf('\n\n', at) + 2, text.indexOf('\n\n', at));
}

describe('reanchor on the TASS article', () => {
  const refugees = 'over 6.5 million refugees remain outside Syria';

  it('shifts a passage when text is inserted before it', () => {
    const a = anchor(article, refugees);
    const edited = replaceOnce(article, 'NOVO-OGARYOVO', 'NOVO-OGARYOVO (Moscow Region)');
    const [result] = reanchor(article, edited, [a]);
    expect(result).toEqual({ id: 1, start: a.start + 16, end: a.end + 16, status: 'exact' });
  });

  it('keeps text inserted exactly at a passage edge outside it', () => {
    const a = anchor(article, refugees);
    const edited = article.slice(0, a.start) + 'well ' + article.slice(a.start, a.end) + ' today' + article.slice(a.end);
    expect(reanchor(article, edited, [a])[0]).toMatchObject({ start: a.start + 5, end: a.end + 5, status: 'exact' });
  });

  it('follows a passage that had words inserted inside it (fuzzy)', () => {
    const quote = 'the hotbed of international terrorism there has actually been eliminated';
    const edited = replaceOnce(article, 'there has actually been eliminated', 'there has actually been largely eliminated');
    const [result] = reanchor(article, edited, [anchor(article, quote)]);
    expect(result?.status).toBe('fuzzy');
    expect(edited.slice(result!.start, result!.end)).toBe(
      'the hotbed of international terrorism there has actually been largely eliminated',
    );
  });

  it('orphans a passage whose paragraph was deleted, keeping the others exact', () => {
    const gone = anchor(article, 'providing temporary accommodation and basic necessities to Syrians', 1);
    const before = anchor(article, refugees, 2);
    const after = anchor(article, 'Over 850,000 Syrian citizens have returned from abroad', 3);
    const paragraph = paragraphOf(article, 'They have to bear considerable expenses');
    const edited = replaceOnce(article, paragraph + '\n\n', '');
    const results = reanchor(article, edited, [gone, before, after]);
    expect(results[0]).toEqual({ id: 1, start: gone.start, end: gone.end, status: 'orphan' });
    expect(results[1]).toEqual({ id: 2, start: before.start, end: before.end, status: 'exact' });
    const shift = paragraph.length + 2;
    expect(results[2]).toEqual({ id: 3, start: after.start - shift, end: after.end - shift, status: 'exact' });
  });

  it('does not move a deleted passage onto a merely similar sentence', () => {
    // The article says the same thing twice: "...terrorism there has actually been eliminated" and
    // "...terrorism in Syria has been actually eliminated".
    const a = anchor(article, 'the hotbed of international terrorism there has actually been eliminated');
    const edited = replaceOnce(article, paragraphOf(article, 'NOVO-OGARYOVO') + '\n\n', '');
    expect(reanchor(article, edited, [a])[0]?.status).toBe('orphan');
  });

  it('clamps an orphan into a shorter text', () => {
    const a = anchor(article, 'humanitarian disaster remained significant.');
    const edited = article.slice(0, 1000);
    expect(reanchor(article, edited, [a])[0]).toEqual({ id: 1, start: 1000, end: 1000, status: 'orphan' });
  });

  it('keeps a repeated quote on the occurrence it was made on when paragraphs move', () => {
    const quote = 'Russian President Vladimir Putin';
    const second = anchor(article, quote, 2, 1);
    const first = anchor(article, quote, 1, 0);
    // Move the "Reconstruction work" paragraph (second occurrence) to the top and insert a line.
    const moved = paragraphOf(article, 'Russian President Vladimir Putin told');
    const edited = 'Editor note.\n\n' + moved + '\n\n' + replaceOnce(article, moved + '\n\n', '');
    const [r1, r2] = reanchor(article, edited, [first, second]);
    expect(r2).toMatchObject({ status: 'exact' });
    expect(edited.slice(r2!.start, r2!.end + 14)).toBe(quote + ' told his Syri');
    expect(r1).toMatchObject({ status: 'exact' });
    expect(edited.slice(r1!.start, r1!.end + 8)).toBe(quote + ' said on');
  });

  it('follows a passage into a paragraph that was both moved and edited', () => {
    const quote = 'They have to bear considerable expenses, providing temporary accommodation';
    const a = anchor(article, quote);
    const paragraph = paragraphOf(article, quote);
    const edited = replaceOnce(
      paragraph + '\n\n' + replaceOnce(article, paragraph + '\n\n', ''),
      'considerable expenses',
      'very considerable expenses',
    );
    const [result] = reanchor(article, edited, [a]);
    expect(result?.status).toBe('fuzzy');
    expect(edited.slice(result!.start, result!.end)).toBe(quote.replace('considerable', 'very considerable'));
    expect(result!.start).toBeLessThan(paragraph.length);
  });

  it('resolves a near-duplicate by context and position after an edit inside the passage', () => {
    // The standfirst and the fourth paragraph both say "the level of violence in Syria has dropped
    // substantially"; the passage is on the fourth paragraph, which then gets edited.
    const quote = 'the level of violence in Syria has dropped substantially';
    const a = anchor(article, quote, 1, 1);
    const edited = replaceOnce(
      'Editor note.\n\n' + article,
      'According to Putin, the level of violence in Syria has dropped substantially',
      'According to Putin, the level of violence in Syria has dropped very substantially',
    );
    const [result] = reanchor(article, edited, [a]);
    expect(result?.status).toBe('fuzzy');
    expect(edited.slice(result!.start - 20, result!.end)).toBe(
      'According to Putin, the level of violence in Syria has dropped very substantially',
    );
  });

  it('absorbs whitespace and typo corrections inside the quote (fuzzy)', () => {
    const typo = replaceOnce(article, 'the hotbed of international terrorism there', 'the hotbed of  internatinal terorism there');
    const a = anchor(typo, 'the hotbed of  internatinal terorism there has actually been eliminated');
    const [result] = reanchor(typo, article, [a]);
    expect(result?.status).toBe('fuzzy');
    expect(article.slice(result!.start, result!.end)).toBe('the hotbed of international terrorism there has actually been eliminated');
  });

  it('keeps a zero-length anchor before text inserted at its position', () => {
    const at = article.indexOf('Reconstruction work');
    const a = { id: 9, ...describeRange(article, at, at) };
    const edited = article.slice(0, at) + 'New heading\n\n' + article.slice(at);
    expect(reanchor(article, edited, [a])[0]).toEqual({ id: 9, start: at, end: at, status: 'exact' });
  });
});

describe('reanchor with astral characters, combining marks and right-to-left text', () => {
  it('handles emoji before and inside a passage', () => {
    const old = replaceOnce(article, 'Putin stressed that', 'Putin 🇷🇺 stressed that');
    const a = anchor(old, 'Putin 🇷🇺 stressed that Russia continued');
    const shifted = replaceOnce(old, 'All news', 'All news 📰😀');
    expect(reanchor(old, shifted, [a])[0]).toEqual({ id: 1, start: a.start + 5, end: a.end + 5, status: 'exact' });

    const inside = replaceOnce(shifted, '🇷🇺 stressed', '🇷🇺 😀 stressed');
    const [result] = reanchor(old, inside, [a]);
    expect(result?.status).toBe('fuzzy');
    expect(inside.slice(result!.start, result!.end)).toBe('Putin 🇷🇺 😀 stressed that Russia continued');
  });

  it('never returns offsets that split a surrogate pair', () => {
    const old = 'Intro. ' + '😀'.repeat(30) + ' the quoted words here ' + '😀'.repeat(30);
    const start = old.indexOf('the quoted');
    const a = { id: 1, ...describeRange(old, start - 4, start + 20) };
    const edited = old.replace('quoted', 'quoted 😀');
    const [result] = reanchor(old, edited, [a]);
    expect(result?.status).toBe('fuzzy');
    for (const offset of [result!.start, result!.end]) {
      expect(/[\udc00-\udfff]/.test(edited[offset] ?? '') && /[\ud800-\udbff]/.test(edited[offset - 1] ?? '')).toBe(false);
    }
  });

  it('handles combining marks in and around a passage', () => {
    const decomposed = 'vide\u0301o-confe\u0301rence';
    const old = replaceOnce(article, 'video conferencing', decomposed);
    const a = anchor(old, 'held via ' + decomposed);
    const shifted = replaceOnce(old, 'Hotbed', 'Hote\u0301l hotbed');
    expect(reanchor(old, shifted, [a])[0]).toMatchObject({ start: a.start + 7, status: 'exact' });

    // Normalising to NFC inside the passage changes "e" + U+0301 into "é".
    const normalised = old.normalize('NFC');
    const [result] = reanchor(old, normalised, [a]);
    expect(result?.status).toBe('fuzzy');
    expect(normalised.slice(result!.start, result!.end)).toBe('held via vidéo-conférence');
  });

  it('handles Arabic and Hebrew passages', () => {
    const arabic = 'قال الرئيس الروسي فلاديمير بوتين إن بؤرة الإرهااب الدولي في سوريا قد تم القضاء عليها فعليا.';
    const hebrew = 'נשיא רוסיה ולדימיר פוטין אמר כי מוקד הטרור הבינלאומי בסוריה חוסל למעשה.';
    const old = article + '\n\n' + arabic + '\n\n' + hebrew;
    const a = anchor(old, 'بؤرة الإرهااب الدولي في سوريا', 1);
    const h = anchor(old, 'מוקד הטרור הבינלאומי בסוריה', 2);

    const shifted = replaceOnce(old, 'All news', 'All the news');
    expect(reanchor(old, shifted, [a, h])).toEqual([
      { id: 1, start: a.start + 4, end: a.end + 4, status: 'exact' },
      { id: 2, start: h.start + 4, end: h.end + 4, status: 'exact' },
    ]);

    const corrected = replaceOnce(replaceOnce(old, 'الإرهااب', 'الإرهاب'), 'מוקד הטרור', 'מוקד  הטרור');
    const [ra, rh] = reanchor(old, corrected, [a, h]);
    expect(ra?.status).toBe('fuzzy');
    expect(corrected.slice(ra!.start, ra!.end)).toBe('بؤرة الإرهاب الدولي في سوريا');
    expect(rh?.status).toBe('fuzzy');
    expect(corrected.slice(rh!.start, rh!.end)).toBe('מוקד  הטרור הבינלאומי בסוריה');
  });
});

describe('findQuote', () => {
  it('picks the occurrence nearest the expected position when contexts are identical', () => {
    const filler = 'x'.repeat(40);
    const text = `${filler} the same sentence ${filler} ${filler} the same sentence ${filler}`;
    const first = text.indexOf('the same sentence');
    const second = text.lastIndexOf('the same sentence');
    const { prefix, suffix } = describeRange(text, second, second + 17);
    expect(findQuote(text, { exact: 'the same sentence', prefix, suffix, start: second - 3 })?.start).toBe(second);
    expect(findQuote(text, { exact: 'the same sentence', prefix, suffix, start: first + 3 })?.start).toBe(first);
    expect(findQuote(text, { exact: 'the same sentence', prefix, suffix })?.start).toBe(first);
  });

  it('uses context to choose between occurrences, and works without any', () => {
    const quote = 'Russian President Vladimir Putin';
    const second = article.lastIndexOf(quote);
    const { prefix, suffix } = describeRange(article, second, second + quote.length);
    expect(findQuote(article, { exact: quote, prefix, suffix })).toEqual({
      start: second,
      end: second + quote.length,
      status: 'exact',
      score: 1,
    });
    expect(findQuote(article, { exact: quote })?.start).toBe(article.indexOf(quote));
  });

  it('finds nothing for an empty quote or an unrelated one', () => {
    expect(findQuote(article, { exact: '' })).toBeNull();
    expect(findQuote(article, { exact: 'The quick brown fox jumps over the lazy dog' })).toBeNull();
  });
});

describe('reanchor at scale', () => {
  it('moves 5,000 anchors through one edit of a 1 MB text', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    const words = article.split(/\s+/).filter(Boolean);
    const paragraphs: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const paragraph = Array.from({ length: 40 + Math.floor(next() * 80) }, () => words[Math.floor(next() * words.length)]).join(' ');
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    const old = paragraphs.join('\n\n');
    const anchors = Array.from({ length: 5000 }, (_, id) => {
      const start = Math.floor(next() * (old.length - 200));
      return { id, ...describeRange(old, start, start + 40 + Math.floor(next() * 160)) };
    });
    const at = old.indexOf(' ', old.length >> 1);
    const insertion = ' really';
    const edited = old.slice(0, at) + insertion + old.slice(at);

    const results = reanchor(old, edited, anchors);
    let fuzzy = 0;
    for (const [i, result] of results.entries()) {
      const a = anchors[i]!;
      expect(result.id).toBe(a.id);
      if (a.end <= at) {
        expect(result).toEqual({ id: a.id, start: a.start, end: a.end, status: 'exact' });
      } else if (a.start > at) {
        expect(result).toEqual({ id: a.id, start: a.start + 7, end: a.end + 7, status: 'exact' });
      } else {
        fuzzy++;
        expect(result.status).toBe(a.start === at ? 'exact' : 'fuzzy');
        const expected = a.start === at ? a.exact : a.exact.slice(0, at - a.start) + insertion + a.exact.slice(at - a.start);
        expect(edited.slice(result.start, result.end)).toBe(expected);
      }
    }
    expect(old.length).toBeGreaterThanOrEqual(1_000_000);
    expect(fuzzy).toBeGreaterThan(0);
  });
});
