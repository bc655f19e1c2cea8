import type { FileChooser, Locator, Page } from '@playwright/test';

/** Importing from the page: the file pickers, the progress panel with Cancel, then the results. */
export class ImportPanel {
  readonly progress: Locator;
  /** "300 of 620 files · 298 imported…" under the bar. */
  readonly progressText: Locator;
  readonly results: Locator;
  /** The results' heading: "Import finished: 60 imported" or "Import cancelled: …". */
  readonly outcome: Locator;
  readonly failed: Locator;
  readonly duplicates: Locator;
  /** Imported files whose text the library already had under another headline, outlet or date. */
  readonly reprints: Locator;

  constructor(readonly page: Page) {
    this.progress = page.getByRole('progressbar', { name: 'Import progress' });
    this.progressText = page.getByRole('region', { name: 'Import' }).getByRole('status');
    this.results = page.getByRole('region', { name: 'Import results' });
    this.outcome = this.results.getByRole('heading', { level: 2 });
    this.failed = this.results.getByRole('list', { name: 'Failed files' });
    this.duplicates = this.results.getByRole('list', { name: 'Duplicate files' });
    this.reprints = this.results.getByRole('list', { name: 'Reprinted files' });
  }

  /**
   * Imports files (or one folder) through a button's file picker: "Import files…" or "Import
   * folder…", in the toolbar or, by `within`, elsewhere (the empty library's own buttons).
   */
  async choose(button: 'Import files…' | 'Import folder…', paths: string | string[], within?: Locator): Promise<void> {
    const chooser: Promise<FileChooser> = this.page.waitForEvent('filechooser');
    await (within ?? this.page.getByRole('banner')).getByRole('button', { name: button }).click();
    await (await chooser).setFiles(paths);
  }

  async importFolder(folder: string, within?: Locator): Promise<void> {
    await this.choose('Import folder…', folder, within);
  }

  async importFiles(paths: string | string[], within?: Locator): Promise<void> {
    await this.choose('Import files…', paths, within);
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel import' }).click();
  }

  async closeResults(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close import results' }).click();
  }
}
