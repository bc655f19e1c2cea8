/** Argument schemas of the report commands (the contract table in contract.ts uses them). */
import { z } from 'zod';
import { passageFilter } from './contract-filters';
import { REPORT_FORMATS, REPORT_GROUPINGS } from './report';

const jobId = z.string().min(1).max(100);

export const reportArgs = {
  /**
   * A report of coded text written to `path` (.html or .docx): the passages the filter shows,
   * or a claim's appearances. Progress arrives as report.progress events under `jobId`.
   */
  write: z.strictObject({
    path: z.string().min(1).max(4096),
    format: z.enum(REPORT_FORMATS),
    filter: passageFilter.optional(),
    claimId: z.number().int().positive().optional(),
    groupBy: z.enum(REPORT_GROUPINGS).optional(),
    jobId,
  }),
  cancel: z.strictObject({ jobId }),
};
