import type { Passage, Tag } from '../../../electron/shared/types';

export const UNTAGGED_COLOR = '#8a8f98';

/** A passage shows in the colour of its first tag (codebook order), grey while untagged. */
export function passageColor(passage: Passage, tags: Map<number, Tag>): string {
  let best: Tag | undefined;
  for (const id of passage.tagIds) {
    const tag = tags.get(id);
    if (tag && (!best || tag.path < best.path)) best = tag;
  }
  return best?.color ?? UNTAGGED_COLOR;
}
