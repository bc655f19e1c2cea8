import type { Locator, Page } from '@playwright/test';
import { literal } from './pattern';

/** The Passages view: every passage of the library in a grid, its filters and Export. */
export class PassagesView {
  readonly grid: Locator;
  /** The grid's data rows (the header row left out). */
  readonly rows: Locator;
  readonly search: Locator;
  readonly tagFilter: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    const view = page.getByRole('region', { name: 'Passages view' });
    this.grid = page.getByRole('grid', { name: 'Passages' });
    this.rows = this.grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    this.search = page.getByRole('searchbox', { name: 'Filter passages' });
    this.tagFilter = page.getByRole('combobox', { name: 'Filter by tag' });
    this.status = view.getByRole('status').first();
  }

  async open(): Promise<void> {
    await this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Passages', exact: true }).click();
  }

  /** Rows whose tags include this path. */
  rowsTagged(path: string): Locator {
    return this.rows.filter({ has: this.page.getByTitle(path, { exact: true }) });
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Keeps only passages with this tag, picked from the filter's suggestions. */
  async filterByTag(path: string): Promise<void> {
    await this.tagFilter.fill(path.split(' / ').pop() ?? path);
    await this.page.getByRole('option', { name: new RegExp(literal(path)) }).click();
  }

  /** Opens the Export dialog from the view's toolbar. */
  async openExport(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    return this.page.getByRole('dialog', { name: 'Export' });
  }
}
