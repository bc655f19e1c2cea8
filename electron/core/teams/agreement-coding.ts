import type { Database } from 'better-sqlite3';
import { MarginaliaError } from '../errors';

/** Spans [start, end) in UTF-16 code units, sorted by start, overlapping ones not yet merged. */
export type Spans = Array<[number, number]>;

/** What one coder coded with one tag: article id → spans. */
export type CoderCoding = Map<number, Spans>;

export interface Coding {
  /** tag id → one coding per coder, in the order the coders were given. */
  byTag: Map<number, CoderCoding[]>;
  /** The articles in which every coder applied at least one tag (any tag), ascending. */
  sharedArticles: number[];
}

export interface CoderRef {
  id: number;
  name: string;
  colour: string;
}

/**
 * Who coded a tag where. A passage's coding by coder C with tag T is the passage's span when the
 * tag application passage_tags(T) is C's — its own coder_id, or the passage's coder_id where the
 * application records none (rows written before coders recorded each application). Orphaned
 * passages (their words gone from the text) have no place in it and are left out. This is the one
 * place that says so; every statistic and the comparison view read codings through it.
 */
export function readCoding(db: Database, coders: readonly CoderRef[], articleIds?: readonly number[]): Coding {
  const index = new Map(coders.map((coder, i) => [coder.id, i]));
  const filter = articleIds && articleIds.length > 0 ? `AND p.article_id IN (${articleIds.map(() => '?').join(',')})` : '';
  // One row per coder, article and tag with its spans as two lists: 300,000 passages cross into
  // JavaScript as some thousands of rows (a row costs more than the numbers in it).
  const rows = db
    .prepare(
      `SELECT coalesce(pt.coder_id, p.coder_id) AS coder, p.article_id, pt.tag_id, group_concat(p.start), group_concat(p."end")
         FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id
        WHERE p.anchor <> 'orphan' AND coder IN (${coders.map(() => '?').join(',')}) ${filter}
        GROUP BY coder, p.article_id, pt.tag_id`,
    )
    .raw()
    .all(...coders.map((c) => c.id), ...(articleIds ?? [])) as Array<[number, number, number, string, string]>;
  const byTag = new Map<number, CoderCoding[]>();
  const codedBy = new Map<number, number>();
  for (const [coderId, articleId, tagId, starts, ends] of rows) {
    const i = index.get(coderId)!;
    let perCoder = byTag.get(tagId);
    if (!perCoder) byTag.set(tagId, (perCoder = coders.map(() => new Map())));
    const from = starts.split(',');
    const to = ends.split(',');
    const spans: Spans = from.map((start, k) => [Number(start), Number(to[k])]);
    spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    perCoder[i]!.set(articleId, spans);
    codedBy.set(articleId, (codedBy.get(articleId) ?? 0) | (1 << i));
  }
  const all = (1 << coders.length) - 1;
  const sharedArticles = [...codedBy].filter(([, mask]) => mask === all).map(([id]) => id);
  sharedArticles.sort((a, b) => a - b);
  return { byTag, sharedArticles };
}

/** The most coders a comparison takes: units are counted per set of coders, 2^16 sets at most. */
export const MAX_CODERS = 16;

/** Coders who applied at least one tag, by index look-ups per coder (not a scan of every application). */
export function activeCoders(db: Database): CoderRef[] {
  const known = db.prepare('SELECT id, name, colour FROM coders ORDER BY id').all() as CoderRef[];
  const tagged = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM passage_tags WHERE coder_id = @id) OR EXISTS (SELECT 1 FROM passages p
         JOIN passage_tags pt ON pt.passage_id = p.id AND pt.coder_id IS NULL WHERE p.coder_id = @id)`,
    )
    .pluck();
  return known.filter((c) => tagged.get({ id: c.id }) === 1);
}

/** The coders named (case-blind, as the coders table compares names), else every coder who tagged anything. */
export function resolveCoders(db: Database, names?: readonly string[]): CoderRef[] {
  const known = db.prepare('SELECT id, name, colour FROM coders ORDER BY id').all() as CoderRef[];
  let coders: CoderRef[];
  if (names && names.length > 0) {
    coders = names.map((name) => {
      const found = known.find((c) => c.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
      if (!found) {
        const list = known.map((c) => c.name).join(', ');
        throw new MarginaliaError(
          'not-found',
          `No coder named "${name}" in this library (${list ? `coders: ${list}` : 'it has no coders yet'}).`,
        );
      }
      return found;
    });
    const ids = new Set(coders.map((c) => c.id));
    if (ids.size < coders.length) throw new MarginaliaError('invalid-arguments', 'A coder is named twice; name each coder once.');
  } else coders = activeCoders(db);
  if (coders.length < 2)
    throw new MarginaliaError(
      'invalid-arguments',
      names && names.length > 0
        ? 'Agreement needs at least two coders; name two or more.'
        : `Agreement needs at least two coders; ${coders.length === 0 ? 'no coder has' : `only ${coders[0]!.name} has`} tagged passages in this library.`,
    );
  if (coders.length > MAX_CODERS)
    throw new MarginaliaError('invalid-arguments', `Agreement compares at most ${MAX_CODERS} coders at once.`);
  return coders;
}
