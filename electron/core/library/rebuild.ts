import type { Database } from 'better-sqlite3';
import type { Block } from '../../shared/article';
import { indexQueued } from '../claims/sentence-index';

/** What a rebuild redid, for the report. */
export interface Rebuilt {
  /** Search indexes rebuilt from the rows they index. */
  indexes: string[];
  /** Articles whose number tokens and stems were computed again. */
  numbers: number;
  /** Articles whose blocks lay outside their text and were made again from it (one per paragraph). */
  blocks: number;
  /** Articles whose sentences were indexed again for "where else does this claim appear". */
  sentences: number;
}

interface Index {
  name: string;
  sql: string;
}

/** Blocks of a text as the importers lay it out: paragraphs separated by a blank line. */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    if (part.trim() !== '') blocks.push({ kind: 'paragraph', start, end: start + part.length });
    start += part.length + 2;
  }
  return blocks;
}

function blocksValid(json: string, length: number): boolean {
  try {
    const blocks = JSON.parse(json) as Block[];
    return Array.isArray(blocks) && blocks.every((b) => b.start >= 0 && b.end <= length && b.start <= b.end);
  } catch {
    return false;
  }
}

/**
 * Fills an index that keeps its own copy of what it indexes (passages, claims) from its rows
 * again: the index is emptied (dropped and made anew when even that fails), then the rows' own
 * update trigger (the one that writes to the index) runs for every row.
 */
function refill(db: Database, { name, sql }: Index): void {
  try {
    db.prepare(`DELETE FROM "${name}"`).run();
  } catch {
    db.prepare(`DROP TABLE "${name}"`).run();
    db.exec(sql);
  }
  const triggers = db
    .prepare("SELECT tbl_name AS source, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%INSERT INTO ' || ? || '(%'")
    .all(name) as Array<{ source: string; sql: string }>;
  for (const { source, sql: trigger } of triggers) {
    const columns = /AFTER\s+UPDATE\s+OF\s+([\w\s,"]+?)\s+ON\b/i.exec(trigger)?.[1];
    if (!columns) continue;
    const set = columns
      .split(',')
      .map((c) => c.trim())
      .map((c) => `${c} = ${c}`)
      .join(', ');
    db.prepare(`UPDATE "${source}" SET ${set}`).run();
  }
}

/**
 * Rebuilds what a library derives from its own rows (runs inside the caller's write transaction):
 * every full-text index, the number tokens and stems, blocks that no longer fit their text, and the
 * sentence index of claims. Nothing the analyst wrote is changed.
 */
export function rebuildDerived(db: Database): Rebuilt {
  const result: Rebuilt = { indexes: [], numbers: 0, blocks: 0, sentences: 0 };
  result.numbers = db
    .prepare('UPDATE articles SET numbers = marginalia_numbers(title, text), stems = marginalia_stems(title, text)')
    .run().changes;
  const fix = db.prepare('UPDATE articles SET blocks = ? WHERE id = ?');
  for (const row of db.prepare('SELECT id, text, blocks FROM articles').all() as Array<{ id: number; text: string; blocks: string }>) {
    if (blocksValid(row.blocks, row.text.length)) continue;
    fix.run(JSON.stringify(paragraphBlocks(row.text)), row.id);
    result.blocks += 1;
  }
  const indexes = (
    db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
      .all() as Index[]
  ).filter(({ sql }) => /USING\s+fts5\s*\(/i.test(sql));
  for (const index of indexes) {
    const content = /content\s*=\s*'([^']*)'/i.exec(index.sql)?.[1];
    if (content === undefined) refill(db, index);
    else if (content !== '') db.prepare(`INSERT INTO "${index.name}"("${index.name}") VALUES ('rebuild')`).run();
    // A contentless index is filled by code: the sentence index below is the only one.
    else if (index.name === 'sentences_fts') db.prepare(`INSERT INTO "${index.name}"("${index.name}") VALUES ('delete-all')`).run();
    else continue;
    result.indexes.push(index.name);
  }
  if (result.indexes.includes('sentences_fts')) {
    // Emptied above: every article's sentences are indexed again.
    db.prepare('DELETE FROM sentence_figures').run();
    db.prepare('DELETE FROM article_sentences').run();
    db.prepare('INSERT OR IGNORE INTO sentence_queue (article_id) SELECT id FROM articles').run();
    result.sentences = indexQueued(db);
  }
  return result;
}
