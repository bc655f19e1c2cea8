import type { Database } from 'better-sqlite3';

import { CODER_PALETTE, leastUsedCoderColour } from '../../shared/coders';

export { CODER_PALETTE };

/** The palette colour fewest coders of the library have (earliest on ties). */
export function pickCoderColour(db: Database): string {
  return leastUsedCoderColour(db.prepare('SELECT colour FROM coders').pluck().all() as string[]);
}
