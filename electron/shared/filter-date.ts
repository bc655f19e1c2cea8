import { z } from 'zod';

/** Partial ISO 8601: 2020, 2020-11, 2020-11-09, --11-09 (month and day, year unknown), or a full timestamp. */
export const PARTIAL_DATE = /^(?:\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?|--\d{2}-\d{2}|--\d{2})$/;

/** A date range bound in a filter (passages, articles, claims): a year, a month or a day. */
export const filterDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'use a date such as 2020, 2020-11 or 2020-11-09');
