/** The filter schemas several commands share (the contract table in contract.ts uses them). */
import { z } from 'zod';
import { articleFields } from './contract-articles';

const id = z.number().int().positive();

/** The Passages view's filter; exports take the same one, so they hold exactly what the view shows. */
export const passageFilter = z.strictObject({
  tagIds: z.array(id).max(2000).optional(),
  tagMode: z.enum(['any', 'all']).optional(),
  includeChildren: z.boolean().optional(),
  articleIds: z.array(id).max(100_000).optional(),
  coderIds: z.array(id).max(1000).optional(),
  ...articleFields,
  text: z.string().max(1000).optional(),
});
