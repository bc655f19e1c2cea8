import type { Database } from 'better-sqlite3';

import { CODER_PALETTE } from '../../shared/coders';

export { CODER_PALETTE };

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
