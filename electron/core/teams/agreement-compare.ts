import type { Database } from 'better-sqlite3';
import type { AgreementArticle, AgreementChoices, AgreementDifference } from '../../shared/agreement';
import { notFound } from '../errors';
import { loadTree } from '../tags/queries';
import { activeCoders, readCoding, resolveCoders } from './agreement-coding';
import { forEachRun, mergeSpans } from './agreement-units';

/** Coders who tagged anything and the tags any coder applied: what the comparison view offers. */
export function agreementChoices(db: Database): AgreementChoices {
  const tree = loadTree(db);
  const tagIds = db
    .prepare(
      `SELECT DISTINCT pt.tag_id FROM passage_tags pt JOIN passages p ON p.id = pt.passage_id
        WHERE coalesce(pt.coder_id, p.coder_id) IS NOT NULL`,
    )
    .pluck()
    .all() as number[];
  const tags = tagIds.map((id) => ({ id, path: tree.path(id) })).sort((a, b) => a.path.localeCompare(b.path));
  return { coders: activeCoders(db), tags };
}

/**
 * One article side by side: each coder's spans per tag (merged) and the stretches where, for a
 * tag, some coders coded the words and others did not (as the character-level statistics count them).
 */
export function compareArticle(db: Database, args: { coders?: string[]; tagIds?: number[]; articleId: number }): AgreementArticle {
  const article = db.prepare('SELECT id, title, text FROM articles WHERE id = ?').get(args.articleId) as
    { id: number; title: string; text: string } | undefined;
  if (!article) throw notFound('Article', args.articleId);
  const coders = resolveCoders(db, args.coders);
  const coding = readCoding(db, coders, [article.id]);
  const tree = loadTree(db);
  const tagIds = (args.tagIds ?? [...coding.byTag.keys()]).sort((a, b) => tree.path(a).localeCompare(tree.path(b)));
  const all = (1 << coders.length) - 1;
  const spans = coders.map(() => [] as Array<{ start: number; end: number; tagId: number }>);
  const differences: AgreementDifference[] = [];
  for (const tagId of tagIds) {
    const perCoder = (coding.byTag.get(tagId) ?? coders.map(() => new Map())).map((c) =>
      mergeSpans(c.get(article.id), article.text.length),
    );
    perCoder.forEach((merged, i) => spans[i]!.push(...merged.map(([start, end]) => ({ start, end, tagId }))));
    const tag = tree.path(tagId);
    forEachRun(perCoder, article.text.length, (mask, start, end) => {
      if (mask === 0 || mask === all) return;
      const last = differences[differences.length - 1];
      // Runs split only by another coder's boundary inside the same disagreement join up again.
      if (last && last.tagId === tagId && last.end === start && sameCoders(last, mask, coders)) last.end = end;
      else
        differences.push({
          start,
          end,
          tagId,
          tag,
          coded: coders.filter((_, i) => mask & (1 << i)).map((c) => c.name),
          notCoded: coders.filter((_, i) => !(mask & (1 << i))).map((c) => c.name),
        });
    });
  }
  differences.sort((a, b) => a.start - b.start || a.tag.localeCompare(b.tag));
  for (const list of spans) list.sort((a, b) => a.start - b.start);
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    coders: coders.map((c, i) => ({ name: c.name, colour: c.colour, spans: spans[i]! })),
    differences,
  };
}

function sameCoders(difference: AgreementDifference, mask: number, coders: ReadonlyArray<{ name: string }>): boolean {
  return coders.every((c, i) => difference.coded.includes(c.name) === Boolean(mask & (1 << i)));
}
