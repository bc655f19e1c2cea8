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

  /** Where the graph drew each claim's node, in CSS pixels from the canvas's top left corner, once laid out. */
  async nodePositions(): Promise<Array<{ id: number; x: number; y: number }>> {
    const canvas = this.graph.locator('.cy-canvas');
    await expect(canvas).toHaveAttribute('data-layout', 'done');
    return JSON.parse((await canvas.getAttribute('data-node-positions')) ?? '[]') as Array<{ id: number; x: number; y: number }>;
  }

  /** Clicks the graph's node for a claim with the mouse, where the canvas drew it. */
  async clickNode(claimId: number): Promise<void> {
    const canvas = this.graph.locator('.cy-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const node = (await this.nodePositions()).find((p) => p.id === claimId);
    if (!node) throw new Error(`claim ${claimId} is not in the graph`);
    const box = (await canvas.boundingBox())!;
    await this.app.mouse.click(box.x + node.x, box.y + node.y);
  }

  /**
   * The colours the graph's canvas shows in a box (CSS pixels from its top left corner), as `#rrggbb`
   * of the pixels drawn fully opaque there, most frequent first: what a person sees of nodes, edges and labels.
   */
  async drawnColours(box: { x: number; y: number; width: number; height: number }): Promise<string[]> {
    return this.graph.locator('canvas[data-id="layer2-node"]').evaluate((canvas: HTMLCanvasElement, b) => {
      const ratio = canvas.width / canvas.clientWidth;
      const pixels = canvas
        .getContext('2d')!
        .getImageData(
          Math.round(b.x * ratio),
          Math.round(b.y * ratio),
          Math.max(1, Math.round(b.width * ratio)),
          Math.max(1, Math.round(b.height * ratio)),
        ).data;
      const counts = new Map<string, number>();
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] !== 255) continue;
        const hex = '#' + [0, 1, 2].map((c) => pixels[i + c]!.toString(16).padStart(2, '0')).join('');
        counts.set(hex, (counts.get(hex) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1]).map(([hex]) => hex);
    }, box);
  }
}
