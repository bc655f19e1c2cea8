/** Argument schemas of the merge commands (the contract table in contract.ts uses them). */
import { z } from 'zod';

const mapping = z.strictObject({
  from: z.string().min(1).max(2000),
  action: z.enum(['map', 'create', 'merge']),
  to: z.string().max(2000).optional(),
});

export const mergeArgs = {
  /** `path`: the other library (.marginalia) or REFI-QDA project (.qdpx); `mappings`: the analyst's choices for tags whose path differs. */
  merge: z.strictObject({ path: z.string().min(1).max(4096), mappings: z.array(mapping).max(10_000) }),
};
