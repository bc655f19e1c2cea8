import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import type { Clock } from '../../clock';
import { articleWriter } from '../../articles/writer';
import { prepareArticle } from '../../import/prepare';
import { writeTransaction } from '../../library/write';
import { copyRows } from './copy';

/** What makes two libraries' copies one article: the same text with the same title, outlet, date and URL. */
const IDENTITY = ['sha256', 'title', 'outlet', 'published', 'url'] as const;
const COLUMNS = [
  'uid',
  'sha256',
  'title',
  'outlet',
  'byline',
  'published',
  'place',
  'language',
  'url',
  'text',
  'blocks',
  'source_name',
  'format',
  'encoding',
] as const;
const SAME = `h.sha256 = k.sha256 AND h.title = k.title AND h.outlet IS NOT DISTINCT FROM k.outlet
  AND h.published IS NOT DISTINCT FROM k.published AND h.url IS NOT DISTINCT FROM k.url`;

/**
 * Puts this library's articles on the hub once each: an article the hub has (by uid, or another
 * library's copy of it) takes the hub's uid here, the others are uploaded with COPY. Afterwards
 * every article is known to the hub under the uid the operations use.
 */
export async function uploadArticles(db: Database, client: pg.Client, hubId: number): Promise<number> {
  const unknown = db
    .prepare(
      `SELECT id, uid, ${IDENTITY.join(', ')} FROM articles a
       WHERE NOT EXISTS (SELECT 1 FROM hub_articles h WHERE h.hub_id = ? AND h.article_uid = a.uid)`,
    )
    .all(hubId) as Array<Record<string, unknown> & { id: number; uid: string }>;
  if (unknown.length === 0) return 0;
  await client.query('BEGIN');
  try {
    await client.query(
      `CREATE TEMP TABLE push_articles (id bigint, uid text, sha256 text, title text, outlet text, published text, url text) ON COMMIT DROP`,
    );
    await copyRows(
      client,
      'push_articles',
      ['id', 'uid', ...IDENTITY],
      unknown.map((a) => [a.id, a.uid, ...IDENTITY.map((c) => a[c])]),
    );
    const matched = async () =>
      new Map(
        (
          await client.query<{ id: string; uid: string }>(
            `SELECT k.id, coalesce((SELECT h.uid FROM articles h WHERE h.uid = k.uid), (SELECT h.uid FROM articles h WHERE ${SAME} LIMIT 1)) AS uid
             FROM push_articles k`,
          )
        ).rows
          .filter((r) => r.uid !== null)
          .map((r) => [Number(r.id), r.uid]),
      );
    const before = await matched();
    const upload = unknown.filter((a) => !before.has(a.id)).map((a) => a.id);
    const read = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM articles WHERE id = ?`).raw();
    await client.query(`CREATE TEMP TABLE push_full (LIKE articles INCLUDING DEFAULTS) ON COMMIT DROP`);
    await copyRows(
      client,
      'push_full',
      COLUMNS,
      upload.map((id) => read.get(id) as unknown[]),
    );
    await client.query(`INSERT INTO articles (${COLUMNS.join(', ')}) SELECT ${COLUMNS.join(', ')} FROM push_full ON CONFLICT DO NOTHING`);
    const after = await matched();
    await client.query('COMMIT');
    writeTransaction(db, () => {
      const rename = db.prepare('UPDATE articles SET uid = ? WHERE id = ? AND uid <> ?');
      const known = db.prepare('INSERT OR IGNORE INTO hub_articles (hub_id, article_uid) VALUES (?, ?)');
      for (const [id, uid] of after) {
        rename.run(uid, id, uid);
        known.run(hubId, uid);
      }
    });
    return upload.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Brings the hub's articles with these uids into the library (a copy it already has takes the hub's uid). */
export async function fetchArticles(db: Database, clock: Clock, client: pg.Client, hubId: number, uids: readonly string[]): Promise<void> {
  const have = db.prepare('SELECT 1 FROM articles WHERE uid = ?').pluck();
  const missing = uids.filter((uid) => !have.get(uid));
  if (missing.length === 0) return;
  const { rows } = await client.query<Record<(typeof COLUMNS)[number], string | null>>(
    `SELECT ${COLUMNS.join(', ')}, blocks::text AS blocks FROM articles WHERE uid = ANY($1)`,
    [missing],
  );
  writeTransaction(db, () => {
    const sameHere = db
      .prepare(
        `SELECT id FROM articles WHERE sha256 = ? AND title = ? AND outlet IS ? AND published IS ? AND url IS ?
         AND uid NOT IN (SELECT article_uid FROM hub_articles WHERE hub_id = ?)`,
      )
      .pluck();
    const rename = db.prepare('UPDATE articles SET uid = ? WHERE id = ?');
    const known = db.prepare('INSERT OR IGNORE INTO hub_articles (hub_id, article_uid) VALUES (?, ?)');
    const writer = articleWriter(db, clock);
    for (const a of rows) {
      const local = sameHere.get(a.sha256, a.title, a.outlet, a.published, a.url, hubId) as number | undefined;
      if (local !== undefined) rename.run(a.uid, local);
      else {
        const text = a.text ?? '';
        const article = prepareArticle({
          title: a.title,
          outlet: a.outlet,
          byline: a.byline,
          published: a.published,
          place: a.place,
          language: a.language,
          url: a.url,
          text,
          blocks: JSON.parse(a.blocks ?? '[]'),
          format: a.format ?? 'txt',
          encoding: a.encoding,
        });
        // The hub carries the text, not the original file: the text stands in as its bytes.
        const bytes = Buffer.from(text, 'utf8');
        writer.insert({
          article,
          title: a.title ?? '',
          sourceName: a.source_name ?? `${a.uid}.txt`,
          size: bytes.length,
          bytes,
          uid: a.uid!,
        });
      }
      known.run(hubId, a.uid);
    }
  });
}
