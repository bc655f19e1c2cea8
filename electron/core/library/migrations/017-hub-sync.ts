import type { Migration } from './types';

/**
 * What a library remembers of each team hub it syncs with (Teams): the hub (its URL without the
 * password), how far its operation log has been pulled, and per shared row the values, the hub
 * sequence numbers and the coders of the values last exchanged (`hub_shadow`, in stable ids), so a sync sends only what changed
 * and resolves each field by the later sequence. Operations are written to `hub_pending` before
 * they are sent, with the id the hub dedupes them by, so a sync killed mid-push sends them again
 * without doubling them. `hub_conflicts` keeps every value that lost, for the sync report.
 */
export const migration017: Migration = {
  version: 17,
  name: 'hub sync',
  up: `
    CREATE TABLE hub_syncs (
      id        INTEGER PRIMARY KEY,
      hub       TEXT NOT NULL UNIQUE,
      pulled    INTEGER NOT NULL DEFAULT 0,
      synced_at TEXT
    );
    CREATE TABLE hub_shadow (
      hub_id INTEGER NOT NULL REFERENCES hub_syncs(id) ON DELETE CASCADE,
      entity TEXT NOT NULL,
      uid    TEXT NOT NULL,
      fields TEXT,
      seqs   TEXT NOT NULL DEFAULT '{}',
      setters TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (hub_id, entity, uid)
    ) WITHOUT ROWID;
    CREATE TABLE hub_pending (
      hub_id   INTEGER NOT NULL REFERENCES hub_syncs(id) ON DELETE CASCADE,
      ord      INTEGER NOT NULL,
      op_uid   TEXT NOT NULL UNIQUE,
      entity   TEXT NOT NULL,
      uid      TEXT NOT NULL,
      payload  TEXT,
      snapshot TEXT,
      PRIMARY KEY (hub_id, ord)
    );
    CREATE TABLE hub_articles (
      hub_id      INTEGER NOT NULL REFERENCES hub_syncs(id) ON DELETE CASCADE,
      article_uid TEXT NOT NULL,
      PRIMARY KEY (hub_id, article_uid)
    ) WITHOUT ROWID;
    CREATE TABLE hub_conflicts (
      id      INTEGER PRIMARY KEY,
      hub_id  INTEGER NOT NULL REFERENCES hub_syncs(id) ON DELETE CASCADE,
      seq     INTEGER NOT NULL,
      entity  TEXT NOT NULL,
      uid     TEXT NOT NULL,
      field   TEXT NOT NULL,
      kept    TEXT,
      lost    TEXT,
      kept_by TEXT,
      lost_by TEXT,
      at      TEXT NOT NULL,
      UNIQUE (hub_id, seq, entity, uid, field)
    );
  `,
};
