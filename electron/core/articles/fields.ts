import type { Database } from 'better-sqlite3';
import { type ArticleField, type FieldType, type FieldValue, type FieldValuesInput, checkFieldValue } from '../../shared/contract-fields';
import type { Edit } from '../edits';
import { isoNow, type Clock } from '../clock';
import { MarginaliaError, notFound } from '../errors';
import { newUid } from '../uid';
import { recordEdit } from './row-changes';

interface FieldRow {
  id: number;
  uid: string;
  name: string;
  type: FieldType;
  options: string;
  position: number;
}

const toField = (row: FieldRow): ArticleField => ({ ...row, options: JSON.parse(row.options) as string[] });

/** The library's article fields in the order they were defined. */
export function listFields(db: Database): ArticleField[] {
  return (db.prepare('SELECT id, uid, name, type, options, position FROM article_fields ORDER BY position, id').all() as FieldRow[]).map(
    toField,
  );
}

function fieldById(db: Database, id: number): ArticleField {
  const row = db.prepare('SELECT id, uid, name, type, options, position FROM article_fields WHERE id = ?').get(id) as FieldRow | undefined;
  if (!row) throw notFound('Field', id);
  return toField(row);
}

function refuseTaken(db: Database, name: string, except: number | null): void {
  const taken = db.prepare('SELECT id FROM article_fields WHERE name = ? COLLATE NOCASE').pluck().get(name.trim()) as number | undefined;
  if (taken !== undefined && taken !== except) throw new MarginaliaError('conflict', `A field named "${name.trim()}" already exists.`);
}

const ALL_FIELDS = { table: 'article_fields', where: '1' } as const;

export function createField(
  db: Database,
  clock: Clock,
  input: { name: string; type: FieldType; options?: string[] | undefined },
): Edit<ArticleField> {
  refuseTaken(db, input.name, null);
  return recordEdit(
    db,
    () => [ALL_FIELDS],
    () => {
      const position = (db.prepare('SELECT coalesce(max(position) + 1, 0) FROM article_fields').pluck().get() as number) ?? 0;
      const options = input.type === 'choice' ? (input.options ?? []).map((o) => o.trim()) : [];
      const { lastInsertRowid } = db
        .prepare('INSERT INTO article_fields (uid, name, type, options, position, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(newUid(), input.name.trim(), input.type, JSON.stringify(options), position, isoNow(clock));
      return fieldById(db, Number(lastInsertRowid));
    },
    (field) => ({ label: `Add the field "${field.name}"`, changes: ['articles'] }),
  );
}

/** Renames a field or changes its choices; a choice still in use cannot go. */
export function updateField(
  db: Database,
  id: number,
  patch: { name?: string | undefined; options?: string[] | undefined },
): Edit<ArticleField> {
  const field = fieldById(db, id);
  if (patch.name !== undefined) refuseTaken(db, patch.name, id);
  if (patch.options !== undefined) {
    if (field.type !== 'choice')
      throw new MarginaliaError('invalid-arguments', `${field.name} is a ${field.type} field: it has no choices.`);
    const kept = new Set(patch.options.map((o) => o.trim()));
    const used = db.prepare('SELECT DISTINCT value FROM article_field_values WHERE field_id = ?').pluck().all(id) as string[];
    const lost = used.find((value) => !kept.has(value));
    if (lost !== undefined)
      throw new MarginaliaError('conflict', `Articles still have "${lost}" as their ${field.name}: change them first.`);
  }
  return recordEdit(
    db,
    () => [{ table: 'article_fields', where: 'id = ?', params: [id] }],
    () => {
      if (patch.name !== undefined) db.prepare('UPDATE article_fields SET name = ? WHERE id = ?').run(patch.name.trim(), id);
      if (patch.options !== undefined)
        db.prepare('UPDATE article_fields SET options = ? WHERE id = ?').run(JSON.stringify(patch.options.map((o) => o.trim())), id);
      return fieldById(db, id);
    },
    () => ({ label: `Edit the field "${field.name}"`, changes: ['articles'] }),
  );
}

/** Removes a field and every article's value of it; undo puts both back. */
export function deleteField(db: Database, id: number): Edit<{ deleted: number }> {
  const field = fieldById(db, id);
  return recordEdit(
    db,
    () => [
      { table: 'article_fields', where: 'id = ?', params: [id] },
      { table: 'article_field_values', where: 'field_id = ?', params: [id] },
    ],
    () => {
      db.prepare('DELETE FROM article_fields WHERE id = ?').run(id);
      return { deleted: 1 };
    },
    () => ({ label: `Remove the field "${field.name}"`, changes: ['articles'] }),
  );
}

/** One article's values, by field id. */
export function fieldValuesOf(db: Database, articleId: number): Record<string, FieldValue> {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) throw notFound('Article', articleId);
  const rows = db.prepare('SELECT field_id, value FROM article_field_values WHERE article_id = ?').all(articleId) as Array<{
    field_id: number;
    value: FieldValue;
  }>;
  return Object.fromEntries(rows.map((row) => [String(row.field_id), row.value]));
}

/** Checks values against their fields before anything is written: [field id, value or null to remove]. */
export function checkedValues(db: Database, input: FieldValuesInput): Array<[number, FieldValue | null]> {
  const problems: string[] = [];
  const checked: Array<[number, FieldValue | null]> = [];
  for (const [key, raw] of Object.entries(input)) {
    const field = fieldById(db, Number(key));
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      checked.push([field.id, null]);
      continue;
    }
    try {
      checked.push([field.id, checkFieldValue(field, raw)]);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new MarginaliaError('invalid-arguments', problems.join('; '));
  return checked;
}

/** Writes checked values on articles (inside the caller's edit). */
export function writeValues(db: Database, ids: readonly number[], values: ReadonlyArray<[number, FieldValue | null]>): void {
  const set = db.prepare(
    'INSERT INTO article_field_values (article_id, field_id, value) VALUES (?, ?, ?) ON CONFLICT (article_id, field_id) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM article_field_values WHERE article_id = ? AND field_id = ?');
  for (const id of ids)
    for (const [fieldId, value] of values) {
      if (value === null) remove.run(id, fieldId);
      else set.run(id, fieldId, value);
    }
}
