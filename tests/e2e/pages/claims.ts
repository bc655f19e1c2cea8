import { expect, type Locator, type Page } from '@playwright/test';
import { literal } from './pattern';

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

  /** Opens a claim from the table by clicking its statement. */
  async openClaim(statement: string): Promise<void> {
    await this.rows.getByRole('button', { name: statement, exact: true }).click();
    await expect(this.heading).toHaveText(statement);
  }

  /** The claim page's title. */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A link on the claim's page, by its name: "This claim varies: …" (out) or "… varies this claim" (in). */
  link(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true });
  }

  /** A where-else suggestion on the claim's page, by its article's title. */
  suggestion(articleTitle: string): Locator {
    return this.page.getByRole('listitem', { name: `Suggestion in ${articleTitle}` });
  }

  /** Links the open claim to another with the Link claim dialog: finds it by typing, picks it, relation, note, Link. */
  async linkTo(search: string, statement: string, relation: string, note: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Link to a claim…' }).click();
    const dialog = this.app.getByRole('dialog', { name: 'Link claim' });
    await dialog.getByRole('combobox', { name: 'Claim to link to' }).fill(search);
    await dialog.getByRole('option', { name: new RegExp(`^${literal(statement)}`) }).click();
    await dialog.getByRole('radio', { name: relation }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** An appearance on the claim's page, by its article's title. */
  appearance(articleTitle: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^${literal(articleTitle)}`) });
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
   * How many pixels of a box of the graph's canvas (CSS pixels from its top left corner) show a
   * colour (`#rrggbb`): what a person sees of nodes, edges and labels. Anti-aliased edges of text
   * and lines count when at least 60% opaque, their colour within a rounding error of the one drawn.
   */
  async drawnPixels(box: { x: number; y: number; width: number; height: number }, colour: string): Promise<number> {
    return this.graph.locator('canvas[data-id="layer2-node"]').evaluate(
      (canvas: HTMLCanvasElement, { b, colour }) => {
        const ratio = canvas.width / canvas.clientWidth;
        const [x, y, w, h] = [b.x, b.y, b.width, b.height].map((v) => Math.max(1, Math.round(v * ratio)));
        const pixels = canvas.getContext('2d')!.getImageData(x!, y!, w!, h!).data;
        const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i + 3]! >= 153 && want.every((c, k) => Math.abs(pixels[i + k]! - c) <= 6)) count++;
        }
        return count;
      },
      { b: box, colour },
    );
  }
}
