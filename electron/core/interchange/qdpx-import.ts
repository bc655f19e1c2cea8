import type { Database } from 'better-sqlite3';
import { writeTransaction } from '../library/write';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportReport, QdpxImportReport } from '../../shared/types';
import type { Clock } from '../clock';
import { ImportError, importErrorMessage } from '../import/errors';
import { formatMegabytes } from '../import/size';
import { readZip } from '../import/zip';
import { PROJECT_ENTRY, sourceEntry } from './qdpx-common';
import { type QdeText, labelOf, readProject } from './qdpx-read';
import { normaliseSource } from './qdpx-text';
import { type CheckedSelection, type PreparedSource, writeProject } from './qdpx-write';
import { plural } from '../../shared/counts';

/** Projects are bigger than documents (project.qde of a large study, every source's text). */
const LIMITS = { maxEntries: 100_000, maxEntryBytes: 256_000_000, maxTotalBytes: 512_000_000 };
const MAX_ARCHIVE_BYTES = 1_000_000_000;

function utf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${what} is not UTF-8 text, as REFI-QDA requires`);
  }
}

async function readArchive(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new ImportError(error.code === 'ENOENT' ? 'no such file' : error.message);
  });
  if (info.size > MAX_ARCHIVE_BYTES)
    throw new ImportError(`the project is ${formatMegabytes(info.size)}; the limit is ${formatMegabytes(MAX_ARCHIVE_BYTES)}`);
  return readFile(path);
}

/** Every file a source or note names must be inside the archive (see sourceEntry). */
function entryOf(text: QdeText, what: string): string | null {
  if (text.content !== null) return null;
  if (!text.plainTextPath) throw new ImportError(`${what} "${labelOf(text)}" has neither text nor a text file`);
  const entry = sourceEntry(text.plainTextPath);
  if (!entry) throw new ImportError(`${what} "${labelOf(text)}" points outside the project (${text.plainTextPath}) — refused`);
  return entry;
}

/** Checks every selection against its source's text before anything is written. */
function checkSource(source: QdeText, entry: string, bytes: Uint8Array, notes: Map<string, string>): PreparedSource {
  const text = normaliseSource(source.content ?? utf8(bytes, `the text of source "${labelOf(source)}"`));
  const selections = source.selections.map((s): CheckedSelection => {
    if (s.start >= s.end || s.end > text.length) {
      throw new ImportError(
        `selection "${s.label}" in source "${labelOf(source)}" covers characters ${s.start}–${s.end}, outside its text (${text.length} characters)`,
      );
    }
    // Notes are kept exactly as written; only empty ones are dropped.
    const note = [s.description, ...s.noteRefs.map((guid) => notes.get(guid) ?? '')].filter((n) => n.trim() !== '');
    return {
      guid: s.guid,
      start: text.toOffset(s.start),
      end: text.toOffset(s.end),
      note,
      codeRefs: s.codeRefs,
      created: s.created,
      modified: s.modified,
    };
  });
  return { source, entry, bytes, text, selections };
}

/**
 * Reads a REFI-QDA project (.qdpx) into the library: its codebook (merged by path with the one
 * there), its text sources as articles (a source whose text is already in the library keeps that
 * article and gains the project's passages), passages with their codes and notes, and the claims
 * and links a Marginalia export carries. Everything is checked first and written in one
 * transaction: a damaged or hostile archive is refused whole, with the library untouched.
 */
export async function importQdpx(db: Database, clock: Clock, path: string): Promise<QdpxImportReport> {
  const bytes = await readArchive(path);
  const project = readProject(utf8(await projectBytes(bytes), PROJECT_ENTRY));
  const skipped: string[] = [];

  const wanted = new Map<string, QdeText>();
  for (const source of project.sources) {
    const entry = entryOf(source, 'source');
    if (entry) wanted.set(entry, source);
  }
  for (const note of project.notes) {
    const entry = entryOf(note, 'note');
    if (entry) wanted.set(entry, note);
  }
  const files = wanted.size === 0 ? new Map<string, Uint8Array>() : await readZip(bytes, { ...LIMITS, wanted: (name) => wanted.has(name) });
  for (const [entry, text] of wanted) {
    if (!files.has(entry)) throw new ImportError(`the text of "${labelOf(text)}" (${entry}) is missing from the archive`);
  }
  const fileOf = (text: QdeText): { entry: string; bytes: Uint8Array } => {
    if (text.content !== null) return { entry: PROJECT_ENTRY, bytes: Buffer.from(text.content, 'utf8') };
    const entry = entryOf(text, 'text') as string;
    return { entry, bytes: files.get(entry) as Uint8Array };
  };

  const notes = new Map<string, string>();
  for (const note of project.notes) notes.set(note.guid, note.content ?? utf8(fileOf(note).bytes, `note "${labelOf(note)}"`));
  const prepared: PreparedSource[] = [];
  for (const source of project.sources) {
    const { entry, bytes: raw } = fileOf(source);
    const ready = checkSource(source, entry, raw, notes);
    if (ready.text.text.trim() === '') skipped.push(`source "${labelOf(source)}" is empty and was not imported`);
    else prepared.push(ready);
  }
  if (project.otherSources > 0)
    skipped.push(`${plural(project.otherSources, 'picture, PDF, audio or video source')}: Marginalia holds text only`);

  return writeTransaction(db, () => writeProject(db, clock, { project, sources: prepared, notes, fileName: basename(path), skipped }));
}

async function projectBytes(archive: Uint8Array): Promise<Uint8Array> {
  const entries = await readZip(archive, { ...LIMITS, wanted: (name) => name.toLowerCase() === PROJECT_ENTRY });
  const qde = [...entries.values()][0];
  if (!qde) throw new ImportError(`there is no ${PROJECT_ENTRY} inside: this is not a REFI-QDA project`);
  return qde;
}

/** The pipeline's hook: imports one .qdpx and adds its articles, duplicates or failure to a batch import's report. */
export async function importQdpxInto(
  db: Database,
  clock: Clock,
  file: string,
  report: ImportReport,
  name: (p: string) => string,
): Promise<void> {
  try {
    const result = await importQdpx(db, clock, file);
    for (const article of result.imported) report.imported.push({ file: name(file), ...article });
    for (const duplicate of result.duplicates) {
      report.duplicates.push({
        file: `${name(file)} (${duplicate.source})`,
        existingId: duplicate.existingId,
        existingTitle: duplicate.existingTitle,
      });
    }
  } catch (error) {
    report.failed.push({ file: name(file), error: `${basename(name(file))}: ${importErrorMessage(error)}` });
  }
}
