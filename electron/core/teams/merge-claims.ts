import type { Database } from 'better-sqlite3';
import type { ClaimFields, Relation } from '../../shared/claims';
import type { MergeReport } from '../../shared/merge';
import type { Clock } from '../clock';
import { insertClaim } from '../claims/edits';
import { importLink } from '../claims/exchange';
import { coderOf } from './merge-coders';
import type { ArticleMerge } from './merge-articles';

type ClaimRow = ClaimFields & { id: number; uid: string; created_at: string; updated_at: string; coder_id: number | null };

interface LinkRow {
  from_claim_id: number;
  to_claim_id: number;
  relation: Relation;
  status: string;
  score: number | null;
  method: string | null;
  note: string;
  coder_id: number | null;
}

/**
 * Their claims (ours when the uid is), appearances (once per claim and passage) and links (once
 * per pair and relation, either way for symmetric relations, as the app's own links), each with
 * its coder; their rejected suggestions stay rejected here.
 */
export function mergeClaims(
  ours: Database,
  theirs: Database,
  clock: Clock,
  merged: ArticleMerge,
  coders: Map<number, number>,
  report: MergeReport,
): void {
  const byUid = ours.prepare('SELECT id FROM claims WHERE uid = ?').pluck();
  const setCoder = (table: string) => ours.prepare(`UPDATE ${table} SET coder_id = ? WHERE id = ?`);
  const claimCoder = setCoder('claims');
  const claims = new Map<number, number>();
  for (const c of theirs.prepare('SELECT * FROM claims ORDER BY id').iterate() as Iterable<ClaimRow>) {
    const found = byUid.get(c.uid) as number | undefined;
    if (found !== undefined) {
      report.claims.matched++;
      claims.set(c.id, found);
      continue;
    }
    const fields = {
      statement: c.statement,
      kind: c.kind,
      speaker: c.speaker,
      value: c.value,
      unit: c.unit,
      counted: c.counted,
      qualifier: c.qualifier,
      note: c.note,
    };
    const id = insertClaim(ours, clock, fields, { uid: c.uid, createdAt: c.created_at, updatedAt: c.updated_at });
    claimCoder.run(coderOf(coders, c.coder_id), id);
    claims.set(c.id, id);
    report.claims.added++;
  }

  const appear = ours.prepare(
    'INSERT OR IGNORE INTO claim_appearances (claim_id, passage_id, stance, speaker, created_at, coder_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const a of theirs.prepare('SELECT * FROM claim_appearances ORDER BY id').iterate() as Iterable<{
    claim_id: number;
    passage_id: number;
    stance: string;
    speaker: string | null;
    created_at: string;
    coder_id: number | null;
  }>) {
    const passage = merged.passages.get(a.passage_id);
    if (passage === undefined) continue;
    const added = appear.run(claims.get(a.claim_id), passage, a.stance, a.speaker, a.created_at, coderOf(coders, a.coder_id)).changes > 0;
    report.appearances[added ? 'added' : 'already']++;
  }

  const linkCoder = setCoder('claim_links');
  const lastId = ours.prepare('SELECT last_insert_rowid()').pluck();
  for (const l of theirs.prepare('SELECT * FROM claim_links ORDER BY id').iterate() as Iterable<LinkRow>) {
    const link = {
      from: claims.get(l.from_claim_id) as number,
      to: claims.get(l.to_claim_id) as number,
      relation: l.relation,
      status: l.status,
      score: l.score,
      method: l.method,
      note: l.note,
    };
    if (importLink(ours, clock, link)) {
      linkCoder.run(coderOf(coders, l.coder_id), lastId.get());
      report.links.added++;
    } else report.links.already++;
  }

  const reject = ours.prepare(
    'INSERT OR IGNORE INTO claim_rejections (claim_id, article_id, start, "end", created_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const r of theirs.prepare('SELECT * FROM claim_rejections').iterate() as Iterable<{
    claim_id: number;
    article_id: number;
    start: number;
    end: number;
    created_at: string;
  }>) {
    // A rejected place is kept only where the words sit at the same offsets.
    if (!merged.sameText.has(r.article_id)) continue;
    reject.run(claims.get(r.claim_id), merged.articles.get(r.article_id), r.start, r.end, r.created_at);
  }
}
