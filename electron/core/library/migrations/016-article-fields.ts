import type { Migration } from './types';

/**
 * Attributes of the analyst's own on articles (outlet type, country, state-affiliated): fields
 * defined per library with a type (text, number, date, choice with its options as a JSON array)
 * and one value per article and field. Values keep their type in SQLite (a number is stored as a
 * number, so ranges compare numerically: the column has no type, hence no affinity); an article
 * without a value has no row.
 */
export const migration016: Migration = {
  version: 16,
  name: 'article fields',
  up: `
    CREATE TABLE article_fields (
      id         INTEGER PRIMARY KEY,
      uid        TEXT NOT NULL UNIQUE,
      name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
      type       TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),
      options    TEXT NOT NULL DEFAULT '[]',
      position   INTEGER NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE article_field_values (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      field_id   INTEGER NOT NULL REFERENCES article_fields(id) ON DELETE CASCADE,
      value      NOT NULL,
      PRIMARY KEY (article_id, field_id)
    ) WITHOUT ROWID;

    CREATE INDEX article_field_values_by_field ON article_field_values(field_id, value);
  `,
};
