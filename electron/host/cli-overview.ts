import { resolve } from 'node:path';
import { once } from 'node:events';
import { tagIdsForPaths } from '../core/export/passage-filter';
import { writeFileAtomically } from '../core/export/output';
import { chartData } from '../core/overview/handlers';
import { chartCsv, chartSvg } from '../core/overview/render';
import { filterDate } from '../shared/filter-date';
import { BUCKETS, type Bucket, CHART_NAMES, type ChartName } from '../shared/overview';
import { openCliLibrary } from './cli-library';
import { CliError, type CommandRun } from './cli-output';
import { plural } from '../shared/counts';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`${what} is one of: ${allowed.join(', ')}.`);
  return value as T;
}

function dateOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = filterDate.safeParse(value);
  if (!parsed.success) throw new CliError(`--${name}: use a date such as 2020, 2020-11 or 2020-11-09.`);
  return parsed.data;
}

/** `marginalia overview --chart NAME`: a chart's data as CSV (one row per mark) or the chart as SVG. */
export const overviewCommand: CommandRun = async (values, positionals, out) => {
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}".`);
  if (values.chart === undefined) throw new CliError(`give --chart, one of: ${CHART_NAMES.join(', ')}.`);
  const chart = oneOf(values.chart, CHART_NAMES, '--chart') as ChartName;
  const format = oneOf(values.format, ['csv', 'svg'] as const, '--format') ?? 'csv';
  const bucket = oneOf(values.bucket, BUCKETS, '--bucket') as Bucket | undefined;
  if (bucket && chart !== 'articles-over-time') throw new CliError('--bucket applies to --chart articles-over-time only.');
  const measure = oneOf(values.measure, ['count', 'share'] as const, '--measure') ?? 'count';
  if (values.measure !== undefined && chart !== 'tags-by-outlet' && chart !== 'tags-by-month')
    throw new CliError('--measure applies to --chart tags-by-outlet and tags-by-month only.');
  const from = dateOption(values.from, 'from');
  const to = dateOption(values.to, 'to');
  const outlets = (values.outlet as string[] | undefined) ?? [];
  const lib = openCliLibrary(values);
  try {
    const tags = (values.tag as string[] | undefined) ?? [];
    const filter = {
      ...(tags.length > 0 ? { tagIds: tagIdsForPaths(lib.db, tags) } : {}),
      ...(outlets.length > 0 ? { outlets } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    const data = chartData(lib.db, chart, filter, bucket);
    const text = format === 'svg' ? await chartSvg(chart, data, measure) : chartCsv(chart, data, { bom: !values['no-bom'] });
    const target = values.out as string | undefined;
    if (target === undefined) {
      out.write(format === 'svg' ? `${text}\n` : text);
      return 0;
    }
    await writeFileAtomically(resolve(target), async (stream) => {
      stream.end(text);
      // Closed, not only flushed: the file is renamed into place next.
      await once(stream, 'close');
    });
    out.write(`Wrote ${chart} (${plural(data.rows.length, format === 'svg' ? 'mark' : 'row')}) to ${resolve(target)}.\n`);
    return 0;
  } finally {
    lib.close();
  }
};
