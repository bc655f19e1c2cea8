import type { Page } from '@playwright/test';

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  over33: number;
}

/**
 * Frame times in the page (gaps between requestAnimationFrame callbacks) while `act` drives it as
 * a person does, with real wheel and mouse events from Playwright.
 */
export async function framesWhile(page: Page, act: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    const state = { gaps: [] as number[], last: 0, on: true };
    (globalThis as unknown as { __frames: typeof state }).__frames = state;
    const tick = (now: number) => {
      if (state.last) state.gaps.push(now - state.last);
      state.last = now;
      if (state.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  const gaps = await page.evaluate(() => {
    const state = (globalThis as unknown as { __frames: { gaps: number[]; on: boolean } }).__frames;
    state.on = false;
    return state.gaps;
  });
  gaps.sort((a, b) => a - b);
  const at = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] ?? 0;
  return { frames: gaps.length, p50: at(0.5), p95: at(0.95), over33: gaps.filter((g) => g > 33.4).length };
}

/** Wheel turns over the element's middle for `ms`, `delta` pixels each (a reader skimming down). */
export async function wheelFor(page: Page, selector: string, ms: number, delta: number): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const started = Date.now();
  while (Date.now() - started < ms) await page.mouse.wheel(0, delta);
}
