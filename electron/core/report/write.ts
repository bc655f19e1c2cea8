import { once } from 'node:events';
import type { Database } from 'better-sqlite3';
import type { ReportFormat, ReportResult, ReportScope } from '../../shared/report';
import { writeFileAtomically } from '../export/output';
import { reportCharts } from './charts';
import { checkCancelled, collectReport, type JobControl } from './collect';
import { reportDocx } from './docx';
import { reportHtml } from './html';

export interface ReportRequest extends ReportScope {
  format: ReportFormat;
  /** The library's name and the moment, printed under the title. */
  library: string;
  generated: string;
}

export interface ReportJob extends JobControl {
  onWriting?: () => void;
}

/** Reads what the report shows, draws its charts and writes the file in place (never half a file). */
export async function writeReport(db: Database, path: string, request: ReportRequest, job: ReportJob = {}): Promise<ReportResult> {
  const data = await collectReport(db, request, job);
  const charts = await reportCharts(db, request, data);
  checkCancelled(job.signal);
  job.onWriting?.();
  const meta = { library: request.library, generated: request.generated };
  const body = request.format === 'html' ? reportHtml(data, charts, meta) : await reportDocx(data, charts, meta);
  checkCancelled(job.signal);
  await writeFileAtomically(path, async (out) => {
    out.end(body);
    // Closed, not only flushed: the file is renamed into place next.
    await once(out, 'close');
  });
  return { path, quotes: data.counts.quotes, groups: data.counts.groups, articles: data.counts.articles, charts: charts.length };
}
