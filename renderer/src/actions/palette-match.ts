/** A command the palette can offer. */
export interface PaletteEntry {
  id: string;
  label: string;
  enabled: boolean;
}

/**
 * The entries matching what was typed, best first: every typed word must start a word of the
 * label; labels that start with the text come first, then the rest in declaration order;
 * commands unavailable here come after those that are.
 */
export function matchCommands<E extends PaletteEntry>(entries: readonly E[], typed: string): E[] {
  const query = typed.trim().toLocaleLowerCase();
  const words = query.split(/\s+/).filter(Boolean);
  const scored: Array<{ entry: E; score: number; order: number }> = [];
  entries.forEach((entry, order) => {
    const label = entry.label.toLocaleLowerCase();
    const labelWords = label.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.every((w) => labelWords.some((lw) => lw.startsWith(w)))) return;
    const score = (entry.enabled ? 0 : 2) + (query && label.startsWith(query) ? 0 : 1);
    scored.push({ entry, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.entry);
}
