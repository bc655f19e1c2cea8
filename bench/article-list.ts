import type { Response } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleWriter, type NewArticle } from '../electron/core/articles/writer';
import { prepareArticle } from '../electron/core/import/prepare';
import type { ParsedArticle } from '../electron/core/model';
import { openLibrary } from '../electron/core/library/open';
import { openBenchApp } from './app-page';
import { networkQuiet, scrollFrames } from './reader';

const WORDS = 'the refugees returned government said officials reported million figures conflict settlement talks week'.split(' ');
const OUTLETS = ['TASS', 'BBC News', 'RIA Novosti', 'Reuters', 'Al Jazeera'];

/** A library of `count` short news articles written through the real writer (a few dozen texts, many titles). */
function build(path: string, count: number): void {
  const templates: NewArticle[] = [];
  for (let t = 0; t < 40; t++) {
    const text = Array.from({ length: 6 }, (_, p) =>
      Array.from({ length: 40 }, (_, w) => WORDS[(t * 7 + p * 3 + w * (t + 1)) % WORDS.length]).join(' '),
    ).join('\n\n');
    const article: ParsedArticle = {
      title: `Report ${t}`,
      outlet: OUTLETS[t % OUTLETS.length]!,
      byline: null,
      published: `2024-0${1 + (t % 9)}-1${t % 10}`,
      place: null,
      language: 'en',
      url: null,
      text,
      blocks: [],
      format: 'txt',
      encoding: 'utf-8',
    };
    const bytes = new TextEncoder().encode(text);
    templates.push({ article: prepareArticle(article), title: article.title!, sourceName: `report-${t}.txt`, size: bytes.length, bytes });
  }
  const lib = openLibrary(path);
  try {
    const writer = articleWriter(lib.db, lib.clock);
    for (let done = 0; done < count;) {
      lib.db.transaction(() => {
        for (let i = 0; i < 5000 && done < count; i++, done++) {
          const template = templates[done % templates.length]!;
          writer.insert({ ...template, title: `${template.title}: week ${done}` });
        }
      })();
    }
  } finally {
    lib.close();
  }
}

/**
 * The article list at 100,000 articles (target: on screen in under 1 s): from navigation to the
 * first rows painted, the bytes the app's requests brought until the network was quiet (the list
 * is asked for a window at a time), and frames while scrolling the list.
 */
export async function articleListBench(options: { articles: number }): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-list-bench-'));
  const libraryPath = join(dir, 'list.marginalia');
  build(libraryPath, options.articles);
  // Checked every frame from the first one: the frame in which the list's first rows are painted.
  const app = await openBenchApp(
    libraryPath,
    dir,
    `const check = () => {
      if (document.querySelector('[role="listbox"][aria-label="Articles"] [role="option"]')) globalThis.firstListScreen = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);`,
  );
  const { page } = app;
  try {
    const api = { requests: 0, bytes: 0, listRequests: 0, listBytes: 0 };
    const bodies: Array<Promise<void>> = [];
    const count = (response: Response): void => {
      const path = new URL(response.url()).pathname;
      // The event stream stays open: it is no response to count.
      if (!path.startsWith('/api/') || response.headers()['content-type']?.startsWith('text/event-stream')) return;
      bodies.push(
        response.body().then((body) => {
          api.requests += 1;
          api.bytes += body.length;
          if (path === '/api/articles.list') {
            api.listRequests += 1;
            api.listBytes += body.length;
          }
        }),
      );
    };
    page.on('response', count);
    await page.goto(app.openUrl);
    await page.waitForFunction(() => typeof (globalThis as { firstListScreen?: number }).firstListScreen === 'number');
    const firstScreen = await page.evaluate(() => (globalThis as unknown as { firstListScreen: number }).firstListScreen);
    const shown = await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').count();
    await networkQuiet(page);
    page.off('response', count);
    await Promise.all(bodies);
    const opening = { ...api };
    const scroll = await scrollFrames(page, '[role="listbox"][aria-label="Articles"]', 3000);
    return {
      library_articles: options.articles,
      first_list_screen_ms: Math.round(firstScreen),
      rows_on_first_screen: shown,
      opening_api_requests: opening.requests,
      opening_api_kb: Math.round(opening.bytes / 1024),
      opening_list_requests: opening.listRequests,
      opening_list_kb: Math.round(opening.listBytes / 1024),
      list_scroll_frame_p50_ms: Number(scroll.p50.toFixed(1)),
      list_scroll_frame_p95_ms: Number(scroll.p95.toFixed(1)),
      list_frames_over_33ms: scroll.over33,
    };
  } finally {
    await app.close();
  }
}
