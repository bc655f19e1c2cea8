import type { Database } from 'better-sqlite3';
import type { AgreementReport, AgreementRow, AgreementUnit } from '../../shared/agreement';
import { MarginaliaError } from '../errors';
import { loadTree } from '../tags/queries';
import { readCoding, resolveCoders } from './agreement-coding';
import { alphaFromTally, cohenKappa, mergeTallies, percentAgreement, tallyUnits, type MaskTally } from './agreement-stats';
import { loadArticleUnits, tallyTag } from './agreement-units';

export interface AgreementOptions {
  /** Coder names; every coder who tagged anything when absent. */
  coders?: string[];
  /** Tags to compare (each exactly, not its children); every tag the coders applied when absent. */
  tagIds?: number[];
  /** Restrict to these articles (still only those every coder coded). */
  articleIds?: number[];
  unit?: AgreementUnit;
}

function row(tag: string | null, tagId: number | null, coders: string[], unit: AgreementUnit, tally: MaskTally): AgreementRow {
  return {
    tag,
    tagId,
    coders,
    unit,
    percent: percentAgreement(tally, coders.length),
    kappa: coders.length === 2 ? cohenKappa(tally) : null,
    alpha: alphaFromTally(tally, coders.length),
    units: tallyUnits(tally),
  };
}

/**
 * Agreement per tag and overall. Each tag is a binary code per unit (coded with it by the coder or
 * not) over the articles every coder coded; the overall row pools every tag's units (a unit and a
 * tag make one decision), as the sum of the per-tag tables.
 */
export function computeAgreement(db: Database, options: AgreementOptions = {}): AgreementReport {
  const unit = options.unit ?? 'character';
  const coders = resolveCoders(db, options.coders);
  const names = coders.map((c) => c.name);
  const coding = readCoding(db, coders, options.articleIds);
  if (coding.sharedArticles.length === 0)
    throw new MarginaliaError(
      'not-found',
      `No article has been coded by all of ${names.join(', ')}${options.articleIds?.length ? ' among the articles given' : ''}: agreement needs articles every coder has coded.`,
    );
  const articles = loadArticleUnits(db, coding.sharedArticles, unit);
  const tree = loadTree(db);
  const tagIds =
    options.tagIds ??
    [...coding.byTag].filter(([, perCoder]) => perCoder.some((c) => [...c.keys()].some((id) => articles.has(id)))).map(([id]) => id);
  const rows = tagIds
    .map((tagId) => ({ tagId, path: tree.path(tagId) }))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map(({ tagId, path }) => {
      // A tag no coder applied here is still a comparison: all units agree on "not coded".
      const tally = tallyTag(coding.byTag.get(tagId) ?? coders.map(() => new Map()), articles);
      return { path, tagId, tally };
    });
  const title = db.prepare('SELECT title FROM articles WHERE id = ?').pluck();
  const overall: MaskTally = new Map();
  for (const { tally } of rows) mergeTallies(overall, tally);
  return {
    coders,
    unit,
    articleIds: coding.sharedArticles,
    articles: coding.sharedArticles.map((id) => ({ id, title: (title.get(id) as string | undefined) ?? '' })),
    rows: [...rows.map(({ path, tagId, tally }) => row(path, tagId, names, unit, tally)), row(null, null, names, unit, overall)],
  };
}
