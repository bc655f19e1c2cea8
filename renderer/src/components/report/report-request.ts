import { useSyncExternalStore } from 'react';
import type { ReportScope } from '../../../../electron/shared/report';

/** What a report is asked for, and how the dialog names it ("the 12 passages shown", "tag Syria"). */
export interface ReportRequest {
  scope: ReportScope;
  label: string;
  /** The file name offered. */
  name: string;
}

let current: ReportRequest | null = null;
const listeners = new Set<() => void>();

function set(next: ReportRequest | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Opens the Report dialog from anywhere (the Passages view, a tag's menu, a claim's page). */
export const requestReport = (request: ReportRequest): void => set(request);
export const closeReport = (): void => set(null);

export function useReportRequest(): ReportRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** A file name from a label: letters, digits and dashes only (every system takes it). */
export function fileStem(label: string): string {
  const stem = label
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return stem === '' ? 'report' : `report-${stem.toLowerCase()}`;
}
