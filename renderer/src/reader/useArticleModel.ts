import { useMemo } from 'react';
import type { Article, Passage, Tag } from '../../../electron/shared/types';
import { passageColor } from './colors';
import type { BlockModel } from './HighlightedBlocks';
import { segmentBlocks } from './segments';

export interface ArticleModel {
  blocks: BlockModel[];
  colors: Map<number, string>;
  tagsById: Map<number, Tag>;
  /** Anchored passages in reading order (orphans excluded: their text is gone). */
  ordered: Passage[];
  orphans: Passage[];
  /** Block index per passage id, so selection changes re-render only the blocks involved. */
  blockOf: Map<number, number[]>;
}

/** Segments the article once per change of its text, passages or codebook. */
export function useArticleModel(article: Article, passages: Passage[], tags: Tag[]): ArticleModel {
  return useMemo(() => {
    const tagsById = new Map(tags.map((t) => [t.id, t]));
    const placed = passages.filter((p) => p.anchor !== 'orphan');
    const orphans = passages.filter((p) => p.anchor === 'orphan');
    const colors = new Map(passages.map((p) => [p.id, passageColor(p, tagsById)]));
    const { blocks: segmented, starts } = segmentBlocks(article.text, article.blocks, placed);
    const margins: Passage[][] = article.blocks.map(() => []);
    for (const passage of placed) {
      const start = starts.get(passage.id);
      if (start) margins[start.block]?.push(passage);
    }
    const blockOf = new Map<number, number[]>();
    const blocks = article.blocks.map((block, index) => {
      const segments = segmented[index] ?? [];
      const margin = margins[index] ?? [];
      const involved = new Set<number>();
      for (const s of segments) for (const id of s.passageIds) involved.add(id);
      for (const p of margin) involved.add(p.id);
      for (const id of involved) {
        const list = blockOf.get(id) ?? [];
        list.push(index);
        blockOf.set(id, list);
      }
      let signature = '';
      for (const s of segments) signature += `${s.start}:${s.passageIds.join(',')};`;
      for (const id of involved) signature += `|${id}${colors.get(id)}`;
      for (const p of margin) signature += `|m${p.id}:${p.tagIds.map((t) => tagsById.get(t)?.path).join(',')}:${p.note}`;
      return { block, segments, margin, signature };
    });
    const ordered = [...placed].sort((a, b) => a.start - b.start || b.end - a.end);
    return { blocks, colors, tagsById, ordered, orphans, blockOf };
  }, [article, passages, tags]);
}
