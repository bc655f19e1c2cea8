import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { recordChange } from '../library/change-log';
import type { ImportReport } from '../../shared/types';
import type { ArticleWriter } from '../articles/writer';
import { writeTransaction } from '../library/write';
import type { ParseOutcome } from './parse-pool';
import type { PreparedArticle } from './prepare';

/** A file back from the parsers, with its place in the job's list. */
export interface Parsed {
  file: string;
  position: number;
  outcome: ParseOutcome;
}

/** What one committed batch added to the report. */
export type BatchResult = Pick<ImportReport, 'imported' | 'reprints' | 'duplicates' | 'failed'>;

function titleFor(article: PreparedArticle, file: string): string {
  return (
    article.title?.trim() ||
    basename(file)
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
  );
}

/**
 * Writes parsed articles in one write transaction (true re-imports are skipped; the same text under
 * another title, outlet, URL or date is written and grouped with its copies)
 * and marks their files done in the job's list within it. Returns what it wrote only: the caller
 * adds it to the report once the transaction has committed, so a report never counts a batch that
 * was rolled back.
 */
export function commitBatch(
  db: Database,
  writer: ArticleWriter,
  batch: readonly Parsed[],
  name: (path: string) => string,
  markDone: (positions: readonly number[]) => void,
): BatchResult {
  return writeTransaction(db, (): BatchResult => {
    const result: BatchResult = { imported: [], reprints: [], duplicates: [], failed: [] };
    for (const { file, outcome } of batch) {
      if (!outcome.ok) {
        result.failed.push({ file: name(file), error: `${basename(name(file))}: ${outcome.error}` });
        continue;
      }
      const { article } = outcome;
      const title = titleFor(article, file);
      const existing = writer.duplicateOf(article.sha256, { ...article, title });
      if (existing) {
        result.duplicates.push({ file: name(file), existingId: existing.id, existingTitle: existing.title });
        continue;
      }
      const { id: articleId, copyOf } = writer.insertGrouped({
        article,
        title,
        sourceName: basename(name(file)),
        size: outcome.size,
        bytes: outcome.bytes,
      });
      result.imported.push({ file: name(file), articleId, title });
      if (copyOf) result.reprints.push({ file: name(file), articleId, title, copyOfId: copyOf.id, copyOfTitle: copyOf.title });
    }
    markDone(batch.map((parsed) => parsed.position));
    recordChange(db, result.imported.length > 0 ? ['articles'] : []);
    return result;
  });
}
