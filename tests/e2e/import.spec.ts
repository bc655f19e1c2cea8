import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, expect, screenshot, test } from './fixtures';

/** A newsroom folder: real articles, legacy encodings, broken files, and a long tail of plain text. */
function newsroomFolder(root: string, bulk: number): string {
  const folder = join(root, 'newsroom');
  mkdirSync(join(folder, 'bulk'), { recursive: true });
  cpSync(join(FIXTURES, 'tass'), join(folder, 'tass'), { recursive: true });
  cpSync(join(FIXTURES, 'import', 'encodings'), join(folder, 'encodings'), { recursive: true });
  cpSync(join(FIXTURES, 'import', 'bad'), join(folder, 'bad'), { recursive: true });
  for (let i = 0; i < bulk; i++) {
    writeFileSync(
      join(folder, 'bulk', `wire-${i}.txt`),
      `Wire report ${i}\n\nLONDON (Reuters) - Item ${i} of the morning wire: ${i * 7} people attended, officials said.\n\nA second paragraph for item ${i}.\n`,
    );
  }
  return folder;
}

test('importing a folder shows progress, then results with duplicates and reasons for failures', async ({ app: page, host }) => {
  test.setTimeout(180_000);
  const folder = newsroomFolder(host.dir, 600);
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByRole('button', { name: 'Import folder…' }).click();
  await (await chooser).setFiles(folder);

  // The progress bar with its count is on screen while the import runs.
  await expect(progress).toBeVisible();
  await screenshot(page, 'import-progress');

  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toBeVisible({ timeout: 120_000 });
  await screenshot(page, 'import-results');
  const failed = results.getByRole('list', { name: 'Failed files' });
  await expect(failed).toContainText('empty.txt: the file is empty');
  await expect(failed).toContainText('truncated.pdf: the PDF is damaged');
  await expect(failed).toContainText('fake.docx:');
  // The CRLF and BOM copies of texts already imported are skipped as duplicates, pointing at the original.
  const duplicates = results.getByRole('list', { name: 'Duplicate files' });
  await expect(duplicates.getByRole('listitem')).not.toHaveCount(0);

  const listed = JSON.parse((await host.cli(['list', '--json'])).stdout) as Array<{ title: string }>;
  expect(listed.length).toBeGreaterThan(600);
  expect(listed.map((a) => a.title)).toContain('Hotbed of international terrorism in Syria virtually eliminated, says Putin');
  const check = await host.cli(['check']);
  expect(check.code).toBe(0);

  // The results can be copied as text.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await results.getByRole('button', { name: 'Copy results' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('failed\t');
  expect(copied).toContain('empty.txt: the file is empty');
});

test('cancelling an import keeps what was imported and says so', async ({ app: page, host }) => {
  test.setTimeout(180_000);
  const folder = newsroomFolder(host.dir, 2500);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByRole('button', { name: 'Import folder…' }).click();
  await (await chooser).setFiles(folder);
  // Cancel once files are importing (not while they are still being handed over).
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', /[1-9]/, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Cancel import' }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText('Import cancelled');
  const kept = Number(/(\d+) imported/.exec((await results.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1]);
  const stats = JSON.parse((await host.cli(['stats', '--json'])).stdout) as { articles: number };
  expect(stats.articles).toBe(kept);
  expect(kept).toBeLessThan(2500);
  await expect(results).toContainText('everything listed below was imported and kept');
  await screenshot(page, 'import-cancelled');
});

test('an article’s details can be edited and the edit undone', async ({ app: page, host }) => {
  await host.cli(['import', join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt')]);
  await page.reload();
  await page.getByRole('option', { name: /Hotbed of international terrorism/ }).click();
  await page.getByRole('button', { name: 'Edit details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await dialog.getByRole('textbox', { name: 'Published' }).fill('9 Nov');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('published');
  await dialog.getByRole('textbox', { name: 'Published' }).fill('2020-11-10');
  await dialog.getByRole('textbox', { name: 'Byline' }).fill('TASS staff');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('TASS · NOVO-OGARYOVO · 10 November 2020 · TASS staff')).toBeVisible();
  const shown = JSON.parse((await host.cli(['list', '--json'])).stdout) as Array<{ published: string; byline: string }>;
  expect(shown[0]).toMatchObject({ published: '2020-11-10', byline: 'TASS staff' });
  await page.getByRole('button', { name: 'Undo' }).click();
  // The import took the year from the file name (…-2020-11-09.txt), whose date agrees with the dateline.
  await expect(page.getByText('TASS · NOVO-OGARYOVO · 9 November 2020 · EN')).toBeVisible();
});

test('files dropped on the window are imported', async ({ app: page }) => {
  const text = readFileSync(join(FIXTURES, 'tass', 'putin-assad-syria-2020-11-09.txt'), 'utf8');
  // A real drop of a File, as the OS hands it to the page (the browser path uploads it).
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped-tass.txt', { type: 'text/plain' }));
    return data;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop files or folders to import them')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('region', { name: 'Import results' })).toContainText('1 imported');
  await expect(page.getByRole('option', { name: /Hotbed of international terrorism/ })).toBeVisible();
});
