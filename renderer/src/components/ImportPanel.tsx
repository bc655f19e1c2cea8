import { useState } from 'react';
import type { ImportReport } from '../../../electron/shared/types';
import { formatCount, plural } from '../../../electron/shared/counts';
import { formatElapsed } from '../format';
import { InlineLink } from './InlineLink';
import type { ImportState } from './useImport';

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function reportText(report: ImportReport): string {
  const lines = [
    `Imported ${report.imported.length} (reprints ${report.reprints.length}), duplicates skipped ${report.duplicates.length}, failed ${report.failed.length}${report.cancelled ? ' (cancelled)' : ''}`,
    ...report.imported.map((i) => `imported\t${i.file}\t${i.title}`),
    ...report.reprints.map((r) => `reprint\t${r.file}\tsame text as article ${r.copyOfId}: ${r.copyOfTitle}`),
    ...report.duplicates.map((d) => `duplicate\t${d.file}\tsame text as article ${d.existingId}: ${d.existingTitle}`),
    ...report.failed.map((f) => `failed\t${f.file}\t${f.error}`),
  ];
  return lines.join('\n');
}

const megabytes = (bytes: number): string => (bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 });

/** Progress of a running import (count, current file, elapsed, Cancel) and then its results. */
export function ImportPanel({
  state,
  onCancel,
  onDismiss,
  onOpenArticle,
}: {
  state: ImportState;
  onCancel(): void;
  onDismiss(): void;
  onOpenArticle(id: number): void;
}) {
  const [copied, setCopied] = useState(false);
  const { progress, report, uploading } = state;
  if (uploading > 0 && !progress) {
    return (
      <section className="panel" aria-label="Import">
        <header>
          <h2>Preparing {plural(uploading, 'file')}…</h2>
          <button type="button" className="button small" onClick={onCancel}>
            Cancel import
          </button>
        </header>
        <div className="body">
          <div className="progress" role="progressbar" aria-label="Import progress" />
        </div>
      </section>
    );
  }
  if (progress) {
    const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    return (
      <section className="panel" aria-label="Import">
        <header>
          <h2>Importing…</h2>
          <button type="button" className="button small" onClick={onCancel}>
            Cancel import
          </button>
        </header>
        <div className="body">
          <div
            className="progress"
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={`${formatCount(progress.done)} of ${plural(progress.total, 'file')}`}
          >
            <div style={{ width: `${percent}%` }} />
          </div>
          <div className="progress-text" role="status">
            <span>
              {formatCount(progress.done)} of {plural(progress.total, 'file')} · {formatCount(progress.imported)} imported
              {progress.reprints ? ` (${plural(progress.reprints, 'reprint')})` : ''}
              {progress.duplicates ? ` · ${plural(progress.duplicates, 'duplicate')}` : ''}
              {progress.failed ? ` · ${formatCount(progress.failed)} failed` : ''}
            </span>
            <span aria-label="Elapsed time">{formatElapsed(progress.elapsedMs)}</span>
          </div>
          {progress.project ? (
            <div className="current-file" title={progress.project.file}>
              Reading {baseName(progress.project.file)}: {megabytes(progress.project.read)} of {megabytes(progress.project.total)} MB,{' '}
              {plural(progress.project.selections, 'coded selection')}
            </div>
          ) : progress.current ? (
            <div className="current-file" title={progress.current}>
              {baseName(progress.current)}
            </div>
          ) : null}
        </div>
      </section>
    );
  }
  if (!report) return null;
  const copy = async () => {
    await navigator.clipboard.writeText(reportText(report));
    setCopied(true);
  };
  return (
    <section className="panel results" aria-label="Import results">
      <header>
        <h2>
          {report.cancelled ? 'Import cancelled' : 'Import finished'}: {formatCount(report.imported.length)} imported
          {report.reprints.length ? ` (${plural(report.reprints.length, 'reprint')})` : ''}
          {report.duplicates.length ? `, ${plural(report.duplicates.length, 'duplicate')}` : ''}
          {report.failed.length ? `, ${formatCount(report.failed.length)} failed` : ''}
        </h2>
        <button type="button" className="button small" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy results'}
        </button>
        <button type="button" className="button small" onClick={onDismiss} aria-label="Close import results">
          ✕
        </button>
      </header>
      <div className="body">
        {report.cancelled ? (
          <p role="status">
            Cancelled after {formatElapsed(report.elapsedMs)}: everything listed below was imported and kept; the remaining files were not
            imported.
          </p>
        ) : null}
        {report.failed.length ? (
          <>
            <h3>Failed</h3>
            <ul className="failed" aria-label="Failed files">
              {report.failed.map((f) => (
                <li key={f.file}>{f.error}</li>
              ))}
            </ul>
          </>
        ) : null}
        {report.reprints.length ? (
          <>
            <h3>Reprints imported</h3>
            <ul aria-label="Reprinted files">
              {report.reprints.slice(0, 500).map((r) => (
                <li key={r.articleId}>
                  <InlineLink onOpen={() => onOpenArticle(r.articleId)}>{r.title}</InlineLink>: the text of{' '}
                  <InlineLink onOpen={() => onOpenArticle(r.copyOfId)}>{r.copyOfTitle}</InlineLink>
                </li>
              ))}
              {report.reprints.length > 500 ? (
                <li>… and {formatCount(report.reprints.length - 500)} more (Copy results lists all)</li>
              ) : null}
            </ul>
          </>
        ) : null}
        {report.duplicates.length ? (
          <>
            <h3>Duplicates skipped</h3>
            <ul aria-label="Duplicate files">
              {report.duplicates.map((d) => (
                <li key={d.file}>
                  {baseName(d.file)}: same text as <InlineLink onOpen={() => onOpenArticle(d.existingId)}>{d.existingTitle}</InlineLink>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {report.imported.length ? (
          <>
            <h3>Imported</h3>
            <ul aria-label="Imported files">
              {report.imported.slice(0, 500).map((i) => (
                <li key={i.articleId}>
                  <button type="button" className="button link" onClick={() => onOpenArticle(i.articleId)}>
                    {i.title}
                  </button>{' '}
                  <span>{baseName(i.file)}</span>
                </li>
              ))}
              {report.imported.length > 500 ? (
                <li>… and {formatCount(report.imported.length - 500)} more (Copy results lists all)</li>
              ) : null}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
