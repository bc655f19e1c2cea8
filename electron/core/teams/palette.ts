import type { Database } from 'better-sqlite3';

/**
 * Okabe–Ito: eight colours told apart with every common colour-vision deficiency, used for coders
 * (tags keep their own palette, so a coder's colour is not mistaken for a tag's).
 */
export const CODER_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#999999'] as const;

/** The palette colour fewest coders of the library have (earliest on ties). */
export function pickCoderColour(db: Database): string {
  const used = new Map(
    (
      db.prepare('SELECT lower(colour) AS colour, count(*) AS n FROM coders GROUP BY lower(colour)').all() as Array<{
        colour: string;
        n: number;
      }>
    ).map((row) => [row.colour, row.n]),
  );
  let best: string = CODER_PALETTE[0];
  for (const colour of CODER_PALETTE) if ((used.get(colour) ?? 0) < (used.get(best) ?? 0)) best = colour;
  return best;
}
