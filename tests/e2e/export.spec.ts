import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { TASS } from '../fixtures/tass';
import { expect, screenshot, test } from './fixtures';
import { importTass } from './seed';

const { refugeesRemain, returned, violence } = TASS.phrases;

test('the passages view, filtered, exports exactly what it shows to a CSV that opens right', async ({ app: page, host, passages }) => {
  const tass = await importTass(host);
  await tass.mark(refugeesRemain, { tags: ['Syria / Refugees'], note: '=HYPERLINK("http://evil")' });
  await tass.mark(returned, { tags: ['Syria / Refugees'], note: 'Returns, "as reported"\nby TASS' });
  await tass.mark(violence, { tags: ['Syria / Violence'] });

  await page.reload();
  await passages.open();
  await expect(passages.rows).toHaveCount(3);
  await passages.search.fill('Syrian');
  await expect(passages.rows).toHaveCount(1);
  await passages.search.fill('');
  await expect(passages.rows).toHaveCount(3);
  await passages.filterByTag('Syria / Refugees');
  await expect(passages.rows).toHaveCount(2);

  const dialog = await passages.openExport();
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
  expect(rows.map((r) => r.quote).sort()).toEqual([returned, refugeesRemain]);
  const notes = rows.map((r) => r.note).sort();
  expect(notes).toContain('Returns, "as reported"\nby TASS');
  expect(notes).toContain(`'=HYPERLINK("http://evil")`);
  for (const row of rows) {
    expect(row.article_title).toBe(TASS.title);
    expect(tass.text.slice(Number(row.start), Number(row.end))).toBe(row.quote);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Exported tagged passages' })).toBeVisible();
});
