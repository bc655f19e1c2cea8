import type { Migration } from './types';

/**
 * Claims come alive. Each article's sentences are indexed for "where else does this claim
 * appear": a contentless full-text index of their stems, the concepts their figures count and
 * the names they mention (transliterated), and a figure table by value. Every article that
 * enters or changes goes on a queue that a trigger fills (the writer indexes new articles itself
 * and empties it; any other path — undo, a text edit, an exchange import — is indexed from the
 * queue before the index is read). Claims gain what their figure counts and its qualifier, and a
 * stemmed column in their index; rejected suggestions are kept so they stay hidden.
 */
export const migration007: Migration = {
  version: 7,
  name: 'sentence index, claim figures, suggestions',
  up: `
    CREATE TABLE article_sentences (
      id         INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      start      INTEGER NOT NULL,
      "end"      INTEGER NOT NULL
    );
    CREATE INDEX article_sentences_article ON article_sentences(article_id, start);
    CREATE VIRTUAL TABLE sentences_fts USING fts5(terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE sentence_figures (
      sentence_id INTEGER NOT NULL REFERENCES article_sentences(id) ON DELETE CASCADE,
      value       REAL NOT NULL,
      counted     TEXT
    );
    CREATE INDEX sentence_figures_value ON sentence_figures(value);
    CREATE INDEX sentence_figures_counted ON sentence_figures(counted, value);
    CREATE INDEX sentence_figures_sentence ON sentence_figures(sentence_id);
    -- Document frequencies of the index's terms: a claim's query keeps its rarer terms.
    CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, row);
    CREATE TABLE sentence_queue (article_id INTEGER PRIMARY KEY);
    INSERT INTO sentence_queue SELECT id FROM articles;

    CREATE TRIGGER sentence_queue_insert AFTER INSERT ON articles BEGIN
      INSERT OR IGNORE INTO sentence_queue (article_id) VALUES (new.id);
    END;
    CREATE TRIGGER sentence_queue_text AFTER UPDATE OF text ON articles BEGIN
      DELETE FROM article_sentences WHERE article_id = old.id;
      INSERT OR IGNORE INTO sentence_queue (article_id) VALUES (new.id);
    END;
    CREATE TRIGGER sentence_queue_delete AFTER DELETE ON articles BEGIN
      DELETE FROM sentence_queue WHERE article_id = old.id;
    END;
    CREATE TRIGGER sentences_fts_delete AFTER DELETE ON article_sentences BEGIN
      DELETE FROM sentences_fts WHERE rowid = old.id;
    END;

    ALTER TABLE claims ADD COLUMN counted TEXT;
    ALTER TABLE claims ADD COLUMN qualifier TEXT;

    -- The claims index gains the stemmed terms (marginalia_terms(), registered by every connection).
    DROP TRIGGER claims_fts_insert;
    DROP TRIGGER claims_fts_update;
    DROP TRIGGER claims_fts_delete;
    DROP TABLE claims_fts;
    CREATE VIRTUAL TABLE claims_fts USING fts5(statement, speaker, note, numbers, terms, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO claims_fts(rowid, statement, speaker, note, numbers, terms)
      SELECT id, statement, ifnull(speaker, ''), note, marginalia_numbers(statement), marginalia_terms(statement) FROM claims;
    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
      INSERT INTO claims_fts(rowid, statement, speaker, note, numbers, terms)
      VALUES (new.id, new.statement, ifnull(new.speaker, ''), new.note, marginalia_numbers(new.statement), marginalia_terms(new.statement));
    END;
    CREATE TRIGGER claims_fts_update AFTER UPDATE OF statement, speaker, note ON claims BEGIN
      DELETE FROM claims_fts WHERE rowid = old.id;
      INSERT INTO claims_fts(rowid, statement, speaker, note, numbers, terms)
      VALUES (new.id, new.statement, ifnull(new.speaker, ''), new.note, marginalia_numbers(new.statement), marginalia_terms(new.statement));
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
      DELETE FROM claims_fts WHERE rowid = old.id;
    END;

    CREATE TABLE claim_rejections (
      id         INTEGER PRIMARY KEY,
      claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      start      INTEGER NOT NULL,
      "end"      INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (claim_id, article_id, start, "end")
    );
  `,
};
