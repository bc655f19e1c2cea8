import type { Database } from 'better-sqlite3';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Clock } from '../clock';
import { isoNow } from '../clock';
import type { Edit } from '../edits';
import { MarginaliaError } from '../errors';
import { among, recordEdit } from '../articles/row-changes';
import { ensurePath, insertTag } from './create';
import { splitPath } from './paths';
import { loadTree } from './queries';

/** Spreadsheets run cells starting with these as formulas; exported cells get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function restore(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * The codebook as CSV (path, description, colour), parents before children. Starts with a byte
 * order mark and uses CRLF so that Excel reads accents and Cyrillic correctly.
 */
export function exportCodebook(db: Database): string {
  const tree = loadTree(db);
  const details = new Map(
    (db.prepare('SELECT id, description, color FROM tags').all() as Array<{ id: number; description: string; color: string }>).map(
      (row) => [row.id, row],
    ),
  );
  const rows = tree.ordered().map((node) => {
    const { description, color } = details.get(node.id)!;
    return [tree.path(node.id), description, color].map(neutralise);
  });
  return '\uFEFF' + stringify([['path', 'description', 'colour'], ...rows], { record_delimiter: '\r\n' });
}

interface CodebookLine {
  line: number;
  names: string[];
  description: string;
  color: string | null;
}

/** Reads and checks every line before anything is written, so a bad file changes nothing. */
function readCodebook(csv: string): CodebookLine[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const reason = error instanceof CsvError ? error.message : String(error);
    throw new MarginaliaError('invalid-arguments', `The codebook file is not valid CSV: ${reason}`);
  }
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const column = (...names: string[]) => header.findIndex((cell) => names.includes(cell));
  const pathAt = column('path');
  const descriptionAt = column('description');
  const colourAt = column('colour', 'color');
  if (pathAt < 0)
    throw new MarginaliaError('invalid-arguments', 'The first row of a codebook file must name its columns: path, description, colour.');
  return records.slice(1).flatMap((record, index) => {
    const line = index + 2;
    const path = restore(record[pathAt] ?? '').trim();
    if (path === '') return [];
    const cell = (at: number) => (at < 0 ? '' : restore(record[at] ?? '').trim());
    const colour = cell(colourAt);
    if (colour !== '' && !/^#?[0-9a-f]{6}$/i.test(colour)) {
      throw new MarginaliaError('invalid-arguments', `Line ${line}: "${colour}" is not a colour; use the form #4e79a7.`);
    }
    try {
      return [
        {
          line,
          names: splitPath(path),
          description: cell(descriptionAt),
          color: colour === '' ? null : `#${colour.replace('#', '').toLowerCase()}`,
        },
      ];
    } catch (error) {
      throw new MarginaliaError('invalid-arguments', `Line ${line}: ${(error as Error).message}`);
    }
  });
}

/**
 * Adds a CSV codebook to the library's: missing tags (and ancestors) are created; tags that exist
 * (matched by path, case-insensitively) take the file's description and colour where the file
 * gives one, and keep theirs where its cell is empty. One undoable edit.
 */
export function importCodebook(db: Database, clock: Clock, csv: string): Edit<{ created: number; updated: number }> {
  const lines = readCodebook(csv);
  // The rows this edit can touch: tags the file names that exist already, and those it creates.
  const known = loadTree(db);
  const existing = lines.flatMap(({ names }) => {
    let node: number | null = null;
    for (const name of names) {
      const child = known.childNamed(node, name);
      if (!child) return [];
      node = child.id;
    }
    return node === null ? [] : [node];
  });
  const created: number[] = [];
  return recordEdit(
    db,
    () => [among('tags', 'id', [...existing, ...created])],
    () => {
      const tree = loadTree(db);
      const updated = new Set<number>();
      const update = db.prepare(
        `UPDATE tags SET description = coalesce(?, description), color = coalesce(?, color), updated_at = ?
         WHERE id = ? AND (description IS NOT coalesce(?, description) OR color IS NOT coalesce(?, color))`,
      );
      for (const { names, description, color } of lines) {
        const parent = ensurePath(db, clock, tree, null, names.slice(0, -1), created);
        const name = names.at(-1)!;
        const existing = tree.childNamed(parent, name);
        if (!existing) {
          created.push(insertTag(db, clock, tree, { parentId: parent, name, color: color ?? undefined, description }));
          continue;
        }
        const text = description === '' ? null : description;
        if (update.run(text, color, isoNow(clock), existing.id, text, color).changes > 0 && !created.includes(existing.id))
          updated.add(existing.id);
      }
      return { created: created.length, updated: updated.size };
    },
    () => ({ label: 'Import codebook', changes: ['tags'] }),
  );
}
