/** Claims as the contract carries them. Offsets are UTF-16 code units into Article.text. */

export const CLAIM_KINDS = ['statistic', 'quote', 'event', 'other'] as const;
export const STANCES = ['asserts', 'attributes', 'questions', 'refutes'] as const;
export const RELATIONS = ['supports', 'contradicts', 'varies', 'specifies', 'undercuts', 'related'] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type Stance = (typeof STANCES)[number];
export type Relation = (typeof RELATIONS)[number];

/** A candidate claim found in an article's text (speech, reported speech, a figure). */
export interface ClaimCandidate {
  text: string;
  start: number;
  end: number;
  kind: ClaimKind;
  speaker: string | null;
  verb: string | null;
  quoted: boolean;
}

export interface ClaimAppearance {
  id: number;
  claimId: number;
  passageId: number;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  published: string | null;
  start: number;
  end: number;
  quote: string;
  stance: Stance;
  speaker: string | null;
  createdAt: string;
}

export interface ClaimLink {
  id: number;
  fromClaimId: number;
  fromStatement: string;
  toClaimId: number;
  toStatement: string;
  relation: Relation;
  status: 'suggested' | 'confirmed' | 'rejected';
  score: number | null;
  method: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimFields {
  statement: string;
  kind: ClaimKind;
  speaker: string | null;
  /** The figure's normalised value (6.5 million → 6500000), its unit, what it counts and its qualifier. */
  value: number | null;
  unit: string | null;
  counted: string | null;
  qualifier: string | null;
  note: string;
}

/** What a new claim starts with, read from the selected text and the attribution around it. */
export interface ClaimPrefill extends Omit<ClaimFields, 'note'> {
  /** The stance of its first appearance: `attributes` when a speaker was found. */
  stance: Stance;
}

export interface Claim extends ClaimFields {
  id: number;
  uid: string;
  createdAt: string;
  updatedAt: string;
  appearances: ClaimAppearance[];
  /** Links from and to this claim, rejected ones left out. */
  links: ClaimLink[];
}

export interface ClaimSummary {
  id: number;
  statement: string;
  kind: ClaimKind;
  speaker: string | null;
  value: number | null;
  unit: string | null;
  appearances: number;
  outlets: number;
  firstSeen: string | null;
  lastSeen: string | null;
  links: number;
}

export const CLAIM_SORT_COLUMNS = [
  'statement',
  'kind',
  'speaker',
  'appearances',
  'outlets',
  'firstSeen',
  'lastSeen',
  'links',
  'created',
] as const;
export type ClaimSortColumn = (typeof CLAIM_SORT_COLUMNS)[number];

/** What the Claims view asks for: filters (all optional, combined), a sort and a window. */
export interface ClaimListQuery {
  text?: string | undefined;
  kind?: ClaimKind | undefined;
  speaker?: string | undefined;
  /** Outlet, dates (partial ISO bounds, inclusive) and tag (with its children) hold for one appearance. */
  outlet?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  tagId?: number | undefined;
  /** Claims made by these coders ("Only mine", "Only X"). */
  coderIds?: number[] | undefined;
  sort?: { column: ClaimSortColumn; direction: 'asc' | 'desc' } | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** The values the Claims view's filters offer, with how many claims have each. */
export interface ClaimFacets {
  speakers: Array<{ name: string; claims: number }>;
  outlets: Array<{ name: string; claims: number }>;
}

export interface ClaimPage {
  items: ClaimSummary[];
  total: number;
}

/** How a suggested sentence relates to the claim: it states it, or a varied version of it. */
export type SuggestedRelation = 'same' | Relation;

/** A suggestion for a claim: a sentence in another article, or another claim, with why. */
export interface RelatedItem {
  type: 'appearance' | 'claim';
  articleId: number | null;
  start: number | null;
  end: number | null;
  text: string;
  claimId: number | null;
  relation: SuggestedRelation;
  /** Strong suggestions first; weak ones are shown folded. */
  tier: 'strong' | 'weak';
  score: number;
  reasons: string[];
}

/** A suggestion as the claim's page shows it: with the article a suggested sentence is in. */
export interface RelatedSuggestion extends RelatedItem {
  articleTitle: string | null;
  outlet: string | null;
  published: string | null;
}

/** An appearance in its sentence: the text before and after its quote, and the figure it states. */
export interface ClaimContext {
  appearanceId: number;
  before: string;
  after: string;
  figure: { text: string; value: number; unit: string | null; qualifier: string | null } | null;
}

export interface ClaimGraphNode {
  id: number;
  statement: string;
  kind: ClaimKind;
  speaker: string | null;
  appearances: number;
  firstSeen: string | null;
}

export interface ClaimGraphEdge {
  id: number;
  from: number;
  to: number;
  relation: Relation;
  note: string;
}

/** Claims and their confirmed links; `total` counts the claims that matched before the limit. */
export interface ClaimGraph {
  nodes: ClaimGraphNode[];
  edges: ClaimGraphEdge[];
  total: number;
}
