import { userInfo } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { checkScreen } from './screens';
import { importTass } from './seed';

test.describe('first run', () => {
  test.use({ coderProfile: null });

  test('asks who is coding (the OS user offered), records the passages as that coder, and switches coder from the palette', async ({
    app: page,
    host,
    library,
    reader,
  }) => {
    const ask = page.getByRole('dialog', { name: 'Who is coding?' });
    await expect(ask).toBeVisible();
    const name = ask.getByRole('combobox', { name: 'Coder name' });
    await expect(name).toHaveValue(userInfo().username);
    await page.setViewportSize({ width: 1024, height: 700 });
    await checkScreen(page, 'coders-first-run');
    await name.fill('Anna');
    await ask.getByRole('radio', { name: 'Colour 2 (#d55e00)' }).click();
    await ask.getByRole('button', { name: 'Start coding' }).click();
    await expect(ask).toBeHidden();
    const status = page.getByRole('button', { name: 'Coder: Anna (switch coder)' });
    await expect(status).toBeVisible();
    expect(JSON.parse(readFileSync(join(host.dir, 'user-data', 'coder.json'), 'utf8'))).toEqual({ name: 'Anna', colour: '#d55e00' });

    const { id } = await importTass(host);
    await library.open(TASS.title);
    await reader.tagPhrase(TASS.phrases.refugees, 'Refugees');
    await expect(reader.marks).toHaveCount(1);
    const anna = (await host.api('coders.list', {})).find((c) => c.name === 'Anna');
    expect(anna?.colour).toBe('#d55e00');
    await expect.poll(async () => (await host.api('passages.forArticle', { articleId: id })).map((p) => p.coderId)).toEqual([anna?.id]);

    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Switch coder');
    await page.keyboard.press('Enter');
    const switching = page.getByRole('dialog', { name: 'Switch coder' });
    await expect(switching).toBeVisible();
    await switching.getByRole('combobox', { name: 'Coder name' }).fill('Ben');
    // A new coder is offered the next free colour, not Anna's.
    await expect(switching.getByRole('radio', { name: 'Colour 1 (#0072b2)' })).toBeChecked();
    await expect(switching.getByRole('radio', { name: 'Colour 2 (#d55e00)' })).not.toBeChecked();
    await checkScreen(page, 'coders-switch');
    await switching.getByRole('button', { name: 'Switch' }).click();
    await expect(page.getByRole('button', { name: 'Coder: Ben (switch coder)' })).toBeVisible();
    await expect.poll(async () => await host.api('coders.current', {})).toMatchObject({ name: 'Ben', colour: '#0072b2' });
    expect(JSON.parse(readFileSync(join(host.dir, 'user-data', 'coder.json'), 'utf8'))).toEqual({ name: 'Ben', colour: '#0072b2' });
  });
});

test('the Passages view shows only my passages, or only another coder’s, from the Coder filter', async ({
  app: page,
  host,
  library,
  reader,
  passages,
}) => {
  await importTass(host);
  await library.open(TASS.title);
  await reader.tagPhrase(TASS.phrases.refugees, 'Refugees');
  await expect(reader.marks).toHaveCount(1);

  await page.getByRole('button', { name: 'Coder: Analyst (switch coder)' }).click();
  const switching = page.getByRole('dialog', { name: 'Switch coder' });
  await switching.getByRole('combobox', { name: 'Coder name' }).fill('Ben');
  await switching.getByRole('button', { name: 'Switch' }).click();
  await expect(page.getByRole('button', { name: 'Coder: Ben (switch coder)' })).toBeVisible();
  await reader.tagPhrase(TASS.phrases.lead, 'Lead');
  await expect(reader.marks).toHaveCount(2);

  await passages.open();
  await expect(passages.rows).toHaveCount(2);
  const coder = page.getByRole('combobox', { name: 'Coder' });
  await coder.selectOption({ label: 'Only mine' });
  await expect(passages.rows).toHaveCount(1);
  await expect(passages.row(TASS.phrases.lead)).toHaveCount(1);
  await coder.selectOption({ label: 'Only Analyst' });
  await expect(passages.rows).toHaveCount(1);
  await expect(passages.row(TASS.phrases.refugees)).toHaveCount(1);
  await page.setViewportSize({ width: 1024, height: 700 });
  await checkScreen(page, 'coders-passages-filter');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(coder).toHaveValue('');
  await expect(passages.rows).toHaveCount(2);
});
