import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { checkScreen } from './screens';
import { RU, twoClaims } from './seed';

test.use({ viewport: { width: 1024, height: 700 } });

test('claims: sort and filter the table, accept a suggested appearance, link two claims, see both ends, the timeline and the graph, undo the link', async ({
  app: page,
  host,
  claims,
}) => {
  const { refugees, returned } = await twoClaims(host);
  await page.reload();
  await claims.open();
  await expect(claims.status).toHaveText('2 claims');

  // Sort on a column, then the other way; filter by text.
  await claims.sortBy('Statement');
  await expect(claims.grid.getByRole('columnheader', { name: 'Statement' })).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(() => claims.statements())
    .toEqual(['Over 6.5 million refugees remain outside Syria', 'Over 850,000 Syrian citizens have returned from abroad']);
  await claims.sortBy('Statement');
  await expect
    .poll(() => claims.statements())
    .toEqual(['Over 850,000 Syrian citizens have returned from abroad', 'Over 6.5 million refugees remain outside Syria']);
  await claims.filter.fill('refugees');
  await expect(claims.status).toHaveText('1 claim match');
  await expect.poll(() => claims.statements()).toEqual(['Over 6.5 million refugees remain outside Syria']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(claims.status).toHaveText('2 claims');
  await checkScreen(page, 'claims-table');

  // The keyboard: the first row (850,000, sorted descending), down to the refugees claim, Enter opens it.
  await claims.rows.first().getByRole('gridcell').nth(1).click();
  await expect(claims.rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(claims.rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(claims.page.getByRole('heading', { level: 1 })).toHaveText('Over 6.5 million refugees remain outside Syria');
  await expect(claims.appearance(TASS.title).locator('mark')).toHaveText(TASS.phrases.refugeesRemain);

  // Where else: the Russian sentence with the same figure, accepted as an appearance.
  const suggestion = claims.page.getByRole('listitem', { name: `Suggestion in ${RU.title}` });
  await expect(suggestion).toContainText('свыше 6,5 млн беженцев');
  await expect(suggestion).toContainText('same figure 6.5 million');
  await suggestion.getByRole('button', { name: `Accept as appearance in ${RU.title}` }).click();
  await expect(claims.appearance(RU.title).locator('mark')).toContainText('свыше 6,5 млн беженцев');
  await expect(suggestion).toHaveCount(0);
  // The timeline: TASS first; the Russian text has no year.
  await expect(claims.page.getByRole('img', { name: /^Timeline of appearances by outlet/ })).toHaveAccessibleName(
    'Timeline of appearances by outlet. First: TASS, 9 November 2020. 1 undated.',
  );

  // Link the two claims as "varies" with a note.
  await claims.page.getByRole('button', { name: 'Link to a claim…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link claim' });
  await dialog.getByRole('combobox', { name: 'Claim to link to' }).fill('Syrian citizens');
  await dialog.getByRole('option', { name: /Over 850,000 Syrian citizens/ }).click();
  await dialog.getByRole('radio', { name: 'varies' }).check();
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Returns, not refugees');
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const outLink = claims.page.getByRole('listitem', { name: 'This claim varies: Over 850,000 Syrian citizens have returned from abroad' });
  await expect(outLink).toContainText('Returns, not refugees');

  // The neighbourhood graph draws both; clicking the other claim's node opens it, where the link shows from its end.
  await expect(claims.graph.getByRole('status')).toHaveText('2 claims, 1 link');
  await checkScreen(page, 'claims-page');
  await claims.clickNode(returned);
  await expect(claims.page.getByRole('heading', { level: 1 })).toHaveText('Over 850,000 Syrian citizens have returned from abroad');
  const inLink = claims.page.getByRole('listitem', { name: 'Over 6.5 million refugees remain outside Syria varies this claim' });
  await expect(inLink).toBeVisible();

  // The library's graph in the Claims view.
  await page.getByRole('button', { name: '← All claims' }).click();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(claims.graph.getByRole('status')).toHaveText('2 claims, 1 link');
  await expect(claims.graph.locator('.cy-canvas')).toHaveAttribute('data-layout', 'done');
  await checkScreen(page, 'claims-graph');
  await claims.clickNode(refugees);
  await expect(claims.page.getByRole('heading', { level: 1 })).toHaveText('Over 6.5 million refugees remain outside Syria');

  // Undo takes the link back, from both ends.
  await page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(outLink).toHaveCount(0);
  await expect(claims.page.getByText('This claim links to no other claim.')).toBeVisible();
  await expect(claims.appearance(RU.title)).toBeVisible();
  await claims.page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Alt+ArrowLeft');
  // Back where the analyst left the view: its graph, now without links.
  await expect(claims.graph.getByRole('status')).toHaveText('No linked claims match. Link claims on their pages to see them here.');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(claims.rows.filter({ hasText: 'Over 850,000' }).getByRole('gridcell').last()).toHaveText('0');
});
