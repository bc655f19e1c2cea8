import type { Database } from 'better-sqlite3';
import type { BulkMetaPatch, BulkMetaResult, BulkTarget } from '../../shared/contract-articles';
import type { FieldValuesInput } from '../../shared/contract-fields';
import { checkedValues, listFields, writeValues } from './fields';
import type { Edit } from '../edits';
import { isoNow, type Clock } from '../clock';
import { MarginaliaError, notFound } from '../errors';
import { listOfWords, plural } from '../../shared/counts';
import { matchingArticleIds } from './list';
import { among, recordEdit } from './row-changes';

const COLUMNS = ['outlet', 'published', 'language', 'place'] as const;
const NAMES: Record<(typeof COLUMNS)[number], string> = { outlet: 'outlet', published: 'date', language: 'language', place: 'place' };

/** The articles a bulk edit is about: the ids given, or every article the list's query and filter match (less the ones left out). */
export function targetIds(db: Database, target: BulkTarget): number[] {
  if ('ids' in target) {
    const ids = [...new Set(target.ids)];
    const present = new Set(
      db.prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)),
    );
    const missing = ids.find((id) => !present.has(id));
    if (missing !== undefined) throw notFound('Article', missing);
    return ids;
  }
  const except = new Set(target.exceptIds ?? []);
  return matchingArticleIds(db, target.matching).filter((id) => !except.has(id));
}

/**
 * Sets outlet, date, language or place on many articles at once (a value clears the field when
 * null or empty), as one edit: undo gives every article back its own previous values.
 */
export function setArticlesMeta(
  db: Database,
  clock: Clock,
  target: BulkTarget,
  patch: BulkMetaPatch,
  fieldInput: FieldValuesInput = {},
): Edit<BulkMetaResult> {
  const keys = COLUMNS.filter((key) => patch[key] !== undefined);
  const custom = checkedValues(db, fieldInput);
  if (keys.length === 0 && custom.length === 0)
    throw new MarginaliaError('invalid-arguments', 'Nothing to set: give an outlet, a date, a language or a place.');
  const ids = targetIds(db, target);
  if (ids.length === 0) throw new MarginaliaError('invalid-arguments', 'No article to change: the selection is empty.');
  const values = keys.map((key) => patch[key]?.trim() || null);
  const names = new Map(listFields(db).map((f) => [f.id, f.name]));
  const fields = [...keys.map((key) => NAMES[key]), ...custom.map(([id]) => names.get(id) ?? String(id))];
  return recordEdit(
    db,
    () => [{ ...among('articles', 'id', ids), columns: [...COLUMNS, 'updated_at'] }, among('article_field_values', 'article_id', ids)],
    () => {
      const update = db.prepare(`UPDATE articles SET ${[...keys.map((k) => `${k} = ?`), 'updated_at = ?'].join(', ')} WHERE id = ?`);
      const now = isoNow(clock);
      for (const id of ids) update.run(...values, now, id);
      writeValues(db, ids, custom);
      return { updated: ids.length, fields };
    },
    () => ({ label: `Set ${listOfWords(fields)} of ${plural(ids.length, 'article')}`, changes: ['articles'] }),
  );
}
