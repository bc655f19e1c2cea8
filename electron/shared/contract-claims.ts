/** Argument schemas of the claims commands (the contract table in contract.ts uses them). */
import { z } from 'zod';
import { filterDate } from './filter-date';
import { CLAIM_KINDS, CLAIM_SORT_COLUMNS, RELATIONS, STANCES } from './claims';

const id = z.number().int().positive();
const offset = z.number().int().min(0);
const kind = z.enum(CLAIM_KINDS);
const stance = z.enum(STANCES);
const relation = z.enum(RELATIONS);
const speaker = z.string().max(500).nullable();
const limit = z.number().int().min(1).max(500);

/** Where an appearance is: an existing passage, or a range of an article that becomes one. */
const place = {
  passageId: id.optional(),
  articleId: id.optional(),
  start: offset.optional(),
  end: offset.optional(),
};
const placed = <
  T extends { passageId?: number | undefined; articleId?: number | undefined; start?: number | undefined; end?: number | undefined },
>(
  value: T,
): boolean => (value.passageId !== undefined) !== (value.articleId !== undefined && value.start !== undefined && value.end !== undefined);
const PLACE_MESSAGE = 'give either passageId, or articleId with start and end';

/** A claim's figure as the analyst corrected it; absent fields come from the statement. */
const figure = {
  value: z.number().finite().nullable().optional(),
  unit: z.string().max(100).nullable().optional(),
  counted: z.string().max(200).nullable().optional(),
  qualifier: z.string().max(100).nullable().optional(),
};

export const claimArgs = {
  list: z.strictObject({
    text: z.string().max(1000).optional(),
    kind: kind.optional(),
    speaker: z.string().max(500).optional(),
    outlet: z.string().max(500).optional(),
    from: filterDate.optional(),
    to: filterDate.optional(),
    tagId: id.optional(),
    coderIds: z.array(id).max(1000).optional(),
    sort: z.strictObject({ column: z.enum(CLAIM_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).optional(),
    offset: offset.optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  }),
  facets: z.strictObject({}),
  /** A claim's neighbourhood (claimId, within depth links), or the whole library's linked claims. */
  graph: z.strictObject({
    claimId: id.optional(),
    depth: z.number().int().min(1).max(3).optional(),
    tagId: id.optional(),
    outlet: z.string().max(500).optional(),
    from: filterDate.optional(),
    to: filterDate.optional(),
    relations: z.array(relation).max(RELATIONS.length).optional(),
    limit: z.number().int().min(1).max(2000).optional(),
  }),
  get: z.strictObject({ id }),
  candidates: z.strictObject({ articleId: id }),
  create: z
    .strictObject({
      ...place,
      statement: z.string().max(10_000).optional(),
      kind: kind.optional(),
      speaker: speaker.optional(),
      stance: stance.optional(),
      note: z.string().max(100_000).optional(),
      ...figure,
    })
    .refine(placed, PLACE_MESSAGE),
  /** What Make claim's dialog starts with for a selection or a passage (nothing is written). */
  prefill: z.strictObject({ ...place }).refine(placed, PLACE_MESSAGE),
  /** Hides a candidate claim from the reader's marks, by its place in the article. */
  dismissCandidate: z.strictObject({ articleId: id, start: offset, end: offset }),
  update: z.strictObject({
    id,
    statement: z.string().trim().min(1, 'a claim needs a statement').max(10_000).optional(),
    kind: kind.optional(),
    speaker: speaker.optional(),
    ...figure,
    note: z.string().max(100_000).optional(),
  }),
  delete: z.strictObject({ id }),
  addAppearance: z
    .strictObject({ claimId: id, ...place, stance: stance.optional(), speaker: speaker.optional() })
    .refine(placed, PLACE_MESSAGE),
  updateAppearance: z.strictObject({ id, stance: stance.optional(), speaker: speaker.optional() }),
  removeAppearance: z.strictObject({ id }),
  merge: z.strictObject({ sourceId: id, targetId: id }),
  split: z.strictObject({ appearanceId: id }),
  link: z.strictObject({ fromId: id, toId: id, relation, note: z.string().max(10_000).optional() }),
  linkNote: z.strictObject({ linkId: id, note: z.string().max(10_000) }),
  unlink: z.strictObject({ linkId: id }),
  related: z.strictObject({ id, limit: limit.optional() }),
  /** A suggested sentence as an appearance (or as a new claim linked with `relation`), or a suggested claim as a link. */
  accept: z
    .strictObject({
      claimId: id,
      articleId: id.optional(),
      start: offset.optional(),
      end: offset.optional(),
      otherClaimId: id.optional(),
      as: z.enum(['appearance', 'claim']).optional(),
      relation: relation.optional(),
      stance: stance.optional(),
    })
    .refine((v) => (v.otherClaimId !== undefined) !== (v.articleId !== undefined && v.start !== undefined && v.end !== undefined), {
      message: 'give either otherClaimId, or articleId with start and end',
    })
    .refine((v) => v.otherClaimId === undefined || v.relation !== undefined, { message: 'accepting a related claim needs a relation' }),
  reject: z
    .strictObject({
      claimId: id,
      articleId: id.optional(),
      start: offset.optional(),
      end: offset.optional(),
      otherClaimId: id.optional(),
      relation: relation.optional(),
    })
    .refine((v) => (v.otherClaimId !== undefined) !== (v.articleId !== undefined && v.start !== undefined && v.end !== undefined), {
      message: 'give either otherClaimId, or articleId with start and end',
    }),
};
