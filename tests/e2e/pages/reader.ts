import { expect, type Locator, type Page } from '@playwright/test';
import { selectPhrase } from '../select-text';
import { literal } from './pattern';

/** The reader: the open article, its highlights and margin, the selection toolbar, the tag picker, the passage inspector. */
export class Reader {
  readonly article: Locator;
  readonly marks: Locator;
  readonly toolbar: Locator;
  readonly picker: Locator;
  readonly inspector: Locator;
  /** The selected passage's quote, as the inspector shows it. */
  readonly quote: Locator;
  readonly note: Locator;
  /** The selected passage's tags, as the inspector lists them (their paths). */
  readonly tags: Locator;

  constructor(readonly page: Page) {
    this.article = page.getByRole('main').getByRole('article');
    this.marks = this.article.locator('mark');
    this.toolbar = page.getByRole('toolbar', { name: 'Selection' });
    this.picker = page.getByRole('combobox', { name: 'Tag passage' });
    this.inspector = page.getByRole('region', { name: 'Passage' });
    this.quote = this.inspector.locator('blockquote');
    this.note = this.inspector.getByRole('textbox', { name: 'Note' });
    this.tags = this.inspector.getByRole('list', { name: 'Tags' }).getByRole('listitem');
  }

  heading(title: string): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1, name: title });
  }

  /** Highlights whose text contains `text`. */
  mark(text: string): Locator {
    return this.marks.filter({ hasText: text });
  }

  /** Highlights of passages that are appearances of a claim (marked apart from the others). */
  get claimMarks(): Locator {
    return this.marks.and(this.page.locator('.claim'));
  }

  /** A candidate claim's mark in the margin (with its Make claim and Dismiss buttons), by the start of its sentence. */
  candidate(textStart: string): Locator {
    return this.article.getByRole('group', { name: new RegExp(`^Candidate claim: ${literal(textStart)}`) });
  }

  /** A passage's entry in the margin, by the start of its quote. */
  marginEntry(quoteStart: string): Locator {
    return this.article.getByRole('button', { name: new RegExp(`^Passage: ${literal(quoteStart)}`) });
  }

  /** A margin entry that shows this note (its name: the passage, its tag paths, then what it shows). */
  marginNote(noteStart: string): Locator {
    return this.article.getByRole('button', { name: new RegExp(`^Passage: .* — .*${literal(noteStart)}`) });
  }

  /** Drags the mouse over a phrase of the article, as a person selects text. */
  async select(phrase: string, occurrence = 0): Promise<void> {
    await selectPhrase(this.page, phrase, occurrence);
  }

  /**
   * Tags the selected text: opens the picker (the toolbar's Tag button, or the T key), types the
   * tag (an existing one is matched, a new "Parent / Child" is created), Enter, then Escape.
   */
  async tagSelection(tag: string, { by = 'toolbar' }: { by?: 'toolbar' | 'key' } = {}): Promise<void> {
    if (by === 'toolbar') await this.toolbar.getByRole('button', { name: 'Tag' }).click();
    else await this.page.keyboard.press('t');
    await this.picker.fill(tag);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await expect(this.picker).toHaveCount(0);
  }

  /**
   * Selects a phrase with the mouse and makes a claim of it from the selection toolbar, saving
   * the prefilled form (with `statement` instead, when given).
   */
  async makeClaim(phrase: string, statement?: string): Promise<void> {
    await this.select(phrase);
    await this.toolbar.getByRole('button', { name: 'Make claim' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Make claim' });
    if (statement !== undefined) await dialog.getByRole('textbox', { name: 'Statement' }).fill(statement);
    await dialog.getByRole('button', { name: 'Save claim' }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** Selects a phrase with the mouse and tags it. */
  async tagPhrase(phrase: string, tag: string, options: { by?: 'toolbar' | 'key' } = {}): Promise<void> {
    await this.select(phrase);
    await this.tagSelection(tag, options);
  }

  /** Waits until the selected passage has exactly these tags (paths), in this order. */
  async expectTags(paths: string[]): Promise<void> {
    // Each chip is the tag's path and its remove button (×).
    await expect(this.tags).toHaveText(paths.map((path) => new RegExp(`^${literal(path)}×$`)));
  }

  /** Clicks the article's corner, away from any highlight: no passage stays selected. */
  async clickAwayFromPassages(): Promise<void> {
    await this.article.click({ position: { x: 2, y: 2 } });
  }

  /** Writes a note on the selected passage in the inspector; it is saved when the field loses focus. */
  async writeNote(text: string): Promise<void> {
    await this.note.fill(text);
    await this.note.blur();
  }
}
