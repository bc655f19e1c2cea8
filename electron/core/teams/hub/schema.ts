/**
 * The hub's schema, in numbered steps like the library's migrations: `hub init` applies the ones
 * a database lacks, each in the same transaction, so running it again changes nothing.
 *
 * What lives there: the coders (one PostgreSQL role each, members of the hub's group role), the
 * articles by uid with their text's hash (each text uploaded once, never changed), and the
 * operation log: every change a library pushed, in the hub's order (`seq`), named by stable ids.
 * Row-level security keeps each coder's own work theirs: a role inserts only operations signed
 * with its own role and coder, and only the coder who made a passage may send operations on it
 * (or its tag applications). Nothing can be updated or deleted: the log only grows.
 */
export const HUB_GROUP = 'marginalia_hub_coders';

export interface HubStep {
  version: number;
  sql: string;
}

export const HUB_STEPS: readonly HubStep[] = [
  {
    version: 1,
    sql: `
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${HUB_GROUP}') THEN
          CREATE ROLE ${HUB_GROUP} NOLOGIN;
        END IF;
      END $$;

      CREATE TABLE coders (
        uid        uuid PRIMARY KEY,
        name       text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        colour     text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
        role       name NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE articles (
        uid         uuid PRIMARY KEY,
        sha256      text NOT NULL,
        title       text NOT NULL,
        outlet      text,
        byline      text,
        published   text,
        place       text,
        language    text,
        url         text,
        text        text NOT NULL,
        blocks      jsonb NOT NULL,
        source_name text,
        format      text NOT NULL,
        encoding    text,
        uploaded_by name NOT NULL DEFAULT current_user,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX articles_sha256 ON articles (sha256);

      CREATE TABLE ops (
        seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        op_uid    uuid NOT NULL UNIQUE,
        role      name NOT NULL DEFAULT current_user,
        coder_uid uuid NOT NULL REFERENCES coders (uid),
        entity    text NOT NULL CHECK (entity IN ('tag', 'passage', 'passage_tag', 'claim', 'appearance', 'link')),
        uid       text NOT NULL,
        fields    jsonb,
        at        timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ops_entity ON ops (entity, uid);

      -- Who owns a passage: the role of its first operation (read past row-level security, so the
      -- insert policy below can ask about rows of the table it guards).
      CREATE FUNCTION passage_owner(passage_uid text) RETURNS name
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS
        $f$ SELECT role FROM ops WHERE entity = 'passage' AND uid = passage_uid ORDER BY seq LIMIT 1 $f$;
      REVOKE ALL ON FUNCTION passage_owner(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION passage_owner(text) TO ${HUB_GROUP};

      ALTER TABLE coders ENABLE ROW LEVEL SECURITY;
      ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ops ENABLE ROW LEVEL SECURITY;
      CREATE POLICY coders_read ON coders FOR SELECT USING (true);
      CREATE POLICY articles_read ON articles FOR SELECT USING (true);
      CREATE POLICY articles_upload ON articles FOR INSERT WITH CHECK (uploaded_by = current_user);
      CREATE POLICY ops_read ON ops FOR SELECT USING (true);
      CREATE POLICY ops_own ON ops FOR INSERT WITH CHECK (
        role = current_user
        AND coder_uid = (SELECT c.uid FROM coders c WHERE c.role = current_user)
        AND CASE entity
          WHEN 'passage' THEN coalesce(passage_owner(uid), current_user) = current_user
          WHEN 'passage_tag' THEN coalesce(passage_owner(split_part(uid, '/', 1)), current_user) = current_user
          ELSE true
        END
      );

      CREATE TABLE hub_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
      REVOKE ALL ON coders, articles, ops, hub_schema FROM PUBLIC;
      GRANT SELECT ON coders, articles, ops, hub_schema TO ${HUB_GROUP};
      GRANT INSERT ON articles, ops TO ${HUB_GROUP};
    `,
  },
  {
    // Articles keep the uid their library gave them (REFI-QDA GUIDs are not always UUIDs), and one
    // article is on the hub once: the same text with the same title, outlet, date and URL.
    version: 2,
    sql: `
      ALTER TABLE articles ALTER COLUMN uid TYPE text;
      CREATE UNIQUE INDEX articles_identity ON articles (sha256, title, coalesce(outlet, ''), coalesce(published, ''), coalesce(url, ''));
    `,
  },
];

export const HUB_VERSION = HUB_STEPS.length;
