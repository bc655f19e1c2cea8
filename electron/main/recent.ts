import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_RECENT = 10;

/** Recently opened libraries, newest first, kept as JSON in the user-data folder. */
export class RecentLibraries {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-libraries.json');
  }

  /** Libraries that still exist (a moved or deleted file drops out of the menu). */
  list(): string[] {
    return this.read().filter((path) => existsSync(path));
  }

  add(path: string): void {
    this.write([path, ...this.read().filter((p) => p !== path)].slice(0, MAX_RECENT));
  }

  clear(): void {
    this.write([]);
  }

  private read(): string[] {
    try {
      const data: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return Array.isArray(data) ? data.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return []; // first run, or a damaged list: start afresh rather than fail to launch
    }
  }

  private write(paths: string[]): void {
    writeFileSync(this.file, JSON.stringify(paths, null, 2));
  }
}
