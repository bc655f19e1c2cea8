import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RELATIONS } from '../electron/shared/claims';
import { insertClaim } from '../electron/core/claims/edits';
import { linkClaims } from '../electron/core/claims/links';
import { openLibrary } from '../electron/core/library/open';
import { framesWhile, wheelFor } from './frames';
import { openBenchApp } from './app-page';

const SPEAKERS = ['Vladimir Putin', 'Bashar al-Assad', 'the UN refugee agency', 'Sergei Lavrov', null];
const KINDS = ['statistic', 'quote', 'event', 'other'] as const;
const GRID = '[role="grid"][aria-label="Claims"]';
const CANVAS = '.cy-canvas';

/** `claims` claims; the first `linked` of them joined by about 1.5 links each (the library's graph). */
function build(path: string, claims: number, linked: number): void {
  const lib = openLibrary(path);
  try {
    const { db, clock } = lib;
    db.transaction(() => {
      for (let i = 0; i < claims; i++) {
        insertClaim(db, clock, {
          statement: `Over ${(i % 97) + 1}.${i % 10} million refugees remain outside the country, claim ${i}`,
          kind: KINDS[i % KINDS.length]!,
          speaker: SPEAKERS[i % SPEAKERS.length]!,
          value: null,
          unit: null,
          counted: null,
          qualifier: null,
          note: '',
        });
      }
      // A tree (each claim linked to an earlier one) plus cross links: a graph with clusters and cycles.
      for (let i = 2; i <= linked; i++) {
        linkClaims(db, clock, i, 1 + ((i * 7919) % (i - 1)), RELATIONS[i % RELATIONS.length]!);
        if (i % 2 === 0) linkClaims(db, clock, i, 1 + ((i * 104729 + 13) % linked), RELATIONS[(i >> 1) % RELATIONS.length]!);
      }
    })();
  } finally {
    lib.close();
  }
}

/**
 * The Claims view in Chromium: the table over 50,000 claims scrolled by the mouse wheel, and the
 * library's graph of 500 linked claims: fCoSE layout time (as the app runs it) and frames while
 * panning it with a mouse drag.
 */
export async function claimsViewBench(options: { claims: number; linked: number }): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-claims-view-bench-'));
  const libraryPath = join(dir, 'claims.marginalia');
  build(libraryPath, options.claims, options.linked);
  const app = await openBenchApp(libraryPath, dir);
  const { page } = app;
  try {
    await page.goto(app.openUrl);
    const opened = performance.now();
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Claims', exact: true }).click();
    const grid = page.getByRole('grid', { name: 'Claims' });
    await grid.getByRole('gridcell').first().waitFor();
    const tableMs = performance.now() - opened;
    const rowCount = Number(await grid.getAttribute('aria-rowcount')) - 1;
    if (rowCount !== options.claims) throw new Error(`the table counts ${rowCount} claims, not ${options.claims}`);
    const scroll = await framesWhile(page, () => wheelFor(page, GRID, 3000, 400));
    const scrolledTo = await page.locator(GRID).evaluate((e) => e.scrollTop);

    const clicked = performance.now();
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.locator(`${CANVAS}[data-layout="done"]`).waitFor({ timeout: 60_000 });
    const graphMs = performance.now() - clicked;
    const layoutMs = await page.evaluate(() => performance.getEntriesByName('claim graph layout').at(-1)?.duration ?? -1);
    const nodes = await page.getByRole('img', { name: /^Graph of \d+ claims/ }).getAttribute('aria-label');
    if (!nodes?.startsWith(`Graph of ${options.linked} claims`))
      throw new Error(`the graph shows "${nodes}", not ${options.linked} claims`);
    const box = (await page.locator(CANVAS).boundingBox())!;
    // A drag that starts on the canvas's empty edge (fit leaves 30 px) pans; circles for 2 s.
    const pan = await framesWhile(page, async () => {
      const x0 = box.x + 10;
      const y0 = box.y + box.height / 2;
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      const started = Date.now();
      for (let step = 0; Date.now() - started < 2000; step++)
        await page.mouse.move(x0 + 150 + 150 * Math.cos(step / 10) - 150, y0 + 150 * Math.sin(step / 10));
      await page.mouse.up();
    });
    return {
      library_claims: options.claims,
      table_first_rows_ms: Math.round(tableMs),
      table_scrolled_px: Math.round(scrolledTo),
      table_scroll_frames: scroll.frames,
      table_scroll_frame_p50_ms: Number(scroll.p50.toFixed(1)),
      table_scroll_frame_p95_ms: Number(scroll.p95.toFixed(1)),
      table_frames_over_33ms: scroll.over33,
      graph_claims: options.linked,
      graph_layout_ms: Math.round(layoutMs),
      graph_tab_to_drawn_ms: Math.round(graphMs),
      graph_pan_frames: pan.frames,
      graph_pan_frame_p50_ms: Number(pan.p50.toFixed(1)),
      graph_pan_frame_p95_ms: Number(pan.p95.toFixed(1)),
      graph_pan_frames_over_33ms: pan.over33,
    };
  } finally {
    await app.close();
  }
}
