import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { screenshot } from './fixtures';

/**
 * One screen as it is now, in the light and the dark theme: no serious or critical axe violation
 * in either, and a screenshot of each kept in tests/artifacts (`<name>-light.png`, `<name>-dark.png`).
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page, `${name} (${colorScheme})`);
    await screenshot(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: null });
}
