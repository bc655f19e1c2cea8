import type { Bucket, ChartName, OverviewFilter } from '../../../electron/shared/overview';
import { call } from '../client/api';
import type { ChartHandle } from './VegaChart';

function download(url: string, name: string): void {
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(url, name);
  // The download has read the blob by the time the page's next tasks run.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a chart as SVG or PNG (as drawn, in the theme shown), or its data as CSV (from the library, as the CLI writes it). */
export async function exportChart(
  format: 'svg' | 'png' | 'csv',
  chart: ChartName,
  handle: ChartHandle | null,
  query: { filter: OverviewFilter; bucket?: Bucket | undefined },
): Promise<string> {
  const name = `${chart}.${format}`;
  if (format === 'csv') {
    const { csv } = await call('overview.csv', { chart, filter: query.filter, ...(query.bucket ? { bucket: query.bucket } : {}) });
    downloadText(csv, 'text/csv;charset=utf-8', name);
  } else {
    if (!handle) throw new Error('The chart is still being drawn.');
    if (format === 'svg') downloadText(await handle.svg(), 'image/svg+xml', name);
    else download(await handle.png(), name);
  }
  return name;
}
