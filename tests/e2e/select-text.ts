import type { Page } from '@playwright/test';

/**
 * Selects a phrase of the open article the way a mouse drag would: a DOM range from the run
 * where the phrase starts to the run where it ends, however highlights have split the text.
 * `occurrence` picks among repeats (0 = first).
 */
export async function selectPhrase(page: Page, phrase: string, occurrence = 0): Promise<void> {
  await page.evaluate(
    ({ phrase, occurrence }) => {
      const runs = [...document.querySelectorAll<HTMLElement>('[data-reader-text] [data-start]')];
      let text = '';
      const placed = runs.map((run) => {
        const start = Number(run.dataset.start);
        text = text.padEnd(start, '\u0000') + (run.textContent ?? '');
        return { run, start };
      });
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`phrase not in the article: ${phrase}`);
      const point = (offset: number, end: boolean): [Node, number] => {
        const hit = placed.find(({ run, start }) => {
          const length = (run.textContent ?? '').length;
          return end ? offset > start && offset <= start + length : offset >= start && offset < start + length;
        });
        if (!hit?.run.firstChild) throw new Error(`no text at offset ${offset}`);
        return [hit.run.firstChild, offset - hit.start];
      };
      const range = document.createRange();
      range.setStart(...point(at, false));
      range.setEnd(...point(at + phrase.length, true));
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    { phrase, occurrence },
  );
}
