import type { ClaimFields } from '../../../../electron/shared/claims';

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 });
const PLAIN = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

/** A figure as an analyst reads it: "more than 6.5 million · people · refugee"; null without a value. */
export function formatFigure(figure: Pick<ClaimFields, 'value' | 'unit' | 'counted' | 'qualifier'>): string | null {
  if (figure.value === null) return null;
  const value = Math.abs(figure.value) >= 1_000_000 ? COMPACT.format(figure.value) : PLAIN.format(figure.value);
  return [[figure.qualifier, value].filter(Boolean).join(' '), figure.unit, figure.counted].filter(Boolean).join(' · ');
}
