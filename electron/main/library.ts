import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Context } from '../core/handlers';
import type { Parser } from '../core/import/pipeline';
import { Session } from '../core/session';
import { migrationReporter } from '../core/library/migration-progress';
import type { ProfileStore } from '../core/teams/profile';

/**
 * The library this process has open. Switching opens the new file first, so a file that cannot
 * be opened (foreign, damaged, newer) leaves the current library in place and throws its reason.
 */
export class LibraryHost {
  private current: Session | null = null;

  constructor(
    private readonly parser: Parser,
    private readonly nativeBinding: string | undefined,
    private readonly onSwitch: (session: Session) => void,
    private readonly chooseSavePath: NonNullable<Context['chooseSavePath']>,
    private readonly profile?: ProfileStore,
  ) {}

  get session(): Session {
    if (!this.current) throw new Error('No library is open yet.');
    return this.current;
  }

  context(): Context {
    return { session: this.session, parser: this.parser, chooseSavePath: this.chooseSavePath };
  }

  open(path: string): void {
    const target = resolve(path);
    if (this.current?.lib.path === target) return;
    mkdirSync(dirname(target), { recursive: true });
    // An upgrade of a large older library re-indexes it; its progress goes to the log.
    const next = new Session(target, {
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      onMigrationProgress: migrationReporter(process.stdout),
      ...(this.profile ? { profile: this.profile } : {}),
    });
    next.watchExternalChanges();
    next.indexInBackground();
    this.current?.close();
    this.current = next;
    this.onSwitch(next);
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
