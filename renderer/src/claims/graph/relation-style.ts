import type { Relation } from '../../../../electron/shared/claims';

export const RELATION_LABELS: Record<Relation, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  varies: 'varies',
  specifies: 'specifies',
  undercuts: 'undercuts',
  related: 'related to',
};

/** How each relation is drawn besides its colour (a token per theme), so it reads without colour too. */
export const RELATION_STYLE: Record<Relation, { line: 'solid' | 'dashed' | 'dotted'; arrow: 'triangle' | 'tee' | 'vee' | 'none' }> = {
  supports: { line: 'solid', arrow: 'triangle' },
  contradicts: { line: 'solid', arrow: 'tee' },
  varies: { line: 'dashed', arrow: 'triangle' },
  specifies: { line: 'solid', arrow: 'vee' },
  undercuts: { line: 'dotted', arrow: 'tee' },
  related: { line: 'dotted', arrow: 'none' },
};

/** The relation's colour token, for CSS: it follows the theme by itself. */
export function relationColor(relation: Relation): string {
  return `var(--relation-${relation})`;
}
