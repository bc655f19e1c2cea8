/** Argument schemas and results of the article metadata commands (single and bulk edits). */
import { z } from 'zod';
import { fieldFilter, fieldValues } from './contract-fields';
import { filterDate, PARTIAL_DATE } from './filter-date';

export { PARTIAL_DATE };

const id = z.number().int().positive();
const text = (max: number) => z.string().max(max);
const optionalMeta = (max: number) => z.string().max(max).nullable().optional();

const published = z
  .string()
  .regex(PARTIAL_DATE, 'use a date such as 2020-11-09, 2020-11, or --11-09 when the year is unknown')
  .nullable()
  .optional();
const language = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'use a language code such as en or ru')
  .nullable()
  .optional();

export const articlePatch = z.strictObject({
  title: z.string().trim().min(1, 'the title cannot be empty').max(2000).optional(),
  outlet: optionalMeta(500),
  byline: optionalMeta(1000),
  published,
  place: optionalMeta(500),
  language,
  url: z.string().url().max(4000).nullable().optional(),
});

/** The article list's filter (outlets and a date range), also part of the Passages view's. */
export const articleFields = {
  outlets: z.array(text(500)).max(10_000).optional(),
  from: filterDate.optional(),
  to: filterDate.optional(),
  /** Custom fields: each article's value is one of `values`, or within min–max. */
  fields: z.array(fieldFilter).max(50).optional(),
};
export const articleFilter = z.strictObject(articleFields);

/** What a bulk edit changes: each field given is set on every article (null clears it). */
export const bulkMetaPatch = z.strictObject({ outlet: optionalMeta(500), published, language, place: optionalMeta(500) });
export type BulkMetaPatch = z.infer<typeof bulkMetaPatch>;

/** The articles a bulk edit is about: ids, or every article the list's query and filter match (sent, never loaded into the page). */
export const bulkTarget = z.union([
  z.strictObject({ ids: z.array(id).min(1).max(1_000_000) }),
  z.strictObject({
    matching: z.strictObject({ query: text(1000).optional(), filter: articleFilter.optional() }),
    exceptIds: z.array(id).max(1_000_000).optional(),
  }),
]);
export type BulkTarget = z.infer<typeof bulkTarget>;

export interface BulkMetaResult {
  updated: number;
  /** The fields set, in words ("outlet", "date"). */
  fields: string[];
}

export const articleMetaArgs = {
  setMeta: z.strictObject({ target: bulkTarget, patch: bulkMetaPatch, fields: fieldValues.optional() }),
};
