import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportReport } from '../../../electron/shared/types';
import { call, transport } from '../client/api';

export interface ImportState {
  progress: ImportProgress | null;
  report: ImportReport | null;
  uploading: number;
  error: string | null;
  /** The library's article count from the last import event, and when it came. */
  libraryArticles: { count: number; at: number } | null;
}

/**
 * The article count to show: the import's own events, or the library's stats when they are newer.
 * During an import every commit re-requests the stats, and each request is cancelled by the next
 * commit's change event before it returns, so the stats alone would lag behind the import's end.
 */
export function articleCount(state: ImportState, stats: { articles: number } | undefined, statsUpdatedAt: number): number | undefined {
  const fromImport = state.libraryArticles;
  return fromImport && (stats === undefined || fromImport.at > statsUpdatedAt) ? fromImport.count : stats?.articles;
}

/**
 * Tracks import jobs from their events, whoever started them (this view, the native menu, a
 * drop), so progress and results always show.
 */
export function useImport() {
  const [state, setState] = useState<ImportState>({ progress: null, report: null, uploading: 0, error: null, libraryArticles: null });

  useEffect(() => {
    const offProgress = transport.on('import.progress', (progress) =>
      setState((s) => ({
        ...s,
        progress,
        report: s.report?.jobId === progress.jobId ? s.report : null,
        uploading: 0,
        libraryArticles: { count: progress.libraryArticles, at: Date.now() },
      })),
    );
    const offFinished = transport.on('import.finished', (report) =>
      setState((s) => ({ ...s, progress: null, report, libraryArticles: { count: report.libraryArticles, at: Date.now() } })),
    );
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const handOver = useRef<AbortController | null>(null);

  const start = useCallback(async (files: File[]) => {
    if (files.length === 0) return;
    const controller = new AbortController();
    handOver.current = controller;
    setState((s) => ({ ...s, progress: null, report: null, uploading: files.length, error: null }));
    try {
      await transport.importFiles(files, controller.signal);
    } catch (error) {
      const message = controller.signal.aborted
        ? 'Import cancelled before any file was imported.'
        : `The import could not start: ${(error as Error).message}`;
      setState((s) => ({ ...s, uploading: 0, error: message }));
    } finally {
      handOver.current = null;
    }
  }, []);

  /** Cancels handing files over, or the running job (which keeps what it already imported). */
  const cancel = useCallback(async () => {
    if (state.progress) await call('import.cancel', { jobId: state.progress.jobId });
    else handOver.current?.abort();
  }, [state.progress]);

  const dismiss = useCallback(() => setState((s) => ({ ...s, progress: null, report: null, uploading: 0, error: null })), []);

  return { state, start, cancel, dismiss };
}
