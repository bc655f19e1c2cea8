import { expect, type Locator, type Page } from '@playwright/test';

/** The Overview: its filter, its charts (each a region named by its title) and the panel of articles behind a mark. */
export class OverviewView {
  readonly region: Locator;
  readonly drill: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Overview' });
    this.drill = page.getByRole('region', { name: 'Articles behind the mark' });
  }

  chart(title: string): Locator {
    return this.region.getByRole('region', { name: title, exact: true });
  }

  /** The drawn marks of a chart (Vega's SVG items: bars, rects, circles). */
  marks(title: string): Locator {
    return this.chart(title).locator('.vega-chart[data-rendered="true"] path[role="graphics-symbol"]');
  }

  /** Opens a chart's data table and returns its body rows. */
  async tableRows(title: string): Promise<Locator> {
    const chart = this.chart(title);
    const summary = chart.getByText(/^Data table/);
    if ((await chart.locator('details[open]').count()) === 0) await summary.click();
    return chart.getByRole('table').locator('tbody tr');
  }

  async filterBy(label: 'Tag' | 'Outlet', option: string): Promise<void> {
    await this.region.getByRole('combobox', { name: label }).selectOption({ label: option });
  }

  /** Clicks with the mouse the mark whose accessible label matches, where it is drawn. */
  async clickMark(title: string, label: RegExp): Promise<void> {
    const all = this.marks(title);
    for (const item of await all.all()) {
      if (!label.test((await item.getAttribute('aria-label')) ?? '')) continue;
      await item.scrollIntoViewIfNeeded();
      const box = await item.boundingBox();
      if (!box) throw new Error('the mark is not on screen');
      await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect(this.drill).toBeVisible();
      return;
    }
    throw new Error(`no mark of ${title} is labelled ${String(label)}`);
  }
}
