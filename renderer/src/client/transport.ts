import type { Envelope, EventName, Events } from '../../../electron/shared/contract';

/** How the renderer reaches the host: Electron IPC or HTTP. Views never see which. */
export interface Transport {
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Starts importing files the user picked or dropped; resolves with the job id. The signal cancels handing them over. */
  importFiles(files: File[], signal?: AbortSignal): Promise<string>;
}
