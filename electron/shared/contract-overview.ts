/** Argument schemas of the overview commands (the contract table in contract.ts uses them). */
import { z } from 'zod';
import { filterDate } from './filter-date';
import { BUCKETS, CHART_NAMES } from './overview';

const id = z.number().int().positive();
const filter = z
  .strictObject({
    tagIds: z.array(id).max(2000).optional(),
    outlets: z.array(z.string().max(500)).max(10_000).optional(),
    from: filterDate.optional(),
    to: filterDate.optional(),
    articleIds: z.array(id).max(100_000).optional(),
  })
  .optional();
const period = z.string().max(10).optional();

export const overviewArgs = {
  chart: z.strictObject({ filter }),
  articlesOverTime: z.strictObject({ filter, bucket: z.enum(BUCKETS).optional() }),
  csv: z.strictObject({ chart: z.enum(CHART_NAMES), filter, bucket: z.enum(BUCKETS).optional(), bom: z.boolean().optional() }),
  drill: z.strictObject({
    chart: z.enum(CHART_NAMES),
    filter,
    bucket: z.enum(BUCKETS).optional(),
    mark: z.strictObject({
      outlet: z.string().max(500).optional(),
      period,
      month: period,
      day: period,
      tagId: id.optional(),
      otherTagId: id.optional(),
      claimId: id.optional(),
    }),
  }),
};
