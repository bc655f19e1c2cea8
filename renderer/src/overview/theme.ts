import type { ChartTheme } from '../../../electron/shared/overview-specs';

/** The chart colours of the theme shown now, from the design tokens (the scheme argument only keys the memo). */
export function themeOf(element: HTMLElement, scheme: 'light' | 'dark'): ChartTheme {
  const css = getComputedStyle(element);
  const token = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: token('--fg'),
    muted: token('--fg-muted'),
    grid: token('--border'),
    background: token('--bg-raised'),
    // Both start from zero (overview-specs): the lowest cell keeps a colour that stands out from the background.
    scheme: scheme === 'dark' ? 'viridis' : 'blues',
  };
}
