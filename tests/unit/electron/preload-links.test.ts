import { describe, expect, it } from 'vitest';
import { type Click, type LinkElement, clickedWebLink } from '../../../electron/preload/links';

/** A link as the page's DOM would give it: where it points, whether and how large it is shown. */
function link(href: string, shown = { visible: true, width: 120, height: 18 }): LinkElement {
  return {
    href,
    checkVisibility: () => shown.visible,
    getBoundingClientRect: () => ({ width: shown.width, height: shown.height }),
  };
}

function click(target: LinkElement | null, overrides: Partial<Click> = {}): Click {
  return { isTrusted: true, button: 0, target: { closest: (selector) => (selector === 'a[href]' ? target : null) }, ...overrides };
}

describe('the preload asks main to open a link only for a person’s click on a link they can see', () => {
  it('a person’s click on a shown https link asks for that link', () => {
    expect(clickedWebLink(click(link('https://tass.com/politics/1')))).toBe('https://tass.com/politics/1');
  });

  it('a click a script made (a.click(), dispatchEvent) asks for nothing', () => {
    expect(clickedWebLink(click(link('https://example.org/'), { isTrusted: false }))).toBeNull();
  });

  it('a hidden link, or one of no size, asks for nothing', () => {
    expect(clickedWebLink(click(link('https://example.org/', { visible: false, width: 120, height: 18 })))).toBeNull();
    expect(clickedWebLink(click(link('https://example.org/', { visible: true, width: 0, height: 0 })))).toBeNull();
  });

  it('other buttons, clicks beside links and links that are not http(s) ask for nothing', () => {
    expect(clickedWebLink(click(link('https://example.org/'), { button: 1 }))).toBeNull();
    expect(clickedWebLink(click(null))).toBeNull();
    expect(clickedWebLink(click(link('file:///etc/passwd')))).toBeNull();
    expect(clickedWebLink(click(link('javascript:alert(1)')))).toBeNull();
    expect(clickedWebLink({ isTrusted: true, button: 0, target: null })).toBeNull();
  });
});
