import type { Locator, Page } from '@playwright/test';
import { literal } from './pattern';

/** The codebook panel beside the reader: the tag tree and each tag's ⋯ menu. */
export class Codebook {
  readonly tree: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree', { name: 'Codebook' });
  }

  /** A tag in the tree, by its own name (not its path). */
  tag(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** The number key a tag is pinned to, as its row shows it. */
  pinKey(name: string): Locator {
    return this.tag(name).locator('.pin-key');
  }

  /** Opens a tag's ⋯ menu and picks an item ("Merge into…", "Move to…"…). */
  async menu(name: string, item: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Merges a tag into another with the Merge dialog: its passages move there and the tag goes. */
  async merge(name: string, { into }: { into: string }): Promise<void> {
    await this.menu(name, 'Merge into…');
    const dialog = this.page.getByRole('dialog', { name: `Merge “${name}” into…` });
    await dialog.getByRole('option', { name: new RegExp(literal(into)) }).click();
    await dialog.getByRole('button', { name: /^Merge/ }).click();
  }
}
