import type { Database } from 'better-sqlite3';
import { recordChange } from '../library/change-log';
import { hostname } from 'node:os';
import type { InterruptedImport } from '../../shared/types';
import { type Clock, isoNow } from '../clock';

/** A file of an import job, in the order the job takes them. */
export interface JobFile {
  position: number;
  path: string;
  shownAs: string;
}

/** The process running a job: another process tells a live job from one whose process is gone. */
function ownerTag(): string {
  return `${hostname()}:${process.pid}`;
}

function ownerAlive(owner: string, runningHere: ReadonlySet<string>, jobId: string): boolean {
  const at = owner.lastIndexOf(':');
  const host = owner.slice(0, at);
  const pid = Number(owner.slice(at + 1));
  if (host !== hostname()) return true; // another machine's job (a shared folder): not ours to judge
  if (pid === process.pid) return runningHere.has(jobId);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Records a job and its whole file list (the caller runs it in a write transaction). */
export function createJob(db: Database, clock: Clock, id: string, requested: string[], files: JobFile[]): void {
  db.prepare('INSERT INTO import_jobs (id, started_at, owner, paths) VALUES (?, ?, ?, ?)').run(
    id,
    isoNow(clock),
    ownerTag(),
    JSON.stringify(requested),
  );
  const insert = db.prepare('INSERT INTO import_job_files (job_id, position, path, shown_as) VALUES (?, ?, ?, ?)');
  for (const file of files) insert.run(id, file.position, file.path, file.shownAs);
  recordChange(db, []);
}

/** Takes over an interrupted job: this process runs it now. */
export function adoptJob(db: Database, id: string): void {
  db.prepare('UPDATE import_jobs SET owner = ? WHERE id = ?').run(ownerTag(), id);
  recordChange(db, []);
}

/** Marks files done inside the transaction that wrote them (or found them duplicate or unreadable). */
export function jobMarker(db: Database, id: string): (positions: readonly number[]) => void {
  const mark = db.prepare('UPDATE import_job_files SET done = 1 WHERE job_id = ? AND position = ?');
  return (positions) => {
    for (const position of positions) mark.run(id, position);
  };
}

export function endJob(db: Database, id: string): void {
  db.prepare('DELETE FROM import_jobs WHERE id = ?').run(id);
  recordChange(db, []);
}

export function remainingFiles(db: Database, id: string): JobFile[] {
  return db
    .prepare('SELECT position, path, shown_as AS shownAs FROM import_job_files WHERE job_id = ? AND done = 0 ORDER BY position')
    .all(id) as JobFile[];
}

/** Jobs whose process ended before they did (killed, crashed, out of disk), newest first. */
export function interruptedImports(db: Database, runningHere: ReadonlySet<string>): InterruptedImport[] {
  const jobs = db
    .prepare(
      `SELECT j.id, j.started_at AS startedAt, j.owner, j.paths,
              count(f.position) AS total, coalesce(sum(f.done), 0) AS done
       FROM import_jobs j LEFT JOIN import_job_files f ON f.job_id = j.id
       GROUP BY j.id ORDER BY j.started_at DESC`,
    )
    .all() as Array<{ id: string; startedAt: string; owner: string; paths: string; total: number; done: number }>;
  return jobs
    .filter((job) => !ownerAlive(job.owner, runningHere, job.id))
    .map((job) => ({
      jobId: job.id,
      startedAt: job.startedAt,
      requested: JSON.parse(job.paths) as string[],
      total: job.total,
      done: job.done,
      remaining: job.total - job.done,
    }));
}
