import type { Database } from 'better-sqlite3';

/**
 * Tableau 10: a categorical palette designed so neighbouring colours stay distinguishable, and
 * dark enough to read as highlight tints on white and on dark backgrounds.
 */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** The palette colour fewest tags use (earliest in the palette on ties), so new tags spread out. */
export function pickColor(db: Database): string {
  const used = new Map<string, number>();
  for (const row of db.prepare('SELECT lower(color) AS color, count(*) AS n FROM tags GROUP BY lower(color)').all() as Array<{
    color: string;
    n: number;
  }>) {
    used.set(row.color, row.n);
  }
  let best: string = PALETTE[0];
  for (const color of PALETTE) if ((used.get(color) ?? 0) < (used.get(best) ?? 0)) best = color;
  return best;
}
