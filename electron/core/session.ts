import { EventEmitter } from 'node:events';
import type { Events, EventName } from '../shared/contract';
import type { ChangeKind, EditState } from '../shared/types';
import type { Edit } from './edits';
import { MarginaliaError } from './errors';
import { changesSince, logEnd, recordChange } from './library/change-log';
import { type Library, type OpenOptions, openLibrary } from './library/open';

const UNDO_DEPTH = 500;

/**
 * One open library in a host process (Electron main or the HTTP host): the writer connection,
 * the undo/redo history every view shares, running jobs, and the event stream views listen to.
 */
export class Session {
  readonly lib: Library;
  private readonly emitter = new EventEmitter();
  private undoStack: Edit[] = [];
  private redoStack: Edit[] = [];
  private dataVersion: number;
  /** The last change-log row read: rows after it say what other processes changed. */
  private logSeen: number;
  private watcher: NodeJS.Timeout | null = null;
  readonly jobs = new Map<string, AbortController>();

  constructor(path: string, options: OpenOptions = {}) {
    this.lib = openLibrary(path, options);
    this.emitter.setMaxListeners(100);
    this.dataVersion = this.readDataVersion();
    this.logSeen = logEnd(this.lib.db);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit(event, payload);
  }

  /**
   * Announces a change committed outside `apply` (our own commits do not move our connection's
   * data_version), and logs it for other processes when its transaction did not.
   */
  changed(kinds: ChangeKind[], logged = false): void {
    if (!logged) recordChange(this.lib.db, kinds);
    this.emit('library.changed', { kinds });
  }

  /** Runs an edit in one transaction (its change logged with it), records it for undo and announces it. */
  apply<T>(perform: () => Edit<T>): T {
    const edit = this.lib.db
      .transaction(() => {
        const done = perform();
        recordChange(this.lib.db, done.changes);
        return done;
      })
      .immediate();
    this.undoStack.push(edit);
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    this.redoStack = [];
    this.emit('library.changed', { kinds: edit.changes });
    return edit.value;
  }

  undo(): EditState {
    const edit = this.undoStack.pop();
    if (!edit) throw new MarginaliaError('nothing-to-undo', 'There is nothing to undo.');
    const redo = this.revert(edit, this.undoStack);
    this.redoStack.push(redo);
    return this.editState();
  }

  redo(): EditState {
    const edit = this.redoStack.pop();
    if (!edit) throw new MarginaliaError('nothing-to-undo', 'There is nothing to redo.');
    const undo = this.revert(edit, this.redoStack);
    this.undoStack.push(undo);
    return this.editState();
  }

  private revert(edit: Edit, source: Edit[]): Edit {
    try {
      const kinds = (back: Edit) => [...new Set([...edit.changes, ...back.changes])];
      const back = this.lib.db
        .transaction(() => {
          const reverted = edit.revert();
          recordChange(this.lib.db, kinds(reverted));
          return reverted;
        })
        .immediate();
      this.emit('library.changed', { kinds: kinds(back) });
      return back;
    } catch (error) {
      // The history no longer matches the library (another process changed it): keep the step so
      // nothing is silently lost, and say why it cannot be taken back.
      source.push(edit);
      throw new MarginaliaError('conflict', `Cannot undo "${edit.label}": ${(error as Error).message}`);
    }
  }

  editState(): EditState {
    const undo = this.undoStack.at(-1);
    const redo = this.redoStack.at(-1);
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      undoLabel: undo?.label ?? null,
      redoLabel: redo?.label ?? null,
    };
  }

  private readDataVersion(): number {
    return this.lib.db.pragma('data_version', { simple: true }) as number;
  }

  /**
   * Notices commits by other processes (the CLI, another window) and announces what they
   * changed, from the change log they wrote; a commit that left no row announces `library`.
   */
  watchExternalChanges(intervalMs = 1000): void {
    if (this.watcher) return;
    this.watcher = setInterval(() => {
      const version = this.readDataVersion();
      if (version === this.dataVersion) return;
      this.dataVersion = version;
      const { end, kinds } = changesSince(this.lib.db, this.logSeen);
      this.logSeen = end;
      this.emit('library.changed', { kinds: kinds ?? ['library'] });
    }, intervalMs);
    this.watcher.unref();
  }

  close(): void {
    if (this.watcher) clearInterval(this.watcher);
    for (const job of this.jobs.values()) job.abort();
    this.emitter.removeAllListeners();
    this.lib.close();
  }
}
