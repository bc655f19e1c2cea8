import { stringify } from 'csv-stringify/sync';
import type { AgreementReport } from '../../shared/agreement';
import { neutralise } from '../export/csv';

/** Four decimals: what a report quotes, and stable output for scripts. */
export const roundStatistic = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/** The statistics table as CSV (as Excel opens it: BOM, CRLF), one row per tag and the overall row last. */
export function agreementCsv(report: AgreementReport): string {
  return stringify(
    report.rows.map((r) => [
      r.tag ?? 'All tags',
      r.coders.join('; '),
      r.unit,
      roundStatistic(r.percent),
      roundStatistic(r.kappa),
      roundStatistic(r.alpha),
      r.units,
    ]),
    {
      bom: true,
      header: true,
      columns: ['tag', 'coders', 'unit', 'percent', 'kappa', 'alpha', 'units'],
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      cast: { string: neutralise },
    },
  );
}
