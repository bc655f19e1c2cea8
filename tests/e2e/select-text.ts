import { expect, type Page } from '@playwright/test';

interface Point {
  x: number;
  y: number;
}

interface Measured {
  start: Point;
  end: Point;
  /** How far the phrase lies outside the reading column's visible part (0: on screen). */
  offscreen: number;
}

/**
 * Where a phrase of the open article is on screen: just inside its first character's left half
 * and its last character's right half, so that a drag between the two selects exactly it.
 * Only reads layout (the runs' text and their character boxes); it selects nothing.
 */
function measure(page: Page, phrase: string, occurrence: number): Promise<Measured> {
  return page.evaluate(
    ({ phrase, occurrence }) => {
      const root = document.querySelector<HTMLElement>('[data-reader-text]');
      if (!root) throw new Error('no article is open');
      const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
      let text = '';
      const placed = runs.map((run) => {
        const start = Number(run.dataset.start);
        text = text.padEnd(start, '\u0000') + (run.textContent ?? '');
        return { run, start };
      });
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`phrase not in the article: ${phrase}`);
      const charBox = (offset: number): DOMRect => {
        const hit = placed.find(({ run, start }) => offset >= start && offset < start + (run.textContent ?? '').length);
        if (!hit?.run.firstChild) throw new Error(`no text at offset ${offset}`);
        const range = document.createRange();
        range.setStart(hit.run.firstChild, offset - hit.start);
        range.setEnd(hit.run.firstChild, offset - hit.start + 1);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const box = rects[rects.length - 1];
        if (!box) throw new Error(`the character at offset ${offset} has no box on screen`);
        return box;
      };
      const first = charBox(at);
      const last = charBox(at + phrase.length - 1);
      // The scrolling reading column, else the window.
      let scroller: HTMLElement | null = root.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
      const view = scroller?.getBoundingClientRect() ?? new DOMRect(0, 0, innerWidth, innerHeight);
      const top = Math.max(view.top, 0);
      const bottom = Math.min(view.bottom, innerHeight);
      const offscreen = first.top < top ? first.top - top - 40 : last.bottom > bottom ? last.bottom - bottom + 40 : 0;
      return {
        start: { x: first.left + Math.min(2, first.width / 4), y: first.top + first.height / 2 },
        end: { x: last.right - Math.min(2, last.width / 4), y: last.top + last.height / 2 },
        offscreen: Math.round(offscreen),
      };
    },
    { phrase, occurrence },
  );
}

/**
 * Where the phrase is once the text shows it and its layout has settled: two measures in a row
 * agree (the text waits for its passages and candidate claims; margins may still be filling).
 */
async function settled(page: Page, phrase: string, occurrence: number): Promise<Measured> {
  let last = '';
  let at: Measured | null = null;
  await expect
    .poll(
      async () => {
        try {
          at = await measure(page, phrase, occurrence);
        } catch (e) {
          if (/phrase not in the article|no article is open/.test(String(e))) return false;
          throw e;
        }
        const now = JSON.stringify(at);
        const same = now === last;
        last = now;
        return same;
      },
      { message: `"${phrase}" shown in the article, its place settled` },
    )
    .toBe(true);
  return at!;
}

/**
 * Selects a phrase of the open article as a person does: scrolls it into view with the wheel,
 * presses the mouse at its first character, drags to its last and releases. `occurrence`
 * picks among repeats (0 = first).
 */
export async function selectPhrase(page: Page, phrase: string, occurrence = 0): Promise<void> {
  let at = await settled(page, phrase, occurrence);
  if (at.offscreen !== 0) {
    const article = await page.locator('[data-reader-text]').boundingBox();
    if (!article) throw new Error('the article is not on screen');
    // Over the part of the text on screen (its top may be scrolled out of the window, above the header).
    const viewport = page.viewportSize() ?? { width: 1024, height: 700 };
    const top = Math.max(article.y, 0);
    const bottom = Math.min(article.y + article.height, viewport.height);
    await page.mouse.move(article.x + article.width / 2, (top + bottom) / 2);
    await page.mouse.wheel(0, at.offscreen);
    await expect.poll(async () => (at = await measure(page, phrase, occurrence)).offscreen).toBe(0);
  }
  await page.mouse.move(at.start.x, at.start.y);
  await page.mouse.down();
  await page.mouse.move((at.start.x + at.end.x) / 2, (at.start.y + at.end.y) / 2, { steps: 4 });
  await page.mouse.move(at.end.x, at.end.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ' ').trim())).toBe(phrase);
}
