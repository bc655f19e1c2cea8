import type { Relation } from '../../../../electron/shared/claims';

export const RELATION_LABELS: Record<Relation, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  varies: 'varies',
  specifies: 'specifies',
  undercuts: 'undercuts',
  related: 'related to',
};

/** How each relation is drawn: colour (per theme), line style and arrow head, so it reads without colour too. */
export const RELATION_STYLE: Record<
  Relation,
  { light: string; dark: string; line: 'solid' | 'dashed' | 'dotted'; arrow: 'triangle' | 'tee' | 'vee' | 'none' }
> = {
  supports: { light: '#2e7d32', dark: '#81c784', line: 'solid', arrow: 'triangle' },
  contradicts: { light: '#c62828', dark: '#ef9a9a', line: 'solid', arrow: 'tee' },
  varies: { light: '#a15c00', dark: '#ffb74d', line: 'dashed', arrow: 'triangle' },
  specifies: { light: '#1565c0', dark: '#90caf9', line: 'solid', arrow: 'vee' },
  undercuts: { light: '#6a1b9a', dark: '#ce93d8', line: 'dotted', arrow: 'tee' },
  related: { light: '#616161', dark: '#bdbdbd', line: 'dotted', arrow: 'none' },
};

export function prefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function relationColor(relation: Relation, dark = prefersDark()): string {
  return RELATION_STYLE[relation][dark ? 'dark' : 'light'];
}
