import type { Database } from 'better-sqlite3';
import type { Writable } from 'node:stream';
import type { Claim, ClaimAppearance } from '../../shared/claims';
import { claimsInOrder, linksInOrder } from '../claims/exchange';
import { type CsvOptions, csvStringifier, writeCsv } from './csv';
import { type CsvLayout, LIST_SEPARATOR } from './csv-passages';

export const CLAIM_COLUMNS = [
  'claim_id',
  'statement',
  'kind',
  'speaker',
  'value',
  'unit',
  'note',
  'passage_ids',
  'article_ids',
  'stances',
  'created_at',
  'updated_at',
] as const;

/** The long layout: one row per appearance (a claim without any gets one row with those cells empty). */
export const CLAIM_APPEARANCE_COLUMNS = [
  'claim_id',
  'statement',
  'kind',
  'speaker',
  'value',
  'unit',
  'note',
  'appearance_id',
  'passage_id',
  'article_id',
  'article_title',
  'outlet',
  'published',
  'start',
  'end',
  'quote',
  'stance',
  'appearance_speaker',
  'created_at',
  'updated_at',
] as const;

export const LINK_COLUMNS = [
  'link_id',
  'from_claim_id',
  'from_statement',
  'relation',
  'to_claim_id',
  'to_statement',
  'status',
  'score',
  'method',
  'note',
  'created_at',
  'updated_at',
] as const;

export interface ClaimsCsvOptions extends CsvOptions {
  /** wide (default): one row per claim, its appearances listed; long: one row per appearance. */
  layout?: CsvLayout;
}

const claimCells = (claim: Claim) => ({
  claim_id: claim.id,
  statement: claim.statement,
  kind: claim.kind,
  speaker: claim.speaker,
  value: claim.value,
  unit: claim.unit,
  note: claim.note,
  created_at: claim.createdAt,
  updated_at: claim.updatedAt,
});

const appearanceCells = (a: ClaimAppearance) => ({
  appearance_id: a.id,
  passage_id: a.passageId,
  article_id: a.articleId,
  article_title: a.articleTitle,
  outlet: a.outlet,
  published: a.published,
  start: a.start,
  end: a.end,
  quote: a.quote,
  stance: a.stance,
  appearance_speaker: a.speaker,
});

function* wide(db: Database): Generator<Record<string, unknown>> {
  for (const claim of claimsInOrder(db)) {
    const appearances = [...claim.appearances].sort((a, b) => a.passageId - b.passageId);
    yield {
      ...claimCells(claim),
      passage_ids: appearances.map((a) => a.passageId).join(LIST_SEPARATOR),
      article_ids: appearances.map((a) => a.articleId).join(LIST_SEPARATOR),
      stances: appearances.map((a) => a.stance).join(LIST_SEPARATOR),
    };
  }
}

function* long(db: Database): Generator<Record<string, unknown>> {
  for (const claim of claimsInOrder(db)) {
    if (claim.appearances.length === 0) yield claimCells(claim);
    // In the order the claim travelled: first published first.
    for (const appearance of claim.appearances) yield { ...claimCells(claim), ...appearanceCells(appearance) };
  }
}

/** Claims through the claims core, wide (one row each) or long (one row per appearance); returns the rows written. */
export async function exportClaimsCsv(db: Database, out: Writable, options: ClaimsCsvOptions = {}): Promise<number> {
  const layout = options.layout ?? 'wide';
  const columns = layout === 'long' ? CLAIM_APPEARANCE_COLUMNS : CLAIM_COLUMNS;
  return writeCsv(layout === 'long' ? long(db) : wide(db), csvStringifier(columns, options), out);
}

/** Links between claims (every status), with both statements so the file reads on its own. */
export async function exportLinksCsv(db: Database, out: Writable, options: CsvOptions = {}): Promise<number> {
  function* rows(): Generator<Record<string, unknown>> {
    for (const l of linksInOrder(db)) {
      yield {
        link_id: l.id,
        from_claim_id: l.fromClaimId,
        from_statement: l.fromStatement,
        relation: l.relation,
        to_claim_id: l.toClaimId,
        to_statement: l.toStatement,
        status: l.status,
        score: l.score,
        method: l.method,
        note: l.note,
        created_at: l.createdAt,
        updated_at: l.updatedAt,
      };
    }
  }
  return writeCsv(rows(), csvStringifier(LINK_COLUMNS, options), out);
}
