import { describe, expect, it } from 'vitest';
import type { Article, Passage, Tag } from '../../electron/shared/types';
import { build, extend } from '../../renderer/src/reader/useArticleModel';

const text = ['First paragraph about refugees.', 'Second paragraph, a heading', 'Third paragraph with 6.5 million.'].join('\n\n');
const blocks = [
  { kind: 'paragraph' as const, start: 0, end: 31 },
  { kind: 'heading' as const, start: 33, end: 60 },
  { kind: 'paragraph' as const, start: 62, end: text.length },
];
const article = { id: 1, text, blocks } as Article;
const tags = [
  { id: 1, path: 'Syria', color: '#111111' },
  { id: 2, path: 'Syria / Refugees', color: '#222222' },
] as Tag[];
const passage = (id: number, start: number, end: number, tagIds: number[], note = ''): Passage =>
  ({ id, start, end, tagIds, claimIds: [] as number[], note, anchor: 'exact', exact: text.slice(start, end) }) as Passage;

/** Everything a render depends on, without the functions. */
function shape(built: ReturnType<typeof build>) {
  return {
    blocks: built.model.blocks.map((b) => ({
      passages: b.passages.map((p) => p.id),
      margin: b.margin.map((p) => p.id),
      signature: b.signature,
    })),
    colors: [...built.model.colors.entries()].sort(),
    ordered: built.model.ordered.map((p) => p.id).sort(),
  };
}

describe('reader model', () => {
  const base = [passage(1, 6, 15, [2]), passage(2, 20, 70, [1, 2], 'spans blocks'), passage(3, 64, 80, [])];

  it('groups passages by the blocks they cover, with marginalia in the block where each begins', () => {
    const { model } = build(article, base, tags, null);
    expect(model.blocks.map((b) => b.passages.map((p) => p.id))).toEqual([[1, 2], [2], [2, 3]]);
    expect(model.blocks.map((b) => b.margin.map((p) => p.id))).toEqual([[1, 2], [], [3]]);
    expect(model.blocksOf(2)).toEqual([0, 1, 2]);
    // Colour of the first tag in codebook order; grey when untagged.
    expect(model.colors.get(2)).toBe('#111111');
    expect(model.colors.get(1)).toBe('#222222');
    expect(model.colors.get(3)).toBe('#8a8f98');
  });

  it('extending by an appended passage equals building from scratch, and touches only its blocks', () => {
    const first = build(article, base, tags, null);
    const added = [...base, passage(4, 40, 50, [1], 'new')];
    const extended = extend(first, added);
    expect(shape(extended)).toEqual(shape(build(article, added, tags, null)));
    expect(extended.model.blocks[0]).toBe(first.model.blocks[0]);
    expect(extended.model.blocks[2]).toBe(first.model.blocks[2]);
    expect(extended.model.blocks[1]).not.toBe(first.model.blocks[1]);
  });

  it('reuses unchanged blocks when rebuilding after an edit elsewhere', () => {
    const first = build(article, base, tags, null);
    const edited = base.map((p) => (p.id === 3 ? { ...p, note: 'changed' } : p));
    const next = build(article, edited, tags, first);
    expect(next.model.blocks[0]).toBe(first.model.blocks[0]);
    expect(next.model.blocks[2]).not.toBe(first.model.blocks[2]);
  });
});
