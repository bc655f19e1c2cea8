/** The filter schemas several commands share (the contract table in contract.ts uses them). */
import { z } from 'zod';
import { filterDate } from './filter-date';

const id = z.number().int().positive();

/** The article list's filter (outlets and a date range), also part of the Passages view's. */
export const articleFields = {
  outlets: z.array(z.string().max(500)).max(10_000).optional(),
  from: filterDate.optional(),
  to: filterDate.optional(),
};
export const articleFilter = z.strictObject(articleFields);
/** The Passages view's filter; exports take the same one, so they hold exactly what the view shows. */
export const passageFilter = z.strictObject({
  tagIds: z.array(id).max(2000).optional(),
  tagMode: z.enum(['any', 'all']).optional(),
  includeChildren: z.boolean().optional(),
  articleIds: z.array(id).max(100_000).optional(),
  ...articleFields,
  text: z.string().max(1000).optional(),
});
