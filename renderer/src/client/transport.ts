import type { Args, Envelope, EventName, Events } from '../../../electron/shared/contract';

/** How the renderer reaches the host: Electron IPC or HTTP. Views never see which. */
export interface Transport {
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Starts importing files the user picked or dropped; resolves with the job id. The signal cancels handing them over. */
  importFiles(files: File[], signal?: AbortSignal): Promise<string>;
  /** Hands one file the user picked to the host (an upload, or a grant in the desktop app); resolves with the path commands take for it. */
  handOver(file: File): Promise<string>;
  /**
   * Runs an export to a file the user chooses: a save dialog in the desktop app, a download in a
   * browser. Resolves with where it went, or null when the user cancelled.
   */
  saveExport<K extends ExportCommand>(command: K, args: Omit<Args<K>, 'path'>, file: ExportFile): Promise<string | null>;
}

/** Export commands that write a file at a path. */
export type ExportCommand =
  | 'export.passagesCsv'
  | 'export.claimsCsv'
  | 'export.claimsJsonLd'
  | 'export.linksCsv'
  | 'export.memosCsv'
  | 'export.annotations'
  | 'export.qdpx'
  | 'export.report';

export interface ExportFile {
  title: string;
  defaultName: string;
  filters: Array<{ name: string; extensions: string[] }>;
}
