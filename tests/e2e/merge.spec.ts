import { join } from 'node:path';
import { describeRange } from '../../electron/core/anchoring/selector';
import { openLibrary } from '../../electron/core/library/open';
import { TASS } from '../fixtures/tass';
import { runCli } from '../run-cli';
import { expect, screenshot, test } from './fixtures';
import { checkScreen } from './screens';

/** Their library: the TASS article, coded by Alice with a tag this library does not have. */
async function theirLibrary(dir: string): Promise<string> {
  const path = join(dir, 'alice.marginalia');
  expect((await runCli(['import', '--library', path, '--coder', 'Alice', TASS.path])).code).toBe(0);
  const lib = openLibrary(path);
  const text = lib.db.prepare('SELECT text FROM articles').pluck().get() as string;
  const start = text.indexOf(TASS.phrases.refugeesRemain);
  const range = describeRange(text, start, start + TASS.phrases.refugeesRemain.length);
  const now = new Date().toISOString();
  lib.db.exec(
    `INSERT INTO tags (uid, name, color, created_at, updated_at) VALUES ('f0000000-0000-4000-8000-000000000001', 'Displacement', '#b07aa1', '${now}', '${now}')`,
  );
  lib.db
    .prepare(
      `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, created_at, updated_at, coder_id)
       VALUES ('d0000000-0000-4000-8000-000000000001', 1, ?, ?, ?, ?, ?, 'UNHCR counts fewer', ?, ?, (SELECT id FROM coders WHERE name = 'Alice'))`,
    )
    .run(range.start, range.end, range.exact, range.prefix, range.suffix, now, now);
  lib.db.exec("INSERT INTO passage_tags (passage_id, tag_id, coder_id) SELECT 1, 1, id FROM coders WHERE name = 'Alice'");
  lib.close();
  return path;
}

test('an analyst merges a colleague’s library, mapping their tag onto one of ours, reads the merged passage, and undoes the merge', async ({
  app: page,
  host,
  reader,
}) => {
  const other = await theirLibrary(host.dir);
  await host.cli(['import', TASS.path]);
  await host.api('tags.create', { path: 'Refugees' });
  await page.reload();
  await page.getByRole('option', { name: TASS.title }).click();
  await expect(reader.heading(TASS.title)).toBeVisible();
  await expect(reader.marks).toHaveCount(0);

  // File ▸ Merge library… from the command palette, as the keyboard reaches it.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('Merge library');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Merge library' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a library or project…' }).click();
  await (await chooser).setFiles(other);

  // The preview: the article is matched by its text, Alice's tag has no counterpart here.
  const counts = dialog.getByRole('list', { name: 'What the merge does' }).getByRole('listitem');
  await expect(dialog.getByRole('status')).toHaveText(/^Merging alice\.marginalia into e2e would change it as follows/);
  await expect(counts.nth(0)).toHaveText('1 article matched, 0 added');
  await expect(counts.nth(1)).toHaveText('1 passage and 1 tag application added (0 already here)');
  await expect(counts.nth(2)).toHaveText('0 tags matched by path, 1 to create, 0 mapped, 0 merged');
  await expect(counts.nth(5)).toHaveText('Coders: Alice (new)');
  const row = dialog.getByRole('row', { name: /^Displacement/ });
  await expect(row).toContainText('Create it');
  await row.getByRole('combobox', { name: 'What to do with Displacement' }).selectOption('Map onto…');
  await expect(counts.nth(2)).toHaveText('0 tags matched by path, 0 to create, 1 mapped, 0 merged');
  await expect(row.getByRole('combobox', { name: 'Tag for Displacement' })).toHaveValue('Refugees');
  await checkScreen(page, 'merge-preview');
  await page.setViewportSize({ width: 1024, height: 700 });
  await checkScreen(page, 'merge-preview-1024');
  await page.setViewportSize({ width: 1280, height: 820 });

  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Merged alice.marginalia into e2e:');
  await expect(dialog.getByRole('list', { name: 'Merge report' })).toContainText('Displacement → mapped onto Refugees (1 passage)');
  await screenshot(page, 'merge-report');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // The merged passage is in the reader, tagged with our tag, its note brought along.
  await expect(reader.mark(TASS.phrases.refugeesRemain)).toHaveCount(1);
  await reader.mark(TASS.phrases.refugeesRemain).click();
  await reader.expectTags(['Refugees']);
  await expect(reader.note).toHaveValue('UNHCR counts fewer');

  // One undo takes the whole merge back.
  await reader.clickAwayFromPassages();
  await page.keyboard.press('Control+z');
  await expect(reader.marks).toHaveCount(0);
  await expect.poll(async () => (await host.api('stats.get', {})).passages).toBe(0);
});
