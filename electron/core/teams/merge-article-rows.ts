import type { Database } from 'better-sqlite3';
import type { MergeReport } from '../../shared/merge';
import { minHashOf } from '../articles/minhash';
import { reprintGrouper } from '../articles/reprints';
import { articleIndexer } from '../articles/writer';
import { isoNow, type Clock } from '../clock';

/** An article row of the other library (all its columns). */
export interface ArticleRow {
  id: number;
  uid: string;
  sha256: string;
  text: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  url: string | null;
  published: string | null;
  numbers: string;
  stems: string;
  [column: string]: unknown;
}

/** Columns copied from their article row (its id and reprint group are its own). */
const COLUMNS = [
  'uid',
  'title',
  'title_key',
  'outlet',
  'byline',
  'published',
  'place',
  'language',
  'url',
  'text',
  'blocks',
  'sha256',
  'numbers',
  'stems',
  'source_name',
  'format',
  'encoding',
  'imported_at',
  'updated_at',
  'minhash',
] as const;

type Identity = Pick<ArticleRow, 'title' | 'outlet' | 'url' | 'published'>;
const sameIdentity = (a: Identity, b: Identity): boolean =>
  a.title === b.title && a.outlet === b.outlet && a.url === b.url && a.published === b.published;

/**
 * Which of our articles each of theirs is: the one with its uid; else one with its text (the one
 * with its title, outlet, URL and date first), each of ours taken by one of theirs at most, so
 * their reprints (one text under several headlines) stay apart. Reads metadata only.
 */
function assign(ours: Database, theirs: Database): Map<number, number> {
  type Row = Identity & { id: number; uid: string; sha256: string };
  const rows = theirs.prepare('SELECT id, uid, sha256, title, outlet, url, published FROM articles ORDER BY id').all() as Row[];
  const byUid = ours.prepare('SELECT id FROM articles WHERE uid = ?').pluck();
  const byHash = ours.prepare('SELECT id, title, outlet, url, published FROM articles WHERE sha256 = ? ORDER BY id');
  const assigned = new Map<number, number>();
  const taken = new Set<number>();
  const take = (their: number, our: number) => {
    assigned.set(their, our);
    taken.add(our);
  };
  for (const row of rows) {
    const id = byUid.get(row.uid) as number | undefined;
    if (id !== undefined) take(row.id, id);
  }
  for (const exact of [true, false]) {
    for (const row of rows) {
      if (assigned.has(row.id)) continue;
      const copies = (byHash.all(row.sha256) as Array<Identity & { id: number }>).filter((c) => !taken.has(c.id));
      const copy = copies.find((c) => !exact || sameIdentity(c, row));
      if (copy) take(row.id, copy.id);
    }
  }
  return assigned;
}

/**
 * Our article for each of theirs (see assign), or a copy of theirs (its uid, metadata, original
 * bytes) indexed for search and grouped with its reprints here.
 */
export function articlePlacer(ours: Database, theirs: Database, clock: Clock, report: MergeReport) {
  const now = isoNow(clock);
  const assigned = assign(ours, theirs);
  const existing = ours.prepare('SELECT id, text, uid FROM articles WHERE id = ?');
  const insert = ours.prepare(
    `INSERT INTO articles (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const source = theirs.prepare('SELECT file_name, size, bytes FROM article_sources WHERE article_id = ?');
  const insertSource = ours.prepare('INSERT INTO article_sources (article_id, file_name, size, bytes) VALUES (?, ?, ?, ?)');
  const index = articleIndexer(ours);
  const reprints = reprintGrouper(ours);

  return (article: ArticleRow): { id: number; text: string } => {
    const ourId = assigned.get(article.id);
    if (ourId !== undefined) {
      const found = existing.get(ourId) as { id: number; text: string; uid: string };
      report.articles[found.uid === article.uid ? 'matchedByUid' : 'matchedByText']++;
      if (found.text !== article.text) report.articles.reanchored++;
      return { id: found.id, text: found.text };
    }
    const row: Record<string, unknown> = { ...article, imported_at: now };
    const id = Number(insert.run(...COLUMNS.map((c) => row[c])).lastInsertRowid);
    const file = source.get(article.id) as { file_name: string; size: number; bytes: Buffer } | undefined;
    if (file) insertSource.run(id, file.file_name, file.size, file.bytes);
    const { title, outlet, byline, text, numbers, stems } = article;
    index({ id, title, outlet, byline, text, numbers, stems });
    reprints.group(id, text, article.sha256, minHashOf(text));
    report.articles.added++;
    return { id, text };
  };
}
