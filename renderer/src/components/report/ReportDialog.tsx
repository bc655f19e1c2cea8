import { useEffect, useRef, useState } from 'react';
import type { ReportFormat, ReportGrouping, ReportProgress } from '../../../../electron/shared/report';
import { call, transport } from '../../client/api';
import { formatCount } from '../../../../electron/shared/counts';
import { Dialog } from '../Dialog';
import { notify } from '../Notices';
import { closeReport, useReportRequest, type ReportRequest } from './report-request';

const FORMATS: Array<{ format: ReportFormat; label: string; hint: string }> = [
  { format: 'html', label: 'Web page (HTML)', hint: 'One file that opens in any browser, offline; prints well.' },
  { format: 'docx', label: 'Word document (DOCX)', hint: 'For Word, LibreOffice and Google Docs; charts as pictures.' },
];

function progressText(progress: ReportProgress): string {
  if (progress.stage === 'writing') return 'Writing the file…';
  return `Reading passages: ${formatCount(progress.done)} of ${formatCount(progress.total)}`;
}

function ReportForm({ request }: { request: ReportRequest }) {
  const [format, setFormat] = useState<ReportFormat>('html');
  const [groupBy, setGroupBy] = useState<ReportGrouping>('tag');
  const [job, setJob] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  // Read when the save fails: the failure of a cancelled job is the cancel, not an error.
  const cancelled = useRef(false);
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const oneClaim = request.scope.claimId !== undefined;

  useEffect(() => {
    if (!job) return;
    return transport.on('report.progress', (p) => {
      if (p.jobId === job) setProgress(p);
    });
  }, [job]);

  const cancel = () => {
    if (!job) return closeReport();
    setCancelling(true);
    cancelled.current = true;
    void call('report.cancel', { jobId: job });
  };

  const run = async () => {
    const jobId = crypto.randomUUID();
    setJob(jobId);
    setError(null);
    setProgress(null);
    try {
      const where = await transport.saveExport(
        'export.report',
        { ...request.scope, ...(oneClaim ? {} : { groupBy }), format, jobId },
        {
          title: 'Save report',
          defaultName: `${request.name}.${format}`,
          filters: [{ name: format === 'html' ? 'Web page' : 'Word document', extensions: [format] }],
        },
      );
      if (where !== null) notify(`Report saved to ${where}`);
      closeReport();
    } catch (e) {
      if (cancelled.current) {
        notify('Report cancelled; no file was written.');
        closeReport();
        return;
      }
      setError((e as Error).message);
      setJob(null);
    }
  };

  const busy = job !== null;
  return (
    <Dialog title="Report" onClose={cancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <p>
          Quotes of <strong>{request.label}</strong>, each with its article, outlet and date, its note and the article’s memo, with counts
          and charts.
        </p>
        <fieldset disabled={busy} className="export-kinds">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.format} className="export-kind">
              <input type="radio" name="format" checked={format === f.format} onChange={() => setFormat(f.format)} />
              <span>
                <strong>{f.label}</strong>
                <span className="muted small"> — {f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {oneClaim ? null : (
          <fieldset disabled={busy} className="export-options">
            <legend>Group quotes by</legend>
            <label>
              <input type="radio" name="group" checked={groupBy === 'tag'} onChange={() => setGroupBy('tag')} /> Tag
            </label>
            <label>
              <input type="radio" name="group" checked={groupBy === 'claim'} onChange={() => setGroupBy('claim')} /> Claim
            </label>
          </fieldset>
        )}
        {busy ? (
          <div className="code-hits-progress">
            <progress
              aria-label="Making the report"
              {...(progress && progress.stage === 'reading' ? { max: Math.max(progress.total, 1), value: progress.done } : {})}
            />
            <span role="status">{cancelling ? 'Cancelling…' : progress ? progressText(progress) : 'Starting…'}</span>
          </div>
        ) : null}
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="buttons">
          <button type="button" className="button" onClick={cancel} disabled={cancelling}>
            {busy ? 'Cancel report' : 'Cancel'}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Save report…
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The Report dialog, wherever it was asked for; one at a time. */
export function ReportHost() {
  const request = useReportRequest();
  return request ? <ReportForm key={JSON.stringify(request)} request={request} /> : null;
}
