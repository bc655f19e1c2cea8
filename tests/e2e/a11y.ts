import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What axe found, one line per rule: enough to find the elements without opening a report. */
export interface A11yFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now: its default rules (WCAG 2.x A and AA, best practices)
 * and label-content-name-mismatch (a control whose accessible name leaves out its visible text).
 * `within` limits the check to part of the page (a dialog, a panel).
 */
export async function a11yFindings(page: Page, within?: string): Promise<A11yFinding[]> {
  let builder = new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (within) builder = builder.include(within);
  const { violations } = await builder.analyze();
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Fails on every serious or critical axe violation on the page (or the part `within` selects). */
export async function expectNoSeriousA11yViolations(page: Page, within?: string): Promise<void> {
  const serious = (await a11yFindings(page, within)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
  expect(
    serious.map((f) => `${f.rule} (${f.impact}): ${f.help} — ${f.targets.length} element(s): ${f.targets.slice(0, 5).join(', ')}`),
    'serious or critical accessibility violations',
  ).toEqual([]);
}
