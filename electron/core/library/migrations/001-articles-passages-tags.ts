import type { Migration } from './types';

/** The main loop: articles with their original bytes, the codebook, passages and their tags. */
export const migration001: Migration = {
  version: 1,
  name: 'articles, sources, tags, passages',
  up: `
    CREATE TABLE articles (
      id          INTEGER PRIMARY KEY,
      uid         TEXT NOT NULL UNIQUE,
      title       TEXT NOT NULL DEFAULT '',
      outlet      TEXT,
      byline      TEXT,
      published   TEXT,
      place       TEXT,
      language    TEXT,
      url         TEXT,
      text        TEXT NOT NULL,
      blocks      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(blocks)),
      sha256      TEXT NOT NULL,
      source_name TEXT,
      format      TEXT NOT NULL,
      encoding    TEXT,
      imported_at TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE INDEX articles_sha256 ON articles(sha256);
    CREATE INDEX articles_published ON articles(published);

    -- Original file bytes, kept for provenance; separate so article scans stay small.
    CREATE TABLE article_sources (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      file_name  TEXT NOT NULL,
      size       INTEGER NOT NULL,
      bytes      BLOB NOT NULL
    );

    CREATE TABLE tags (
      id          INTEGER PRIMARY KEY,
      uid         TEXT NOT NULL UNIQUE,
      parent_id   INTEGER REFERENCES tags(id) ON DELETE CASCADE,
      name        TEXT NOT NULL CHECK (length(trim(name)) > 0 AND instr(name, '/') = 0),
      color       TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      position    INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE UNIQUE INDEX tags_sibling_name ON tags(ifnull(parent_id, 0), name COLLATE NOCASE);
    CREATE INDEX tags_parent ON tags(parent_id, position);

    CREATE TABLE passages (
      id          INTEGER PRIMARY KEY,
      uid         TEXT NOT NULL UNIQUE,
      article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      start       INTEGER NOT NULL,
      "end"       INTEGER NOT NULL,
      exact       TEXT NOT NULL,
      prefix      TEXT NOT NULL DEFAULT '',
      suffix      TEXT NOT NULL DEFAULT '',
      note        TEXT NOT NULL DEFAULT '',
      anchor      TEXT NOT NULL DEFAULT 'exact' CHECK (anchor IN ('exact', 'fuzzy', 'orphan')),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      CHECK (start >= 0 AND "end" > start)
    );
    CREATE INDEX passages_article ON passages(article_id, start);

    CREATE TABLE passage_tags (
      passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
      tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (passage_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX passage_tags_tag ON passage_tags(tag_id, passage_id);
  `,
};
