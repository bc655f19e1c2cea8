import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passagesCsvToFile } from '../../electron/core/export/commands';
import { editArticleText } from '../../electron/core/articles/edit-text';
import { createPassage } from '../../electron/core/passages/edits';
import { insertArticle, openSession } from './passages-fixture';
import { tempDir } from './helpers';

const TEXTS = {
  en: 'Over 6.5 million refugees and displaced persons remain outside Syria, the president said on Monday evening.',
  ru: 'По словам президента, более 6,5 миллиона беженцев остаются за пределами Сирии до сих пор, сообщает агентство.',
  zh: '据新华社报道，联合国难民署发言人本星期一在日内瓦举行的记者会上表示，目前超过六百五十万叙利亚难民仍然滞留在国外，无法返回他们的家园，而且这个数字还在继续增加，国际社会必须提供更多援助。',
  emoji: 'Putin’s special envoy 😀😀😀😀😀 said the refugees’ return was “slow” and 🇸🇾🇸🇾🇸🇾 flags flew everywhere.',
};

/** Exports the CSV and returns each passage's context columns and quote, keyed by its quote. */
async function contexts(quotes: Record<keyof typeof TEXTS, string>): Promise<Record<string, Record<string, string>>> {
  const { session, db } = openSession();
  for (const key of Object.keys(TEXTS) as Array<keyof typeof TEXTS>) {
    const text = TEXTS[key];
    const articleId = insertArticle(db, { title: key, text });
    const start = text.indexOf(quotes[key]);
    await session.apply(() => createPassage(db, session.lib.clock, { articleId, start, end: start + quotes[key].length }));
  }
  const path = join(tempDir(), 'passages.csv');
  await passagesCsvToFile(session.lib, path, {});
  const rows = parse(readFileSync(path), { bom: true, columns: true }) as Array<Record<string, string>>;
  session.close();
  return Object.fromEntries(rows.map((row) => [row.article_title!, row]));
}

describe('CSV context columns', () => {
  it('hold whole words on both sides in Latin, Cyrillic, Chinese and emoji text, and the offsets stay exact', async () => {
    const quotes = { en: 'outside Syria', ru: 'остаются', zh: '叙利亚难民', emoji: 'return' };
    const rows = await contexts(quotes);
    // Before the fix, the 32 code units each side: "es and displaced persons remain " and ", the president said on Monday e".
    expect(rows.en!.context_before).toBe(' and displaced persons remain ');
    expect(rows.en!.context_after).toBe(', the president said on Monday ');
    expect(rows.ru!.context_before).toBe(', более 6,5 миллиона беженцев ');
    expect(rows.ru!.context_after).toBe(' за пределами Сирии до сих пор, ');
    // Chinese has no spaces: the cuts fall between dictionary words (难民|署, 国际), never inside one.
    expect(rows.zh!.context_before).toBe('署发言人本星期一在日内瓦举行的记者会上表示，目前超过六百五十万');
    expect(rows.zh!.context_after).toBe('仍然滞留在国外，无法返回他们的家园，而且这个数字还在继续增加，');
    // Emoji and flags are never split, and an apostrophe inside or after a word keeps it whole.
    expect(rows.emoji!.context_before).toBe(' 😀😀😀😀😀 said the refugees’ ');
    expect(rows.emoji!.context_after).toBe(' was “slow” and 🇸🇾🇸🇾🇸🇾 ');
    for (const key of Object.keys(TEXTS) as Array<keyof typeof TEXTS>) {
      const row = rows[key]!;
      const [start, end] = [Number(row.start), Number(row.end)];
      expect(TEXTS[key].slice(start, end)).toBe(quotes[key]);
      expect(TEXTS[key].slice(start - row.context_before!.length, end + row.context_after!.length)).toBe(
        row.context_before! + quotes[key] + row.context_after!,
      );
    }
  });

  it('an orphaned passage keeps the context it was marked in, cut to whole words too', async () => {
    const { session, db } = openSession();
    const text = TEXTS.en;
    const articleId = insertArticle(db, { title: 'en', text });
    const start = text.indexOf('outside Syria');
    await session.apply(() => createPassage(db, session.lib.clock, { articleId, start, end: start + 'outside Syria'.length }));
    await session.apply(() => editArticleText(db, session.lib.clock, articleId, 'A different text altogether, about the weather.'));
    const path = join(tempDir(), 'passages.csv');
    await passagesCsvToFile(session.lib, path, {});
    const [row] = parse(readFileSync(path), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(db.prepare('SELECT anchor FROM passages').pluck().get()).toBe('orphan');
    session.close();
    expect([row!.context_before, row!.quote, row!.context_after]).toEqual([
      ' and displaced persons remain ',
      'outside Syria',
      ', the president said on Monday ',
    ]);
  });
});
