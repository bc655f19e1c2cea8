import Database from 'better-sqlite3';
import { closeSync, openSync, truncateSync, writeSync, statSync } from 'node:fs';

/** Overwrites one page of a table's data (a leaf page, read from SQLite's dbstat) with garbage, as a failing disk would. */
export function garblePageOf(library: string, table: string, nth = 3): number {
  const db = new Database(library);
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const page = pages[Math.min(nth, pages.length - 1)]!;
  const fd = openSync(library, 'r+');
  const garbage = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i++) garbage[i] = (i * 7919 + 13) % 251;
  writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return page;
}

/** Cuts a file to a fraction of its length, as an interrupted copy would. */
export function truncateTo(path: string, fraction: number): void {
  truncateSync(path, Math.floor((statSync(path).size * fraction) / 4096) * 4096);
}
