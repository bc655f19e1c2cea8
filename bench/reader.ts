import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../electron/core/import/prepare';
import { openLibrary } from '../electron/core/library/open';
import { openBenchApp } from './app-page';

const WORDS =
  'the refugees returned government said officials reported million figures conflict settlement reconstruction analysts week'.split(' ');

/** A library with one 1 MB article carrying 5,000 passages, a 2,000-tag codebook and 100,000 passages in all. */
export function seed(path: string): { bigTitle: string } {
  const lib = openLibrary(path);
  const db = lib.db;
  const now = new Date().toISOString();
  let seedValue = 7;
  const random = () => {
    seedValue = (seedValue * 1664525 + 1013904223) >>> 0;
    return seedValue / 2 ** 32;
  };
  const paragraph = () =>
    Array.from({ length: 60 + Math.floor(random() * 80) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ') + '.';
  const makeArticle = (title: string, size: number) => {
    const parts: string[] = [];
    const blocks: Array<{ kind: string; start: number; end: number }> = [];
    let length = 0;
    while (length < size) {
      const p = paragraph();
      const start = length + (parts.length ? 2 : 0);
      parts.push(p);
      blocks.push({ kind: blocks.length % 12 === 5 ? 'heading' : 'paragraph', start, end: start + p.length });
      length = start + p.length;
    }
    const text = parts.join('\n\n');
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO articles (uid, title, outlet, published, text, blocks, sha256, format, imported_at, updated_at)
         VALUES (?, ?, 'Bench Wire', '2024-03-01', ?, ?, ?, 'txt', ?, ?)`,
      )
      .run(randomUUID(), title, text, JSON.stringify(blocks), sha256(text), now, now);
    return { id: Number(lastInsertRowid), text };
  };

  db.transaction(() => {
    const tagIds: number[] = [];
    const insertTag = db.prepare(
      'INSERT INTO tags (uid, parent_id, name, color, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < 2000; i++) {
      const parent = i < 100 ? null : (tagIds[Math.floor(random() * 100)] ?? null);
      const colour = `#${Math.floor(random() * 0xffffff)
        .toString(16)
        .padStart(6, '0')}`;
      tagIds.push(Number(insertTag.run(randomUUID(), parent, `Tag ${i}`, colour, i, now, now).lastInsertRowid));
    }
    const insertPassage = db.prepare(
      `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?)`,
    );
    const insertTagging = db.prepare('INSERT OR IGNORE INTO passage_tags (passage_id, tag_id) VALUES (?, ?)');
    const addPassages = (article: { id: number; text: string }, count: number) => {
      for (let i = 0; i < count; i++) {
        const start = Math.floor(random() * (article.text.length - 400));
        const end = start + 20 + Math.floor(random() * 300);
        const id = Number(
          insertPassage.run(randomUUID(), article.id, start, end, article.text.slice(start, end), i % 10 === 0 ? `note ${i}` : '', now, now)
            .lastInsertRowid,
        );
        insertTagging.run(id, tagIds[Math.floor(random() * tagIds.length)]);
        if (i % 3 === 0) insertTagging.run(id, tagIds[Math.floor(random() * tagIds.length)]);
      }
    };
    addPassages(makeArticle('A 1 MB article with 5,000 passages', 1_000_000), 5000);
    for (let a = 0; a < 95; a++) addPassages(makeArticle(`Bench article ${a}`, 20_000), 1000);
  })();
  lib.close();
  return { bigTitle: 'A 1 MB article with 5,000 passages' };
}

/** Resolves once no request has been in flight for `quietMs` (refreshes after an edit have landed). */
export async function networkQuiet(page: Page, quietMs = 300): Promise<void> {
  let pending = 0;
  let last = Date.now();
  const begin = () => {
    pending += 1;
  };
  const end = () => {
    pending -= 1;
    last = Date.now();
  };
  page.on('request', begin);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    await page.waitForFunction(() => true); // one round trip, so requests already sent are counted
    while (pending > 0 || Date.now() - last < quietMs)
      await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  } finally {
    page.off('request', begin);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

/** Frame gaps while scrolling an element for a while: how smooth it stays. */
export async function scrollFrames(
  page: Page,
  selector: string,
  ms: number,
): Promise<{ frames: number; p50: number; p95: number; over33: number }> {
  return page.evaluate(
    async ({ selector, ms }) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`nothing matches ${selector}`);
      const gaps: number[] = [];
      const started = performance.now();
      let last = started;
      await new Promise<void>((done) => {
        const tick = (now: number) => {
          gaps.push(now - last);
          last = now;
          element.scrollTop += 120;
          if (now - started < ms) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      gaps.shift();
      gaps.sort((a, b) => a - b);
      const at = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] ?? 0;
      return { frames: gaps.length, p50: at(0.5), p95: at(0.95), over33: gaps.filter((g) => g > 33.4).length };
    },
    { selector, ms },
  );
}

export async function readerBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-reader-bench-'));
  const libraryPath = join(dir, 'reader.marginalia');
  const { bigTitle } = seed(libraryPath);
  const app = await openBenchApp(libraryPath, dir);
  const { page } = app;
  try {
    await page.goto(app.openUrl);
    const option = page.getByRole('option', { name: bigTitle });
    await option.waitFor();
    // The codebook on its own (no article open yet).
    await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').first().waitFor();
    await networkQuiet(page);
    const codebookAlone = await scrollFrames(page, '[role="tree"][aria-label="Codebook"]', 2000);

    // Open: from the click to the first screen painted with its highlights and the main thread
    // free (interactive), then to the whole article rendered; and the longest task in between.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask' });
      document.addEventListener('click', () => performance.mark('open:start'), { capture: true, once: true });
    });
    await option.click();
    const open = await page.evaluate(
      () =>
        new Promise<{ interactive: number; complete: number; longest: number }>((done) => {
          let interactive = 0;
          const marks = () => document.querySelectorAll('[data-reader-text] mark').length;
          const check = () => {
            if (!interactive && marks() > 0) {
              requestAnimationFrame(() =>
                setTimeout(() => {
                  performance.mark('open:interactive');
                  interactive = performance.measure('open-interactive', 'open:start', 'open:interactive').duration;
                  requestAnimationFrame(check);
                }, 0),
              );
              return;
            }
            if (interactive && marks() > 8000) {
              requestAnimationFrame(() =>
                setTimeout(() => {
                  performance.mark('open:complete');
                  const complete = performance.measure('open-complete', 'open:start', 'open:complete').duration;
                  done({ interactive, complete, longest: (window as unknown as { longest: number }).longest });
                }, 0),
              );
              return;
            }
            requestAnimationFrame(check);
          };
          check();
        }),
    );

    // Create: select a phrase, T, pick an existing tag, Enter → the new highlight is on screen.
    const runs = page.locator('[data-reader-text] span[data-start]');
    const target = runs.nth(40);
    await target.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const run = document.querySelectorAll('[data-reader-text] span[data-start]')[40];
      const node = run?.firstChild;
      if (!node || !node.textContent) throw new Error('no text run to select');
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(12, node.textContent.length));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    await page.getByRole('toolbar', { name: 'Selection' }).waitFor();
    await page.keyboard.press('t');
    await page.getByRole('combobox', { name: /Tag/ }).fill('Tag 1999');
    await page.getByRole('option', { name: /Tag 1999$/ }).waitFor();
    await page.evaluate(() => {
      const before = document.querySelectorAll('[data-reader-text] mark').length;
      document.addEventListener('keydown', () => performance.mark('create:start'), { capture: true, once: true });
      (window as unknown as { created: Promise<number> }).created = new Promise<number>((done) => {
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll('[data-reader-text] mark').length !== before) {
            observer.disconnect();
            requestAnimationFrame(() => {
              performance.mark('create:highlighted');
              done(performance.measure('create', 'create:start', 'create:highlighted').duration);
            });
          }
        });
        observer.observe(document.querySelector('[data-reader-text]')!, { childList: true, subtree: true });
      });
    });
    await page.keyboard.press('Enter');
    const createMs = await page.evaluate(() => (window as unknown as { created: Promise<number> }).created);
    await page.keyboard.press('Escape');

    // The codebook (2,000 tags) again, now beside the open 1 MB article.
    await page.keyboard.press('Escape');
    await page.getByRole('tree', { name: 'Codebook' }).waitFor();
    await networkQuiet(page);
    const codebook = await scrollFrames(page, '[role="tree"][aria-label="Codebook"]', 2000);

    await page.getByRole('button', { name: 'Passages', exact: true }).click();
    await page.getByRole('grid', { name: 'Passages' }).getByRole('row').nth(5).waitFor();
    await networkQuiet(page);
    const passages = await scrollFrames(page, '[role="grid"][aria-label="Passages"]', 3000);

    return {
      open_interactive_ms: Math.round(open.interactive),
      open_all_rendered_ms: Math.round(open.complete),
      open_longest_task_ms: Math.round(open.longest),
      create_passage_highlighted_ms: Math.round(createMs),
      codebook_alone_scroll_frame_p50_ms: Number(codebookAlone.p50.toFixed(1)),
      codebook_alone_scroll_frame_p95_ms: Number(codebookAlone.p95.toFixed(1)),
      codebook_alone_frames_over_33ms: codebookAlone.over33,
      codebook_alone_frames: codebookAlone.frames,
      codebook_scroll_frame_p50_ms: Number(codebook.p50.toFixed(1)),
      codebook_scroll_frame_p95_ms: Number(codebook.p95.toFixed(1)),
      codebook_frames_over_33ms: codebook.over33,
      codebook_frames: codebook.frames,
      passages_scroll_frame_p50_ms: Number(passages.p50.toFixed(1)),
      passages_scroll_frame_p95_ms: Number(passages.p95.toFixed(1)),
      passages_frames_over_33ms: passages.over33,
      passages_frames: passages.frames,
    };
  } finally {
    await app.close();
  }
}
