import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openLibrary } from '../../electron/core/library/open';
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

test('the export dialog offers claims files only once the library has claims', async ({ app: page, host }) => {
  await importTass(host);
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
