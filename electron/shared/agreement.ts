/** Intercoder agreement (Teams): the shapes `agreement.compute` and `marginalia agreement` return. */

export const AGREEMENT_UNITS = ['character', 'sentence', 'paragraph'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

/** One line of the statistics table: a tag, or every tag pooled (`tag` null). */
export interface AgreementRow {
  /** The tag's path ("Syria / Refugees"); null on the overall row. */
  tag: string | null;
  tagId: number | null;
  /** The coders compared, by name, in the order asked. */
  coders: string[];
  unit: AgreementUnit;
  /** Share of units on which every coder made the same choice (coded with the tag or not), 0–100. */
  percent: number | null;
  /** Cohen's kappa; null unless exactly two coders, or when chance agreement is total. */
  kappa: number | null;
  /** Krippendorff's alpha (nominal); null when no unit varies (the statistic is undefined). */
  alpha: number | null;
  /** Units compared: characters, sentences or paragraphs (per tag; the overall row sums them). */
  units: number;
}

export interface AgreementReport {
  coders: Array<{ id: number; name: string }>;
  unit: AgreementUnit;
  /** The articles every listed coder has coded, which the units come from. */
  articleIds: number[];
  /** Their titles, in the same order. */
  articles: Array<{ id: number; title: string }>;
  rows: AgreementRow[];
}

export interface AgreementCoder {
  id: number;
  name: string;
  colour: string;
}

/** What the comparison view offers to pick: coders who tagged anything, and the tags they applied. */
export interface AgreementChoices {
  coders: AgreementCoder[];
  tags: Array<{ id: number; path: string }>;
}

/** A stretch of an article where the coders did not all make the same choice for a tag. */
export interface AgreementDifference {
  start: number;
  end: number;
  tagId: number;
  tag: string;
  /** Coders who coded the stretch with the tag, and those who did not. */
  coded: string[];
  notCoded: string[];
}

/** One article side by side: each coder's coding (spans per tag) and where they differ. */
export interface AgreementArticle {
  id: number;
  title: string;
  text: string;
  coders: Array<{ name: string; colour: string; spans: Array<{ start: number; end: number; tagId: number }> }>;
  differences: AgreementDifference[];
}
