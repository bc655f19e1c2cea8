import { EventEmitter } from 'node:events';
import type { Events, EventName } from '../shared/contract';
import type { ChangeKind, EditState } from '../shared/types';
import type { Edit } from './edits';
import { MarginaliaError } from './errors';
import { indexQueued } from './claims/sentence-index';
import { dailyBackup } from './library/backup';
import { WAITING_MESSAGE, whenFree } from './library/busy';
import { changesSince, logEnd, recordChange } from './library/change-log';
import { type Library, type OpenOptions, openLibrary } from './library/open';
import { writeTransaction } from './library/write';
import type { CurrentCoder } from '../shared/coders';
import { actAs, currentCoder } from './teams/acting';
import { type ProfileStore, osUserName } from './teams/profile';

const UNDO_DEPTH = 500;

export interface SessionOptions extends OpenOptions {
  /** Where the host keeps the coder profile (the app, `serve`): who edits, unless `coder` says. */
  profile?: ProfileStore;
  /** The coder this session's edits are recorded as (`--coder NAME`), whatever the profile says. */
  coder?: string;
}
const HOUR_MS = 60 * 60 * 1000;

/** An undo or redo refused because the rows it would put back were changed elsewhere since. */
class StepRefused extends Error {}

/**
 * One open library in a host process (Electron main or the HTTP host): the writer connection,
 * the undo/redo history every view shares, running jobs, and the event stream views listen to.
 */
export class Session {
  readonly lib: Library;
  private readonly emitter = new EventEmitter();
  private undoStack: Edit[] = [];
  private redoStack: Edit[] = [];
  /** Why the last undo or redo was refused, until the next step succeeds. */
  private refused: string | null = null;
  /** Edits, undos and redos of this session run one after another, also while one waits for the lock. */
  private queue: Promise<unknown> = Promise.resolve();
  private dataVersion: number;
  /** The last change-log row read: rows after it say what other processes changed. */
  private logSeen: number;
  private watcher: NodeJS.Timeout | null = null;
  private backups: NodeJS.Timeout | null = null;
  private indexer: NodeJS.Timeout | null = null;
  readonly jobs = new Map<string, AbortController>();
  private readonly profile: ProfileStore | undefined;

  constructor(path: string, options: SessionOptions = {}) {
    this.lib = openLibrary(path, options);
    this.profile = options.profile;
    this.actAsGiven(options.coder);
    this.emitter.setMaxListeners(100);
    this.dataVersion = this.readDataVersion();
    if (this.lib.readOnly === null) {
      // A daily copy in the library's backups folder, made between other work; looked at hourly
      // while the library stays open for days.
      const daily = (): void => void dailyBackup(this.lib.db, this.lib.path, this.lib.clock, options.nativeBinding);
      setImmediate(daily);
      this.backups = setInterval(daily, HOUR_MS);
      this.backups.unref();
    }
    this.logSeen = logEnd(this.lib.db);
  }

  /**
   * The coder at start: the one given, else the profile's, else the OS user (and the host reports
   * that no profile was saved, so the UI asks). Without a profile store nobody is recorded.
   */
  private actAsGiven(given: string | undefined): void {
    if (this.lib.readOnly !== null) return;
    const saved = this.profile?.read() ?? null;
    if (given !== undefined) {
      const colour = saved && saved.name.toLowerCase() === given.trim().toLowerCase() ? { colour: saved.colour } : {};
      actAs(this.lib.db, this.lib.clock, { name: given, ...colour });
    } else if (this.profile) {
      actAs(this.lib.db, this.lib.clock, saved ?? { name: osUserName() }, { needsProfile: saved === null });
    }
  }

  /** Who this session records as the coder of its edits (null: nobody, as in tests and read-only libraries). */
  coder(): CurrentCoder | null {
    return currentCoder(this.lib.db);
  }

  /**
   * Records the following edits as `who`'s (registered in this library by their first edit) and
   * keeps them as the profile. A coder the library knows keeps the colour it has there.
   */
  switchCoder(who: { name: string; colour?: string | undefined }): Promise<CurrentCoder> {
    return this.serial(async () => {
      this.refuseIfReadOnly();
      actAs(this.lib.db, this.lib.clock, { name: who.name, ...(who.colour ? { colour: who.colour.toLowerCase() } : {}) });
      const now = currentCoder(this.lib.db) as CurrentCoder;
      this.profile?.write({ name: now.name, colour: now.colour });
      this.emit('library.changed', { kinds: ['coders'] });
      return now;
    });
  }

  /** Saves the acting coder as the profile again (after their name or colour changed). */
  saveProfile(): void {
    const now = currentCoder(this.lib.db);
    if (now) this.profile?.write({ name: now.name, colour: now.colour });
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit(event, payload);
  }

  /**
   * Announces a committed change (our own commits do not move our connection's data_version).
   * Its transaction logged it for other processes (change-log.ts) unless `logged` is false: then
   * it is logged now, if the library is free (else other processes refresh everything, as for any
   * unlogged commit).
   */
  changed(kinds: ChangeKind[], logged = true): void {
    if (!logged) {
      try {
        writeTransaction(this.lib.db, () => recordChange(this.lib.db, kinds));
      } catch {
        // Another program is writing: its watchers will hear "library".
      }
    }
    this.emit('library.changed', { kinds });
  }

  /** A transaction that logs what it changed for other processes. */
  private logged(perform: () => Edit, kinds: (edit: Edit) => ChangeKind[] = (edit) => edit.changes): () => Edit {
    return () => {
      const edit = perform();
      recordChange(this.lib.db, kinds(edit));
      return edit;
    };
  }

  /**
   * Runs `body` in a write transaction, waiting its turn while another program writes to the
   * library (views are told, so they can say so).
   */
  write<T>(body: () => T): Promise<T> {
    try {
      this.refuseIfReadOnly();
    } catch (error) {
      return Promise.reject(error);
    }
    return whenFree(this.lib.db, () => writeTransaction(this.lib.db, body), {
      onWait: (waiting) => this.emit('library.waiting', { waiting, message: waiting ? WAITING_MESSAGE : null }),
    });
  }

  /** Throws, in words, when this library cannot be changed. */
  refuseIfReadOnly(): void {
    if (this.lib.readOnly === null) return;
    throw new MarginaliaError(
      'read-only',
      `${this.lib.name} is open read-only (${this.lib.readOnly}): you can read, search and export it, but not change it. ` +
        'To change it, make the file writable (or open a copy of it) and open it again.',
    );
  }

  /** Runs an edit in one transaction, records it for undo and announces it. */
  apply<T>(perform: () => Edit<T>): Promise<T> {
    return this.serial(async () => {
      const edit = (await this.write(this.logged(perform))) as Edit<T>;
      this.undoStack.push(edit);
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
      this.redoStack = [];
      this.refused = null;
      this.changed(edit.changes);
      return edit.value;
    });
  }

  undo(): Promise<EditState> {
    return this.serial(async () => {
      const edit = this.undoStack.at(-1);
      if (!edit) throw new MarginaliaError('nothing-to-undo', 'There is nothing to undo.');
      this.redoStack.push(await this.revert(edit, this.undoStack, 'undo'));
      return this.editState();
    });
  }

  redo(): Promise<EditState> {
    return this.serial(async () => {
      const edit = this.redoStack.at(-1);
      if (!edit) throw new MarginaliaError('nothing-to-undo', 'There is nothing to redo.');
      this.undoStack.push(await this.revert(edit, this.redoStack, 'redo'));
      return this.editState();
    });
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Takes back `edit` (the top of `stack`) once its rows are found as it left them. When another
   * window or program has changed them since, nothing is written, the step leaves the history
   * (it can never apply cleanly again, and older steps stay reachable) and the refusal says why.
   */
  private async revert(edit: Edit, stack: Edit[], direction: 'undo' | 'redo'): Promise<Edit> {
    let back: Edit;
    const kinds = (reverted: Edit) => [...new Set([...edit.changes, ...reverted.changes])];
    try {
      back = await this.write(
        this.logged(() => {
          const conflict = edit.conflict();
          if (conflict) throw new StepRefused(conflict);
          return edit.revert();
        }, kinds),
      );
    } catch (error) {
      const clash = /constraint failed/i.test((error as Error).message) ? `it clashes with a change made` : null;
      if (!(error instanceof StepRefused) && !clash) throw error;
      stack.pop();
      this.refused =
        `Cannot ${direction} "${edit.label}": ${clash ?? (error as Error).message} in another window or program since. ` +
        `Nothing was ${direction === 'undo' ? 'undone' : 'redone'}; this step was taken off the ${direction} history.`;
      throw new MarginaliaError('conflict', this.refused);
    }
    stack.pop();
    this.refused = null;
    this.changed(kinds(back));
    return back;
  }

  editState(): EditState {
    const undo = this.undoStack.at(-1);
    const redo = this.redoStack.at(-1);
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      undoLabel: undo?.label ?? null,
      redoLabel: redo?.label ?? null,
      refused: this.refused,
    };
  }

  /**
   * Indexes queued articles' sentences for claims in the background: a few per turn (tens of
   * milliseconds), pausing while a job such as an import runs, so the connection stays free.
   */
  indexInBackground(intervalMs = 250, perTurn = 20): void {
    if (this.indexer) return;
    this.indexer = setInterval(() => {
      if (this.jobs.size > 0) return;
      try {
        indexQueued(this.lib.db, perTurn, perTurn);
      } catch {
        // Busy with another process's write: the next turn tries again.
      }
    }, intervalMs);
    this.indexer.unref();
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
      // Nothing any view shows (an import's bookkeeping) says nothing.
      if (kinds === null || kinds.length > 0) this.emit('library.changed', { kinds: kinds ?? ['library'] });
    }, intervalMs);
    this.watcher.unref();
  }

  close(): void {
    if (this.watcher) clearInterval(this.watcher);
    if (this.backups) clearInterval(this.backups);
    if (this.indexer) clearInterval(this.indexer);
    for (const job of this.jobs.values()) job.abort();
    this.emitter.removeAllListeners();
    this.lib.close();
  }
}
