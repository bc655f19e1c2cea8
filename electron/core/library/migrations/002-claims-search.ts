import type { Migration } from './types';

/**
 * Claims, their appearances and links, and full-text search. FTS rows are maintained by triggers
 * (so every write path keeps them in sync inside its own transaction); number tokens come from
 * marginalia_numbers(), a function every connection registers before it runs migrations, except
 * for new articles, whose tokens arrive with the row (see articleWriter in articles/writer.ts, which since migration 4
 * also indexes new articles itself).
 */
export const migration002: Migration = {
  version: 2,
  name: 'claims, links, full-text search',
  up: `
    CREATE TABLE claims (
      id         INTEGER PRIMARY KEY,
      uid        TEXT NOT NULL UNIQUE,
      statement  TEXT NOT NULL CHECK (length(trim(statement)) > 0),
      kind       TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('statistic', 'quote', 'event', 'other')),
      speaker    TEXT,
      value      REAL,
      unit       TEXT,
      note       TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE claim_appearances (
      id         INTEGER PRIMARY KEY,
      claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      stance     TEXT NOT NULL DEFAULT 'asserts' CHECK (stance IN ('asserts', 'attributes', 'questions', 'refutes')),
      speaker    TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (claim_id, passage_id)
    );
    CREATE INDEX claim_appearances_passage ON claim_appearances(passage_id);

    CREATE TABLE claim_links (
      id            INTEGER PRIMARY KEY,
      from_claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      to_claim_id   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      relation      TEXT NOT NULL CHECK (relation IN ('supports', 'contradicts', 'varies', 'specifies', 'undercuts', 'related')),
      status        TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested', 'confirmed', 'rejected')),
      score         REAL,
      method        TEXT,
      note          TEXT NOT NULL DEFAULT '',
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      CHECK (from_claim_id <> to_claim_id),
      UNIQUE (from_claim_id, to_claim_id, relation)
    );
    CREATE INDEX claim_links_to ON claim_links(to_claim_id);

    -- Number tokens of title and text. The import workers compute them (so bulk imports do not pay
    -- for them in the writer); the update trigger recomputes them when the title or text changes.
    ALTER TABLE articles ADD COLUMN numbers TEXT NOT NULL DEFAULT '';
    UPDATE articles SET numbers = marginalia_numbers(title, text);

    -- External content: the index reads articles' own columns, so the text is not stored twice.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      title, outlet, byline, text, numbers, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE passages_fts USING fts5(
      exact, note, numbers, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE claims_fts USING fts5(
      statement, speaker, note, numbers, tokenize = 'unicode61 remove_diacritics 2'
    );

    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    INSERT INTO passages_fts(rowid, exact, note, numbers)
      SELECT id, exact, note, marginalia_numbers(exact, note) FROM passages;

    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
      INSERT INTO articles_fts(rowid, title, outlet, byline, text, numbers)
      VALUES (new.id, new.title, new.outlet, new.byline, new.text, new.numbers);
    END;
    -- One trigger, in a fixed order: take the old row out of the index, bring the number tokens up
    -- to date (an update of numbers alone fires no trigger), index the new row.
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, outlet, byline, text ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text, numbers)
      VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text, old.numbers);
      UPDATE articles SET numbers = marginalia_numbers(new.title, new.text) WHERE id = new.id;
      INSERT INTO articles_fts(rowid, title, outlet, byline, text, numbers)
      SELECT id, title, outlet, byline, text, numbers FROM articles WHERE id = new.id;
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text, numbers)
      VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text, old.numbers);
    END;

    CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
      INSERT INTO passages_fts(rowid, exact, note, numbers)
      VALUES (new.id, new.exact, new.note, marginalia_numbers(new.exact, new.note));
    END;
    CREATE TRIGGER passages_fts_update AFTER UPDATE OF exact, note ON passages BEGIN
      DELETE FROM passages_fts WHERE rowid = old.id;
      INSERT INTO passages_fts(rowid, exact, note, numbers)
      VALUES (new.id, new.exact, new.note, marginalia_numbers(new.exact, new.note));
    END;
    CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
      DELETE FROM passages_fts WHERE rowid = old.id;
    END;

    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
      INSERT INTO claims_fts(rowid, statement, speaker, note, numbers)
      VALUES (new.id, new.statement, ifnull(new.speaker, ''), new.note, marginalia_numbers(new.statement));
    END;
    CREATE TRIGGER claims_fts_update AFTER UPDATE OF statement, speaker, note ON claims BEGIN
      DELETE FROM claims_fts WHERE rowid = old.id;
      INSERT INTO claims_fts(rowid, statement, speaker, note, numbers)
      VALUES (new.id, new.statement, ifnull(new.speaker, ''), new.note, marginalia_numbers(new.statement));
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
      DELETE FROM claims_fts WHERE rowid = old.id;
    END;
  `,
};
