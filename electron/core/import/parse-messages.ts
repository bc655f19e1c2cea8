/** What the parse pool and its workers say to each other, and what a parse comes to. */
import type { PreparedArticle } from './prepare';

export type ParseOutcome =
  { ok: true; article: PreparedArticle; bytes: Uint8Array; size: number } | { ok: false; error: string; cancelled?: true };

/** A file whose import was cancelled before it was read: not a failure, just not imported. */
export const CANCELLED = { ok: false, error: 'the import was cancelled', cancelled: true } as const satisfies ParseOutcome;

/**
 * Messages between the pool and its workers carry several files each way: a message costs about
 * as much as parsing a small text file, so one per file would double the cost of cheap files.
 */
export type WorkerRequest = { jobs: { id: number; path: string }[] } | { cancel: number[] };
export type WorkerResult = { id: number } & ParseOutcome;
export type WorkerReply = { results: WorkerResult[] } | { ready: true };

export interface ParseWorkerData {
  /** Lower this thread's priority as far as it goes (see the pool's spawn). */
  background: boolean;
}
