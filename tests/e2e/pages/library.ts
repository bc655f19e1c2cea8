import { expect, type Locator, type Page } from '@playwright/test';

/** The library sidebar (article list, its search box and count) and the toolbar's view switch. */
export class Library {
  readonly articles: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    const sidebar = page.getByRole('navigation', { name: 'Library' });
    this.articles = sidebar.getByRole('listbox', { name: 'Articles' });
    this.search = sidebar.getByRole('searchbox', { name: 'Search articles' });
    this.count = sidebar.getByRole('status');
  }

  /** An article in the list, by its title (the whole title, or a pattern). */
  article(title: string | RegExp): Locator {
    return this.articles.getByRole('option', { name: title });
  }

  /** The bar above the list while articles are picked for a bulk edit. */
  get bulkBar(): Locator {
    return this.page.getByRole('group', { name: 'Picked articles' });
  }

  /** The articles picked (aria-selected) in the list as shown. */
  get picked(): Locator {
    return this.articles.locator('[role="option"][aria-selected="true"]');
  }

  /** Opens an article in the reader by clicking it in the list. */
  async open(title: string): Promise<void> {
    await this.article(title).click();
    await expect(this.page.getByRole('main').getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** Switches the main area to a view ("Reader", "Passages") with the toolbar's view switch. */
  async switchTo(view: 'Reader' | 'Passages' | 'Overview'): Promise<void> {
    await this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: view, exact: true }).click();
  }
}
