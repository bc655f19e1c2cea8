import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../../electron/core/library/open';
import { FIXTURES, expect, screenshot, test } from './fixtures';

test('the passages view, filtered, exports exactly what it shows to a CSV that opens right', async ({ app: page, host }) => {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  const {
    items: [article],
  } = await host.api('articles.list', {});
  const full = await host.api('articles.get', { id: article!.id });
  const refugees = await host.api('tags.create', { path: 'Syria / Refugees' });
  const violence = await host.api('tags.create', { path: 'Syria / Violence' });
  const mark = async (phrase: string, tagId: number, note = '') => {
    const start = full.text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    await host.api('passages.create', {
      articleId: article!.id,
      start,
      end: start + phrase.length,
      tagIds: [tagId],
      ...(note ? { note } : {}),
    });
  };
  await mark('over 6.5 million refugees remain outside Syria', refugees.id, '=HYPERLINK("http://evil")');
  await mark('Over 850,000 Syrian citizens have returned from abroad', refugees.id, 'Returns, "as reported"\nby TASS');
  await mark('the level of violence in Syria has dropped substantially', violence.id);

  await page.reload();
  await page.getByRole('button', { name: 'Passages', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Passages' });
  await expect(grid.getByRole('row')).toHaveCount(4); // header + 3
  await page.getByRole('searchbox', { name: 'Filter passages' }).fill('Syrian');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Filter passages' }).fill('');
  await expect(grid.getByRole('row')).toHaveCount(4);
  await page.getByRole('combobox', { name: 'Filter by tag' }).fill('Refugees');
  await page.getByRole('option', { name: /Syria \/ Refugees/ }).click();
  await expect(grid.getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('checkbox', { name: /Only the passages the Passages view shows/ })).toBeChecked();
  await screenshot(page, 'export-dialog');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('passages.csv');
  const bytes = readFileSync((await download.path())!);

  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text).toContain('\r\n');
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r.tags)).toEqual(['Syria / Refugees', 'Syria / Refugees']);
  const quotes = rows.map((r) => r.quote).sort();
  expect(quotes).toEqual(['Over 850,000 Syrian citizens have returned from abroad', 'over 6.5 million refugees remain outside Syria']);
  const notes = rows.map((r) => r.note).sort();
  expect(notes).toContain('Returns, "as reported"\nby TASS');
  expect(notes).toContain(`'=HYPERLINK("http://evil")`);
  for (const row of rows) {
    expect(row.article_title).toBe('Hotbed of international terrorism in Syria virtually eliminated, says Putin');
    expect(full.text.slice(Number(row.start), Number(row.end))).toBe(row.quote);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Exported tagged passages' })).toBeVisible();
});

test('the export dialog offers claims files only once the library has claims', async ({ app: page, host }) => {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  await page.reload();
  const open = async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    return page.getByRole('dialog', { name: 'Export' });
  };
  let dialog = await open();
  await expect(dialog.getByRole('radio', { name: /Tagged passages/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /REFI-QDA project/ })).toBeVisible();
  await expect(dialog.getByRole('radio')).toHaveCount(3);
  await expect(dialog.getByRole('radio', { name: /Claim/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A claim arrives from another process (as the claims tools will write it), and the app notices.
  const lib = openLibrary(host.libraryPath);
  lib.db
    .prepare(`INSERT INTO claims (uid, statement, created_at, updated_at) VALUES (?, ?, ?, ?)`)
    .run(randomUUID(), 'Over 6.5 million refugees remain outside Syria', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
  lib.close();
  await expect.poll(async () => (await host.api('stats.get', {})).claims).toBe(1);
  dialog = await open();
  await expect(
    dialog.getByRole('radio', { name: 'Claims (CSV) — Every claim with its kind, speaker, value and appearances.' }),
  ).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Claim links \(CSV\)/ })).toBeVisible();
  await dialog.getByRole('radio', { name: /Claims \(CSV\)/ }).click();
  await expect(dialog.getByRole('checkbox', { name: /Byte-order mark/ })).toBeChecked();
  await screenshot(page, 'export-dialog-claims');
});
