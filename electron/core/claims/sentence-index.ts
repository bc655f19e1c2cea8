import type { Database, Statement } from 'better-sqlite3';
import { writeTransaction } from '../library/write';
import { recordChange } from '../library/change-log';
import { type AnalysedSentence, analyseSentences } from './terms';

/**
 * The sentence index (migration 7): rows of article_sentences with their terms in sentences_fts
 * and their figures in sentence_figures. Every path that adds or changes article text leaves the
 * article on sentence_queue (triggers). The host works the queue off in the background, a few
 * articles per turn while nothing else runs, and whatever reads the index first indexes the rest.
 * (Analysing sentences inside the import made it 18 times slower than its baseline.)
 */
interface Statements {
  sentence: Statement;
  terms: Statement;
  figure: Statement;
  dequeue: Statement;
  queued: Statement;
  text: Statement;
}

const prepared = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      sentence: db.prepare('INSERT INTO article_sentences (article_id, start, "end") VALUES (?, ?, ?)'),
      terms: db.prepare('INSERT INTO sentences_fts (rowid, terms) VALUES (?, ?)'),
      figure: db.prepare('INSERT INTO sentence_figures (sentence_id, value, counted) VALUES (?, ?, ?)'),
      dequeue: db.prepare('DELETE FROM sentence_queue WHERE article_id = ?'),
      queued: db.prepare('SELECT q.article_id AS id, a.text FROM sentence_queue q JOIN articles a ON a.id = q.article_id LIMIT ?'),
      text: db.prepare('SELECT text FROM articles WHERE id = ?'),
    };
    prepared.set(db, s);
  }
  return s;
}

/** Indexes one article's sentences (inside the caller's transaction) and takes it off the queue. */
export function insertSentences(db: Database, articleId: number | bigint, sentences: readonly AnalysedSentence[]): void {
  const s = statements(db);
  for (const sentence of sentences) {
    const id = s.sentence.run(articleId, sentence.start, sentence.end).lastInsertRowid;
    s.terms.run(id, sentence.terms);
    for (const figure of sentence.figures) s.figure.run(id, figure.value, figure.counted);
  }
  s.dequeue.run(articleId);
}

/**
 * Indexes queued articles, `batch` per transaction, at most `limit` in all (every one by default).
 * Returns how many it indexed.
 */
export function indexQueued(db: Database, batch = 200, limit = Infinity): number {
  const s = statements(db);
  let done = 0;
  while (done < limit) {
    const rows = s.queued.all(Math.min(batch, limit - done)) as Array<{ id: number; text: string }>;
    if (rows.length === 0) return done;
    writeTransaction(db, () => {
      for (const row of rows) {
        // A text edit queued it after deleting its rows; a re-queued article may still have some.
        db.prepare('DELETE FROM article_sentences WHERE article_id = ?').run(row.id);
        insertSentences(db, row.id, analyseSentences(row.text));
      }
      // Claim candidates read these sentences.
      recordChange(db, ['claims']);
    });
    done += rows.length;
  }
  return done;
}
