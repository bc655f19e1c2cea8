/** The parts of a DOM link the check reads (a real HTMLAnchorElement in the app). */
export interface LinkElement {
  href: string;
  checkVisibility(options?: CheckVisibilityOptions): boolean;
  getBoundingClientRect(): { width: number; height: number };
}

export interface Click {
  isTrusted: boolean;
  button: number;
  target: { closest?: (selector: string) => LinkElement | null } | null;
}

/**
 * The web link a person's click (or Enter on a focused link) landed on, or null. `isTrusted` is
 * false for clicks a script made (`a.click()`, dispatchEvent); a link hidden, transparent or of no
 * size is not one the user could see, so it opens nothing. Only http(s) ever goes to the browser.
 */
export function clickedWebLink(click: Click): string | null {
  if (!click.isTrusted || click.button !== 0) return null;
  const link = click.target?.closest?.('a[href]') ?? null;
  if (!link) return null;
  const { width, height } = link.getBoundingClientRect();
  if (width === 0 || height === 0) return null;
  if (!link.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return null;
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}
