import { TASS } from '../fixtures/tass';
import { expect, screenshot, test, type Host } from './fixtures';
import { importTass } from './seed';

const FIRST = TASS.phrases.lead;
const REFUGEES = TASS.phrases.refugeesRemain;

async function tassWithPassage(host: Host): Promise<void> {
  await (await importTass(host)).mark(FIRST);
}

test('the command palette finds an action by its name and runs it where it was opened', async ({ app: page, host, library, reader }) => {
  await tassWithPassage(host);
  await page.reload();
  await library.open(TASS.title);
  const article = reader.article;
  await expect(article.locator('mark')).toHaveCount(1);

  // Ctrl+Shift+P, a name, Enter: the reader's "Next passage" selects the passage.
  await article.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox', { name: 'Command' });
  await expect(input).toBeFocused();
  // Nothing to redo: listed, but not available.
  await expect(palette.getByRole('option', { name: /^Redo/ })).toHaveAttribute('aria-disabled', 'true');
  await input.fill('next pass');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(palette.getByRole('option', { name: /Next passage/ })).toHaveAttribute('aria-selected', 'true');
  await expect(palette.getByRole('option', { name: /Next passage/ })).toContainText(']');
  await screenshot(page, 'command-palette');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Passage' }).locator('blockquote')).toHaveText(FIRST);

  // A text selection survives the palette: "Tag the selection" opens the tag picker on it.
  await page.keyboard.press('Escape');
  await reader.select(REFUGEES);
  await page.keyboard.press('Control+Shift+P');
  await input.fill('tag the sel');
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Tag passage' }).fill('Syria / Refugees');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(article.locator('mark').filter({ hasText: 'refugees' })).toHaveText(REFUGEES);

  // Escape closes the palette and gives focus back.
  await page.keyboard.press('Escape');
  await page.getByRole('treeitem', { name: 'Syria' }).focus();
  await page.keyboard.press('Control+Shift+P');
  await expect(input).toBeFocused();
  // From the codebook the palette offers the tag's own actions.
  await input.fill('rename');
  await expect(palette.getByRole('option', { name: /Rename the tag/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: 'Syria' })).toBeFocused();
});

test('keys act where focus is: text fields keep their typing and undo, the codebook and views have their own', async ({
  app: page,
  host,
  library,
  reader,
}) => {
  await tassWithPassage(host);
  for (const path of ['Russia', 'Syria', 'Ukraine']) await host.api('tags.create', { path });
  await page.reload();
  await library.open(TASS.title);
  const article = reader.article;
  await expect(article.locator('mark')).toHaveCount(1);

  // Letters typed in a text field are text, and Ctrl+Z there undoes the typing, not the library.
  const filter = page.getByRole('searchbox', { name: 'Filter codebook' });
  await filter.click();
  await page.keyboard.press('t');
  await expect(filter).toHaveValue('t');
  await expect(page.getByRole('combobox', { name: 'Tag passage' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(filter).toHaveValue('');
  await expect(article.locator('mark')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();

  // In the tree: Alt+↓ moves the tag, F2 renames it, Delete asks before deleting it.
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await tree.getByRole('treeitem', { name: 'Russia' }).click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(tree.getByRole('treeitem')).toHaveText([/Syria/, /Russia/, /Ukraine/]);
  await expect(tree.getByRole('treeitem', { name: 'Russia' })).toBeFocused();
  await page.keyboard.press('F2');
  await page.getByRole('textbox', { name: 'New name for Russia' }).fill('Russian Federation');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'Russian Federation' })).toBeFocused();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Russian Federation');
  await page.keyboard.press('Escape');
  // The reader's Delete did not run: the passage is still there.
  await expect(article.locator('mark')).toHaveCount(1);

  // Views switch from the keyboard.
  await page.keyboard.press('Control+Alt+2');
  await expect(page.getByRole('grid', { name: 'Passages' })).toBeVisible();
  await page.keyboard.press('Control+Alt+1');
  await expect(article).toBeVisible();

  // The shortcuts sheet reads the same registry.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('table', { name: 'Anywhere' }).getByRole('row', { name: /Command palette/ })).toContainText('Ctrl+Shift+P');
  await expect(sheet.getByRole('table', { name: /In the codebook/ }).getByRole('row', { name: /Rename the tag/ })).toContainText('F2');
  await screenshot(page, 'shortcuts-sheet');
});
