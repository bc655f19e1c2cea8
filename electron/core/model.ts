import type { ArticleMeta, Block } from '../shared/article';

/** What a format parser returns: the article model without library bookkeeping. */
export interface ParsedArticle extends ArticleMeta {
  /** Normalised plain text: NFC, "\n" line ends, blocks separated by "\n\n". Excludes the title. */
  text: string;
  blocks: Block[];
  /** Format id: txt, md, html, docx, odt, pdf. */
  format: string;
  /** Detected or declared character encoding of the source bytes (null for binary formats). */
  encoding: string | null;
}
