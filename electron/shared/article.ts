/** The article model's plain shapes, used by core and the UI alike. Offsets are UTF-16 code units into the article's text. */

export type BlockKind = 'lead' | 'heading' | 'paragraph' | 'quote' | 'list-item';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level (1 = top) or list nesting depth; absent for other kinds. */
  level?: number;
}

/** Metadata an importer may find; every field is optional because files rarely carry all of it. */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  byline: string | null;
  /** ISO 8601, partial allowed: "2020-11-09", "2020-11", "--11-09" (month and day, no year). */
  published: string | null;
  /** Dateline place, e.g. "NOVO-OGARYOVO". */
  place: string | null;
  /** BCP 47 language tag, e.g. "en", "ru". */
  language: string | null;
  url: string | null;
}

/** The identity and metadata columns of an `articles` row (a stored article always has a title). */
export interface ArticleMetaRow extends Omit<ArticleMeta, 'title'> {
  id: number;
  uid: string;
  title: string;
}
