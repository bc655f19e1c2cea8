import type { Passage, Tag } from '../../../electron/shared/types';

export const UNTAGGED_COLOR = '#8a8f98';

/**
 * A passage shows in the colour of its first tag in codebook order, grey while untagged.
 * `rank` maps tag id to its place in the codebook (tags.list returns tree order).
 */
export function passageColor(passage: Passage, tags: Map<number, Tag>, rank: Map<number, number>): string {
  let best: Tag | undefined;
  let bestRank = Infinity;
  for (const id of passage.tagIds) {
    const tag = tags.get(id);
    const r = rank.get(id) ?? Infinity;
    if (tag && r < bestRank) {
      best = tag;
      bestRank = r;
    }
  }
  return best?.color ?? UNTAGGED_COLOR;
}
