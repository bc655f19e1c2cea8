import { type Attribution, attributionsIn } from './attribution';
import type { Quote } from './quotes';
import { tokenize } from './tokens';

/**
 * A reporting clause set inside a quotation between dashes, as Russian writes it:
 * «Элеваторы подготовлены заранее, — сказал губернатор. — Мощностей хватит». Returns the clause
 * and the gap it leaves (offsets), so the quotation's words are the parts on either side.
 */
export interface InnerAttribution {
  attribution: Attribution;
  gapStart: number;
  gapEnd: number;
}

const DASH = /^[—–]$/u;

export function innerAttribution(text: string, quote: Quote): InnerAttribution | null {
  const tokens = tokenize(text, quote.contentStart, quote.contentEnd, []);
  for (const a of attributionsIn(tokens)) {
    const opening = tokens[a.from - 1];
    const closing = tokens[a.to + 2];
    // "…, — сказал X. — …": a dash before the clause, and a comma or full stop and a dash after it.
    if (!a.mention || !opening || !DASH.test(opening.text) || !/^[.,]$/u.test(tokens[a.to + 1]?.text ?? '')) continue;
    if (!closing || !DASH.test(closing.text)) continue;
    return { attribution: a, gapStart: opening.start, gapEnd: closing.end };
  }
  return null;
}
