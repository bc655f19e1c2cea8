import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScreen } from './screens';
import { expect, test } from './fixtures';

// A million combining long stroke overlays on one letter (2 MB of UTF-8): Chromium lays such a run out in
// quadratic time, so the reader shows its first marks and a placeholder, and says so.
const MARKS = 1_000_000;
const BEFORE = 'The marks below sit on one letter: Z';
const AFTER = ' and after them the article goes on as usual.';

test('a text with a million combining marks opens: its words are on screen, the reader says what it left out, and tagging still anchors to the text', async ({
  app: page,
  host,
  imports,
  library,
  reader,
}) => {
  const file = join(host.dir, 'zalgo.txt');
  writeFileSync(file, `Zalgo report\n\n${BEFORE}${'\u0336'.repeat(MARKS)}${AFTER}\n`);
  await imports.importFiles(file);
  await expect(imports.outcome).toHaveText('Import finished: 1 imported');
  await library.open('Zalgo report');

  await expect(reader.article.getByText('and after them the article goes on as usual.')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Text not shown' })).toContainText('999,968 more in all');
  await expect(reader.article.getByText('⟨999,968 more combining marks⟩')).toBeVisible();

  // The words after the hidden marks are tagged by dragging over them; the passage holds their place in the whole text.
  await reader.tagPhrase('the article goes on', 'Checked');
  await expect(reader.marginEntry('the article goes on')).toBeVisible();
  const { items } = await host.api('articles.list', {});
  const article = await host.api('articles.get', { id: items[0]!.id });
  const passages = await host.api('passages.forArticle', { articleId: article.id });
  expect(article.text).toBe(`${BEFORE}${'\u0336'.repeat(MARKS)}${AFTER}`);
  expect(passages.map((p) => ({ exact: p.exact, start: p.start }))).toEqual([
    { exact: 'the article goes on', start: article.text.indexOf('the article goes on') },
  ]);
  await checkScreen(page, 'reader-hidden-marks');
});
