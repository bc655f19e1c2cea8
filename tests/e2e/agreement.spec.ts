import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { registerFunctions } from '../../electron/core/library/functions';
import { TASS } from '../fixtures/tass';
import { expect, test, type Host } from './fixtures';
import { AgreementView } from './pages/agreement';
import { checkScreen } from './screens';
import { importTass } from './seed';

/**
 * Three coders' passages on the TASS article, written into the library's coders table and coded
 * columns (migration 15) by another process, as a merged or synced library would hold them. Ann
 * and Cem code Refugees on "over 6.5 million refugees remain outside Syria", Bob only on "over
 * 6.5 million refugees"; all three code Syria on the terrorism sentence's words.
 */
async function seed(host: Host) {
  const tass = await importTass(host);
  const db = new Database(host.libraryPath);
  // The schema's triggers (the passages' search index) call the library's functions.
  registerFunctions(db);
  try {
    const coder = db.prepare("INSERT INTO coders (uid, name, colour, created_at) VALUES (?, ?, ?, '2024-01-01T00:00:00Z')");
    const [ann, bob, cem] = [
      ['Ann', '#1f77b4'],
      ['Bob', '#d62728'],
      ['Cem', '#2ca02c'],
    ].map(([name, colour]) => Number(coder.run(randomUUID(), name, colour).lastInsertRowid));
    const tag = db.prepare("INSERT INTO tags (uid, name, color, created_at, updated_at) VALUES (?, ?, '#888888', '', '')");
    const refugees = Number(tag.run(randomUUID(), 'Refugees').lastInsertRowid);
    const syria = Number(tag.run(randomUUID(), 'Syria').lastInsertRowid);
    const passage = db.prepare(
      `INSERT INTO passages (uid, article_id, start, "end", exact, created_at, updated_at, coder_id) VALUES (?, ?, ?, ?, ?, '', '', ?)`,
    );
    const apply = db.prepare('INSERT INTO passage_tags (passage_id, tag_id, coder_id) VALUES (?, ?, ?)');
    const code = (coderId: number, phrase: string, tagId: number) => {
      const start = tass.text.indexOf(phrase);
      const id = passage.run(randomUUID(), tass.id, start, start + phrase.length, phrase, coderId).lastInsertRowid;
      apply.run(id, tagId, coderId);
    };
    code(ann!, TASS.phrases.refugeesRemain, refugees);
    code(cem!, TASS.phrases.refugeesRemain, refugees);
    code(bob!, TASS.phrases.refugeesCount, refugees);
    for (const c of [ann!, bob!, cem!]) code(c, TASS.phrases.terrorism, syria);
  } finally {
    db.close();
  }
  return tass;
}

/** Cohen's kappa of Ann and Bob on Refugees, by characters: Bob's words are the start of Ann's. */
function expectedKappa(length: number): number {
  const ann = TASS.phrases.refugeesRemain.length;
  const bob = TASS.phrases.refugeesCount.length;
  const observed = (length - (ann - bob)) / length;
  const chance = (ann / length) * (bob / length) + (1 - ann / length) * (1 - bob / length);
  return (observed - chance) / (1 - chance);
}

test.use({ viewport: { width: 1024, height: 700 } });

test('Compare coders: the statistics per tag and overall, the unit switch, the article side by side with its differences, the table as CSV', async ({
  app: page,
  host,
}) => {
  const tass = await seed(host);
  await page.reload();
  // From the command palette, by its name.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('Compare coders');
  await page.keyboard.press('Enter');
  const view = new AgreementView(page);
  await expect(view.region).toBeVisible();

  // Three coders: alpha for all, no kappa.
  await expect(view.coder('Cem')).toBeChecked();
  await expect(view.row('Syria')).toContainText('100.0%');
  await expect(view.row('Refugees').getByRole('cell').nth(1)).toHaveText('–');

  await view.coder('Cem').click();
  await expect(view.coder('Cem')).not.toBeChecked();
  const kappa = expectedKappa(tass.text.length);
  await expect(view.row('Refugees').getByRole('cell').nth(1)).toHaveText(kappa.toFixed(3));
  const percent = (100 * (tass.text.length - (TASS.phrases.refugeesRemain.length - TASS.phrases.refugeesCount.length))) / tass.text.length;
  await expect(view.row('Refugees').getByRole('cell').first()).toHaveText(`${percent.toFixed(1)}%`);
  await expect(view.row('Syria').getByRole('cell').nth(1)).toHaveText('1.000');

  // Side by side: one column per coder, and the one difference with its words.
  await expect(view.column('Ann')).toContainText(TASS.phrases.refugees);
  await expect(view.column('Bob').locator('mark')).toHaveText([TASS.phrases.terrorism, TASS.phrases.refugeesCount]);
  await expect(view.differences.getByRole('listitem')).toHaveText(['“remain outside Syria” — Refugees: coded by Ann; not by Bob']);
  await checkScreen(page, 'agreement');

  // Both coders' Refugees passages touch the same sentence: by sentence they agree.
  await view.unit('Sentences').click();
  await expect(view.table.getByRole('caption')).toHaveText(/^Agreement by sentence over 1 article/);
  await expect(view.row('Refugees').getByRole('cell').first()).toHaveText('100.0%');

  const download = page.waitForEvent('download');
  await view.region.getByRole('button', { name: 'Export table as CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.split('\r\n').slice(0, 2)).toEqual([
    '\uFEFFtag,coders,unit,percent,kappa,alpha,units',
    expect.stringMatching(/^Refugees,Ann; Bob,sentence,100,/),
  ]);
  await expect(view.region.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved agreement-sentence.csv');
});
