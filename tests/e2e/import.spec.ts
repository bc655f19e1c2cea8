import { readFileSync } from 'node:fs';
import { TASS } from '../fixtures/tass';
import { expect, screenshot, test, type Host } from './fixtures';
import { filesUnder, newsroomFolder, wireFolder } from './folders';

const articleCount = async (host: Host): Promise<number> =>
  (JSON.parse((await host.cli(['stats', '--json'])).stdout) as { articles: number }).articles;

test.describe('an import held at its 300th file', () => {
  test.use({ importHold: 300 });

  test('importing a folder shows progress, then results with duplicates and reasons for failures', async ({ app: page, host, imports }) => {
    test.setTimeout(180_000);
    const folder = newsroomFolder(host.dir, 600);
    const total = filesUnder(folder);
    await imports.importFolder(folder);

    // While the import runs, the bar and its count show how far it got.
    await expect(imports.progress).toHaveAttribute('aria-valuetext', `300 of ${total} files`);
    await expect(imports.progressText).toContainText(`300 of ${total} files`);
    await screenshot(page, 'import-progress');
    host.releaseImport();

    // The other 320 files take a while on a busy machine (the parse workers run at low priority).
    await expect(imports.results).toBeVisible({ timeout: 120_000 });
    await screenshot(page, 'import-results');
    await expect(imports.failed).toContainText('empty.txt: the file is empty');
    await expect(imports.failed).toContainText('truncated.pdf: the PDF is damaged');
    await expect(imports.failed).toContainText('fake.docx:');
    // The CRLF and BOM copies of texts already imported are skipped as duplicates, pointing at the original.
    await expect(imports.duplicates.getByRole('listitem')).not.toHaveCount(0);

    const listed = JSON.parse((await host.cli(['list', '--json'])).stdout) as Array<{ title: string }>;
    expect(listed.length).toBeGreaterThan(600);
    expect(listed.map((a) => a.title)).toContain(TASS.title);
    const check = await host.cli(['check']);
    expect(check.code).toBe(0);

    // The results can be copied as text.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await imports.results.getByRole('button', { name: 'Copy results' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('failed\t');
    expect(copied).toContain('empty.txt: the file is empty');
  });
});

test.describe('an import held at its 150th file', () => {
  test.use({ importHold: 150 });

  test('cancelling an import keeps what was imported and says so', async ({ app: page, host, imports }) => {
    await imports.importFolder(wireFolder(host.dir, 400));
    await expect(imports.progress).toHaveAttribute('aria-valuetext', '150 of 400 files');
    await imports.cancel();

    // The file in a worker when Cancel came is kept; the 249 queued behind it are not imported.
    await expect(imports.outcome).toHaveText('Import cancelled: 151 imported');
    await expect(imports.results).toContainText('everything listed below was imported and kept');
    expect(await articleCount(host)).toBe(151);
    await screenshot(page, 'import-cancelled');
  });
});

test.describe('an import held at its last file', () => {
  test.use({ importHold: 59 });

  test('Cancel that comes when no file is left to read: every file is kept and the results say finished', async ({ host, imports }) => {
    await imports.importFolder(wireFolder(host.dir, 60));
    await expect(imports.progress).toHaveAttribute('aria-valuetext', '59 of 60 files');
    await imports.cancel();

    await expect(imports.outcome).toHaveText('Import finished: 60 imported');
    await expect(imports.results).not.toContainText('Cancelled');
    expect(await articleCount(host)).toBe(60);
  });
});

test('an article’s details can be edited and the edit undone', async ({ app: page, host, library }) => {
  await host.cli(['import', TASS.path]);
  await page.reload();
  await library.open(TASS.title);
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

test('files dropped on the window are imported', async ({ app: page, library, imports }) => {
  const text = readFileSync(TASS.path, 'utf8');
  // A drop of a File as the OS hands it to the page (Playwright cannot drag from the desktop).
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped-tass.txt', { type: 'text/plain' }));
    return data;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop files or folders to import them')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(imports.outcome).toHaveText('Import finished: 1 imported');
  await expect(library.article(TASS.title)).toBeVisible();
});
