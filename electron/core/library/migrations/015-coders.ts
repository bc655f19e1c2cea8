import type { Migration } from './types';

/**
 * Who coded what (Teams). A coder is a person working on the library: name (unique, case-blind)
 * and the colour their highlights take in other coders' readers. Every passage (with its note),
 * tag application, claim, appearance, link and memo records its coder. The columns are nullable
 * because SQLite cannot add a non-null foreign key: rows written before coders existed stay NULL
 * until the library's first coder is registered, who then takes them (one analyst per library
 * until now). The library setting `blind_coding` in library_meta hides other coders' work.
 */
export const migration015: Migration = {
  version: 15,
  name: 'coders',
  up: `
    CREATE TABLE coders (
      id         INTEGER PRIMARY KEY,
      uid        TEXT NOT NULL UNIQUE,
      name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
      colour     TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
      created_at TEXT NOT NULL
    );

    ALTER TABLE passages ADD COLUMN coder_id INTEGER REFERENCES coders(id);
    ALTER TABLE passage_tags ADD COLUMN coder_id INTEGER REFERENCES coders(id);
    ALTER TABLE claims ADD COLUMN coder_id INTEGER REFERENCES coders(id);
    ALTER TABLE claim_appearances ADD COLUMN coder_id INTEGER REFERENCES coders(id);
    ALTER TABLE claim_links ADD COLUMN coder_id INTEGER REFERENCES coders(id);
    ALTER TABLE memos ADD COLUMN coder_id INTEGER REFERENCES coders(id);

    CREATE INDEX passages_coder ON passages(coder_id, article_id);
    CREATE INDEX passage_tags_coder ON passage_tags(coder_id, tag_id);
  `,
};
