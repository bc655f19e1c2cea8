import { join } from 'node:path';
import { TASS } from '../fixtures/tass';
import { FIXTURES, expect, test } from './fixtures';
import { checkScreen } from './screens';
import { importTass } from './seed';

const RU = { path: join(FIXTURES, 'import', 'encodings', 'ru-refugees.utf8-bom.txt'), title: 'Возвращение беженцев' };
const STATEMENT = 'Over 6.5 million refugees remain outside Syria';

test.use({ viewport: { width: 1024, height: 700 } });

test('an analyst makes a claim from a dragged selection with C, undoes it, makes it from a candidate mark, dismisses another, and adds a Russian passage to it', async ({
  app: page,
  host,
  reader,
}) => {
  await importTass(host);
  expect((await host.cli(['import', RU.path])).code).toBe(0);
  await page.reload();
  await page.getByRole('option', { name: TASS.title }).click();
  await expect(reader.heading(TASS.title)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Candidate claims \(\d+\)$/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.candidate('Unfortunately, over 6.5 million refugees')).toBeVisible();

  // Drag over the words, press C: the dialog is prefilled from the sentence, its attribution and its figure.
  await reader.select(TASS.phrases.refugeesRemain);
  await page.keyboard.press('c');
  let dialog = page.getByRole('dialog', { name: 'Make claim' });
  const statement = dialog.getByRole('textbox', { name: 'Statement' });
  await expect(statement).toHaveValue(STATEMENT);
  await expect(statement).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Speaker' })).toHaveValue('Vladimir Putin');
  await expect(dialog.getByRole('combobox', { name: 'Kind' })).toHaveValue('statistic');
  await expect(dialog.getByRole('combobox', { name: 'Stance' })).toHaveValue('attributes');
  await expect(dialog.getByRole('textbox', { name: 'Value' })).toHaveValue('6500000');
  await expect(dialog.getByRole('textbox', { name: 'What is counted' })).toHaveValue('refugee');
  await expect(dialog.getByRole('status', { name: 'Figure as read' })).toHaveText('more than 6.5 million · people · refugee');
  await checkScreen(page, 'claim-make');
  await dialog.getByRole('button', { name: 'Save claim' }).click();
  await expect(dialog).toHaveCount(0);

  // The words are marked as a claim's appearance, the inspector names the claim, the candidate gives way.
  await expect(reader.claimMarks).toHaveText([TASS.phrases.refugeesRemain]);
  await expect(reader.inspector.getByRole('list', { name: 'Claims' })).toContainText(STATEMENT);
  await expect(reader.candidate('Unfortunately, over 6.5 million refugees')).toHaveCount(0);
  await expect.poll(async () => (await host.api('claims.list', {})).total).toBe(1);

  // Ctrl+Z takes the claim and its passage back; the candidate returns.
  await page.keyboard.press('Control+z');
  await expect(reader.marks).toHaveCount(0);
  await expect.poll(async () => (await host.api('claims.list', {})).total).toBe(0);
  const candidate = reader.candidate('Unfortunately, over 6.5 million refugees');
  await expect(candidate).toBeVisible();

  // One click on the candidate's Make claim: the same dialog, prefilled from the whole sentence.
  await candidate.getByRole('button', { name: /^Make claim/ }).click();
  dialog = page.getByRole('dialog', { name: 'Make claim' });
  await expect(statement).toHaveValue('Unfortunately, over 6.5 million refugees remain outside Syria');
  await expect(dialog.getByRole('textbox', { name: 'Speaker' })).toHaveValue('Vladimir Putin');
  await statement.fill(STATEMENT);
  await dialog.getByRole('button', { name: 'Save claim' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(reader.claimMarks).toHaveText(['Unfortunately, over 6.5 million refugees remain outside Syria']);
  await expect(candidate).toHaveCount(0);

  // Dismiss another candidate: it stays hidden after a reload, and Ctrl+Z shows it again.
  const terrorism = reader.candidate('We have achieved a lot');
  await terrorism.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(terrorism).toHaveCount(0);
  await page.reload();
  await page.getByRole('option', { name: TASS.title }).click();
  await expect(reader.heading(TASS.title)).toBeVisible();
  await expect(reader.claimMarks).toHaveCount(1);
  await expect(terrorism).toHaveCount(0);
  await checkScreen(page, 'reader-claims');
  await page.keyboard.press('Control+z');
  await expect(terrorism).toBeVisible();

  // Add to claim from a passage of the Russian article: the picker finds the claim as you type.
  await page.getByRole('option', { name: RU.title }).click();
  await expect(reader.heading(RU.title)).toBeVisible();
  await reader.select('свыше 6,5 млн беженцев');
  await page.keyboard.press('a');
  dialog = page.getByRole('dialog', { name: 'Add to claim' });
  const find = dialog.getByRole('combobox', { name: 'Find a claim' });
  await expect(find).toBeFocused();
  await page.keyboard.type('refugees');
  const option = dialog.getByRole('option', { name: new RegExp(`^${STATEMENT}`) });
  await expect(option).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('combobox', { name: 'Stance' }).selectOption('asserts');
  await checkScreen(page, 'claim-add');
  await dialog.getByRole('button', { name: 'Add to this claim' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(reader.claimMarks).toHaveText(['свыше 6,5 млн беженцев']);
  await expect(reader.inspector.getByRole('list', { name: 'Claims' })).toContainText(STATEMENT);
  const [claim] = (await host.api('claims.list', {})).items;
  const appearances = (await host.api('claims.get', { id: claim!.id })).appearances;
  // Appearances come in publication order; the Russian text's date has no year, so compare by article.
  expect(appearances.map((a) => [a.articleTitle, a.quote, a.stance]).sort()).toEqual(
    [
      [TASS.title, 'Unfortunately, over 6.5 million refugees remain outside Syria', 'attributes'],
      [RU.title, 'свыше 6,5 млн беженцев', 'asserts'],
    ].sort(),
  );
});
