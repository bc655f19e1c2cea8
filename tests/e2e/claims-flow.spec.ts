import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASS } from '../fixtures/tass';
import { expect, test } from './fixtures';
import { checkScreen } from './screens';
import { importTass, RU } from './seed';

test.use({ viewport: { width: 1024, height: 700 } });

const REFUGEES = 'Over 6.5 million refugees remain outside Syria';
const RETURNED = 'Over 850,000 Syrian citizens have returned from abroad';

test('the whole claims flow as an analyst works it: claims from dragged selections, a suggestion accepted, a link with a note, the graph, a node clicked, the graph saved as PNG', async ({
  app: page,
  host,
  reader,
  claims,
}) => {
  await importTass(host);
  expect((await host.cli(['import', RU.path])).code).toBe(0);
  await page.reload();
  await page.getByRole('option', { name: TASS.title }).click();
  await expect(reader.heading(TASS.title)).toBeVisible();

  // Two claims from sentences of the TASS article, each selected by dragging the mouse.
  await reader.makeClaim(TASS.phrases.returned);
  await expect(reader.inspector.getByRole('list', { name: 'Claims' })).toContainText(RETURNED);
  await reader.makeClaim(TASS.phrases.refugeesRemain);
  await expect(reader.claimMarks).toHaveText([TASS.phrases.refugeesRemain, TASS.phrases.returned]);

  // The claim's page, from the passage's inspector.
  await reader.inspector.getByRole('button', { name: `Open claim: ${REFUGEES}` }).click();
  await expect(claims.heading).toHaveText(REFUGEES);
  await expect(claims.appearance(TASS.title).locator('mark')).toHaveText(TASS.phrases.refugeesRemain);

  // Where else: the Russian sentence with the same figure, accepted as an appearance.
  const suggestion = claims.suggestion(RU.title);
  await expect(suggestion).toContainText('свыше 6,5 млн беженцев');
  await suggestion.getByRole('button', { name: `Accept as appearance in ${RU.title}` }).click();
  await expect(claims.appearance(RU.title).locator('mark')).toContainText('свыше 6,5 млн беженцев');

  // Linked to the other claim, with a relation and a note.
  await claims.linkTo('850', RETURNED, 'varies', 'Returns, not refugees');
  await expect(claims.link(`This claim varies: ${RETURNED}`)).toContainText('Returns, not refugees');

  // The Claim graph of the library; a click on the other claim's node opens it, the link seen from its end.
  await page.getByRole('button', { name: '← All claims' }).click();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(claims.graph.getByRole('status')).toHaveText('2 claims, 1 link');
  const { items } = await host.api('claims.list', {});
  const returned = items.find((c) => c.statement === RETURNED)!.id;
  await claims.clickNode(returned);
  await expect(claims.heading).toHaveText(RETURNED);
  await expect(claims.link(`${REFUGEES} varies this claim`)).toContainText('Returns, not refugees');
  await checkScreen(page, 'claims-flow-page');

  // Its neighbourhood graph, saved as a PNG.
  await expect(claims.graph.getByRole('status')).toHaveText('2 claims, 1 link');
  await expect(claims.graph.locator('.cy-canvas')).toHaveAttribute('data-layout', 'done');
  const download = page.waitForEvent('download');
  await claims.graph.getByRole('button', { name: 'Export PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`claim-${returned}-graph.png`);
  const path = join(host.dir, file.suggestedFilename());
  await file.saveAs(path);
  const png = readFileSync(path);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // IHDR: the whole graph at twice its size on screen, two nodes side by side with their labels.
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(width).toBeGreaterThan(200);
  expect(height).toBeGreaterThan(40);
  await expect(page.getByRole('status').filter({ hasText: `Saved the graph as claim-${returned}-graph.png.` })).toBeVisible();
});
