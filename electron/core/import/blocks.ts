import type { Block, BlockKind } from '../../shared/article';

/**
 * Accumulates blocks into one text: blocks are separated by "\n\n" and never contain a blank line
 * themselves, so the separator stays unambiguous. Offsets are UTF-16 code units.
 */
export class BlockBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];

  /** Adds a block of tidied text (see tidyInline); blank content is ignored. */
  add(kind: BlockKind, content: string, level?: number): boolean {
    const clean = content.includes('\n\n') ? content.replace(/\n{2,}/g, '\n') : content;
    if (clean === '') return false;
    if (this.parts.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    const block: Block = { kind, start: this.length, end: this.length + clean.length };
    if (level !== undefined) block.level = level;
    this.blocks.push(block);
    this.parts.push(clean);
    this.length += clean.length;
    return true;
  }

  get text(): string {
    return this.parts.join('');
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }
}
