import { useState } from 'react';
import type { Article, Block, Passage, Tag } from '../../../electron/shared/types';
import { passageColor } from './colors';
import type { BlockModel } from './HighlightedBlocks';

export interface ArticleModel {
  blocks: BlockModel[];
  colors: Map<number, string>;
  tagsById: Map<number, Tag>;
  /** Anchored passages in reading order (orphans excluded: their text is gone). */
  ordered: Passage[];
  orphans: Passage[];
  /** Indexes of the blocks a passage covers (asked for the selected passage only). */
  blocksOf(passageId: number): number[];
}

const versions = new Map<string, number>();
/** A short stand-in for a long fingerprint (kept for the few codebooks a session sees). */
function codebookVersion(fingerprint: string): number {
  let version = versions.get(fingerprint);
  if (version === undefined) {
    version = versions.size + 1;
    versions.set(fingerprint, version);
  }
  return version;
}

/** Index of the last block starting at or before `offset` (blocks sorted by start). */
function blockAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What a model was built from and with, so the next change can start from it. */
export interface Built {
  article: Article;
  passages: Passage[];
  tags: Tag[];
  model: ArticleModel;
  tagsById: Map<number, Tag>;
  rank: Map<number, number>;
  codebook: number;
  covered(passage: Passage, visit: (index: number) => void): void;
}

function signatureOf(mine: Passage[], margin: Passage[], colors: Map<number, string>, codebook: number): string {
  let signature = '';
  for (const p of mine) signature += `${p.id}:${p.start}:${p.end}:${colors.get(p.id)}:${p.claimIds.length};`;
  for (const p of margin) signature += `|${p.id}:${p.tagIds.join(',')}:${p.note}`;
  return margin.length > 0 ? `${signature}|${codebook}` : signature;
}

function modelFor(blocksOf: Built['covered'], placed: Passage[]): ArticleModel['blocksOf'] {
  return (id) => {
    const passage = placed.find((p) => p.id === id);
    const indexes: number[] = [];
    if (passage) blocksOf(passage, (index) => indexes.push(index));
    return indexes;
  };
}

/**
 * The reader's model of an article: per block, the passages over it, its marginalia and a
 * signature that lets an unchanged block skip rendering (blocks segment themselves when they
 * render). `previous` keeps block models between builds for the same text.
 */
export function build(article: Article, passages: Passage[], tags: Tag[], previous: Built | null): Built {
  const tagsById = new Map<number, Tag>();
  const rank = new Map<number, number>();
  tags.forEach((t, i) => {
    tagsById.set(t.id, t);
    rank.set(t.id, i);
  });
  const placed = passages.filter((p) => p.anchor !== 'orphan');
  const orphans = passages.filter((p) => p.anchor === 'orphan');
  // Many passages share a tag set: colour each set once.
  const colorOfSet = new Map<string, string>();
  const colors = new Map<number, string>();
  for (const p of passages) {
    const key = p.tagIds.join(',');
    let color = colorOfSet.get(key);
    if (color === undefined) {
      color = passageColor(p, tagsById, rank);
      colorOfSet.set(key, color);
    }
    colors.set(p.id, color);
  }
  // Renaming a tag changes every margin that shows it: one short version of the codebook's paths.
  const codebook = codebookVersion(tags.map((t) => t.path).join('\u0000'));

  const order = article.blocks.map((_, i) => i).sort((a, b) => (article.blocks[a] as Block).start - (article.blocks[b] as Block).start);
  const starts = order.map((i) => (article.blocks[i] as Block).start);
  const covered = (passage: Passage, visit: (index: number) => void): void => {
    const first = blockAt(starts, passage.start);
    const last = blockAt(starts, Math.max(passage.start, passage.end - 1));
    for (let k = first; k <= last; k++) {
      const index = order[k] as number;
      const block = article.blocks[index] as Block;
      if (passage.end > block.start && passage.start < block.end) visit(index);
    }
  };
  const overlapping: Passage[][] = article.blocks.map(() => []);
  const margins: Passage[][] = article.blocks.map(() => []);
  for (const passage of placed) {
    let home = -1;
    covered(passage, (index) => {
      overlapping[index]?.push(passage);
      if (home < 0) home = index;
    });
    if (home >= 0) margins[home]?.push(passage);
  }

  const reuse = previous?.article.text === article.text ? previous.model.blocks : [];
  const blocks = article.blocks.map((block, index): BlockModel => {
    const mine = overlapping[index] ?? [];
    const margin = margins[index] ?? [];
    const signature = signatureOf(mine, margin, colors, codebook);
    const cached = reuse[index];
    return cached && cached.signature === signature && cached.block === block ? cached : { block, passages: mine, margin, signature };
  });
  return {
    article,
    passages,
    tags,
    tagsById,
    rank,
    codebook,
    covered,
    model: { blocks, colors, tagsById, ordered: placed, orphans, blocksOf: modelFor(covered, placed) },
  };
}

/**
 * Passages appended to an otherwise identical list (the optimistic passage a new highlight
 * shows before the library answers): only the blocks they cover are rebuilt, so the highlight
 * appears at once however many passages the article has.
 */
export function extend(built: Built, passages: Passage[]): Built {
  const added = passages.slice(built.passages.length);
  const colors = new Map(built.model.colors);
  const blocks = [...built.model.blocks];
  const ordered = [...built.model.ordered];
  const orphans = [...built.model.orphans];
  const touched = new Set<number>();
  for (const passage of added) {
    colors.set(passage.id, passageColor(passage, built.tagsById, built.rank));
    if (passage.anchor === 'orphan') {
      orphans.push(passage);
      continue;
    }
    ordered.push(passage);
    let home = -1;
    built.covered(passage, (index) => {
      const current = blocks[index] as BlockModel;
      const margin = home < 0 ? [...current.margin, passage] : current.margin;
      if (home < 0) home = index;
      blocks[index] = { ...current, passages: [...current.passages, passage], margin };
      touched.add(index);
    });
  }
  for (const index of touched) {
    const current = blocks[index] as BlockModel;
    blocks[index] = { ...current, signature: signatureOf(current.passages, current.margin, colors, built.codebook) };
  }
  return {
    ...built,
    passages,
    model: { blocks, colors, tagsById: built.tagsById, ordered, orphans, blocksOf: modelFor(built.covered, ordered) },
  };
}

function appendsTo(previous: Passage[], next: Passage[]): boolean {
  if (next.length <= previous.length) return false;
  for (let i = 0; i < previous.length; i++) if (previous[i] !== next[i]) return false;
  return true;
}

/**
 * The model for the reader, rebuilt from the previous one where that is cheaper. The last build is
 * kept as state and replaced during render when its inputs change (React re-renders at once), so
 * the inputs must keep their identity while unchanged (no fresh `[]` per render).
 */
export function useArticleModel(article: Article, passages: Passage[], tags: Tag[]): ArticleModel {
  const [built, setBuilt] = useState<Built | null>(null);
  if (built && built.article === article && built.passages === passages && built.tags === tags) return built.model;
  const next =
    built && built.article === article && built.tags === tags && appendsTo(built.passages, passages)
      ? extend(built, passages)
      : build(article, passages, tags, built);
  setBuilt(next);
  return next.model;
}
