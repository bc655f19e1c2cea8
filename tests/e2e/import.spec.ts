import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, expect, screenshot, test } from './fixtures';

/** A newsroom folder: real articles, legacy encodings, broken files, and a long tail of plain text. */
function newsroomFolder(root: string, bulk: number): string {
  const folder = join(root, 'newsroom');
  mkdirSync(join(folder, 'bulk'), { recursive: true });
  cpSync(join(FIXTURES, 'tass'), join(folder, 'tass'), { recursive: true });
  cpSync(join(FIXTURES, 'import', 'encodings'), join(folder, 'encodings'), { recursive: true });
  cpSync(join(FIXTURES, 'import', 'bad'), join(folder, 'bad'), { recursive: true });
  for (let i = 0; i < bulk; i++) writeFileSync(join(folder, 'bulk', `wire-${i}.txt`), wireReport(i));
  return folder;
}

/** A folder of distinct wire reports, each a good article. */
function wireFolder(root: string, count: number): string {
  const folder = join(root, 'wire');
  mkdirSync(folder);
  for (let i = 0; i < count; i++) writeFileSync(join(folder, `wire-${i}.txt`), wireReport(i));
  return folder;
}

function wireReport(i: number): string {
  return `Wire report ${i}\n\nLONDON (Reuters) - Item ${i} of the morning wire: ${i * 7} people attended, officials said.\n\nA second paragraph for item ${i}.\n`;
}

function filesUnder(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

test.describe('an import held at its 300th file', () => {
  test.use({ importHold: 300 });

  test('importing a folder shows progress, then results with duplicates and reasons for failures', async ({ app: page, host }) => {
    test.setTimeout(180_000);
    const folder = newsroomFolder(host.dir, 600);
    const total = filesUnder(folder);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('main').getByRole('button', { name: 'Import folder…' }).click();
    await (await chooser).setFiles(folder);

    // While the import runs, the bar and its count show how far it got.
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await expect(progress).toHaveAttribute('aria-valuetext', `300 of ${total} files`);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toContainText(`300 of ${total} files`);
    await screenshot(page, 'import-progress');
    host.releaseImport();

    // The other 320 files take a while on a busy machine (the parse workers run at low priority).
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
});

test.describe('an import held at its 150th file', () => {
  test.use({ importHold: 150 });

  test('cancelling an import keeps what was imported and says so', async ({ app: page, host }) => {
    const folder = wireFolder(host.dir, 400);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('main').getByRole('button', { name: 'Import folder…' }).click();
    await (await chooser).setFiles(folder);
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuetext', '150 of 400 files');
    await page.getByRole('button', { name: 'Cancel import' }).click();

    // The file in a worker when Cancel came is kept; the 249 queued behind it are not imported.
    const results = page.getByRole('region', { name: 'Import results' });
    await expect(results.getByRole('heading', { level: 2 })).toHaveText('Import cancelled: 151 imported');
    await expect(results).toContainText('everything listed below was imported and kept');
    const stats = JSON.parse((await host.cli(['stats', '--json'])).stdout) as { articles: number };
    expect(stats.articles).toBe(151);
    await screenshot(page, 'import-cancelled');
  });
});

test.describe('an import held at its last file', () => {
  test.use({ importHold: 59 });

  test('Cancel that comes when no file is left to read: every file is kept and the results say finished', async ({ app: page, host }) => {
    const folder = wireFolder(host.dir, 60);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('main').getByRole('button', { name: 'Import folder…' }).click();
    await (await chooser).setFiles(folder);
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuetext', '59 of 60 files');
    await page.getByRole('button', { name: 'Cancel import' }).click();

    const results = page.getByRole('region', { name: 'Import results' });
    await expect(results.getByRole('heading', { level: 2 })).toHaveText('Import finished: 60 imported');
    await expect(results).not.toContainText('Cancelled');
    const stats = JSON.parse((await host.cli(['stats', '--json'])).stdout) as { articles: number };
    expect(stats.articles).toBe(60);
  });
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
