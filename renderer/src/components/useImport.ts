import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportReport } from '../../../electron/shared/types';
import { call, transport } from '../client/api';

export interface ImportState {
  progress: ImportProgress | null;
  report: ImportReport | null;
  uploading: number;
  error: string | null;
}

/**
 * Tracks import jobs from their events, whoever started them (this view, the native menu, a
 * drop), so progress and results always show.
 */
export function useImport() {
  const [state, setState] = useState<ImportState>({ progress: null, report: null, uploading: 0, error: null });

  useEffect(() => {
    const offProgress = transport.on('import.progress', (progress) =>
      setState((s) => ({ ...s, progress, report: s.report?.jobId === progress.jobId ? s.report : null, uploading: 0 })),
    );
    const offFinished = transport.on('import.finished', (report) => setState((s) => ({ ...s, progress: null, report })));
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
    setState({ progress: null, report: null, uploading: files.length, error: null });
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

  const dismiss = useCallback(() => setState({ progress: null, report: null, uploading: 0, error: null }), []);

  return { state, start, cancel, dismiss };
}
