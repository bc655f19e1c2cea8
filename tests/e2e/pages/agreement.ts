import type { Locator, Page } from '@playwright/test';

/** Compare coders: the picks, the statistics table, the columns of one article and the list of differences. */
export class AgreementView {
  readonly region: Locator;
  readonly table: Locator;
  readonly differences: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Compare coders' });
    this.table = this.region.getByRole('table');
    this.differences = this.region.getByRole('list', { name: /^Differences/ });
  }

  /** The row of a tag ("All tags" for the overall row): its cells as text. */
  row(tag: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: tag, exact: true }) });
  }

  coder(name: string): Locator {
    return this.region.getByRole('group', { name: 'Coders' }).getByRole('checkbox', { name });
  }

  unit(label: 'Characters' | 'Sentences' | 'Paragraphs'): Locator {
    return this.region.getByRole('radio', { name: label });
  }

  column(coder: string): Locator {
    return this.region.getByRole('region', { name: `${coder}’s coding` });
  }
}
