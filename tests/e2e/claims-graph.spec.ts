import { expect, screenshot, test } from './fixtures';
import { twoClaims } from './seed';

test.use({ viewport: { width: 1024, height: 700 } });

/** The theme's colours for what the graph draws (renderer/src/styles/tokens.css). */
const THEMES = {
  light: { node: '#2f5fb3', label: '#1f1d1a', supports: '#2e7d32', legend: 'rgb(46, 125, 50)' },
  dark: { node: '#8fb0ee', label: '#ece8e1', supports: '#81c784', legend: 'rgb(129, 199, 132)' },
} as const;

test('the claim graph redraws its nodes, labels, links and legend in the new theme when the theme changes while it is shown', async ({
  app: page,
  host,
  claims,
}) => {
  const { refugees, returned } = await twoClaims(host);
  const link = await host.cli(['claims', 'link', String(refugees), String(returned), '--relation', 'supports', '--json']);
  expect(link.code, link.stderr).toBe(0);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await claims.open();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(claims.graph.getByRole('status')).toHaveText('2 claims, 1 link');
  const places = await claims.nodePositions();
  const [from, to] = [refugees, returned].map((id) => places.find((p) => p.id === id)!);
  // Boxes on the canvas: the middle of a node, under it (its label), the middle of the link between the two.
  const nodeBox = { x: from!.x - 2, y: from!.y - 2, width: 4, height: 4 };
  const labelBox = { x: from!.x - 60, y: from!.y + 10, width: 120, height: 30 };
  const linkBox = { x: (from!.x + to!.x) / 2 - 3, y: (from!.y + to!.y) / 2 - 3, width: 6, height: 6 };
  const legend = claims.graph.getByRole('checkbox', { name: 'supports' }).locator('xpath=..').locator('svg line').first();

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const colours = THEMES[theme];
    await expect.poll(() => claims.drawnPixels(nodeBox, colours.node)).toBe(16);
    await expect.poll(() => claims.drawnPixels(labelBox, colours.label)).toBeGreaterThan(0);
    await expect.poll(() => claims.drawnPixels(linkBox, colours.supports)).toBeGreaterThan(0);
    await expect(legend).toHaveCSS('stroke', colours.legend);
    await screenshot(page, `claims-graph-theme-${theme}`);
  }
  // Restyled in place: the nodes stay where the layout put them.
  expect(await claims.nodePositions()).toEqual(places);
  await page.emulateMedia({ colorScheme: null });
});
