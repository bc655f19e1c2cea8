import { expect, type Locator, type Page } from '@playwright/test';

/** The Claims view (its table, filters and graph tab) and a claim's page. */
export class ClaimsView {
  readonly grid: Locator;
  /** The table's data rows (the header row left out). */
  readonly rows: Locator;
  readonly filter: Locator;
  readonly status: Locator;
  /** A claim's page. */
  readonly page: Locator;
  readonly graph: Locator;

  constructor(readonly app: Page) {
    const view = app.getByRole('region', { name: 'Claims view' });
    this.grid = app.getByRole('grid', { name: 'Claims' });
    this.rows = this.grid.getByRole('row').filter({ has: app.getByRole('gridcell') });
    this.filter = app.getByRole('searchbox', { name: 'Filter claims' });
    this.status = view.getByRole('status').first();
    this.page = app.getByRole('region', { name: 'Claim', exact: true });
    this.graph = app.getByRole('region', { name: 'Claim graph' });
  }

  async open(): Promise<void> {
    await this.app.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Claims', exact: true }).click();
    await expect(this.grid).toBeVisible();
  }

  /** Clicks a column's sort button in the table's header. */
  async sortBy(column: string): Promise<void> {
    await this.grid.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  /** The statements of the rows on screen, top to bottom. */
  async statements(): Promise<string[]> {
    return this.rows.locator('.col-statement').allInnerTexts();
  }

  /** An appearance on the claim's page, by its article's title. */
  appearance(articleTitle: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^${articleTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  /** Clicks the graph's node for a claim with the mouse, where the canvas drew it. */
  async clickNode(claimId: number): Promise<void> {
    const canvas = this.graph.locator('.cy-canvas');
    await canvas.scrollIntoViewIfNeeded();
    await expect(canvas).toHaveAttribute('data-layout', 'done');
    const positions = JSON.parse((await canvas.getAttribute('data-node-positions')) ?? '[]') as Array<{ id: number; x: number; y: number }>;
    const node = positions.find((p) => p.id === claimId);
    if (!node) throw new Error(`claim ${claimId} is not in the graph`);
    const box = (await canvas.boundingBox())!;
    await this.app.mouse.click(box.x + node.x, box.y + node.y);
  }
}
