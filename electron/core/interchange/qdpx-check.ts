/** Reads a REFI-QDA archive and checks it whole, writing nothing: the qdpx worker's work. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { QdpxProgress } from '../../shared/types';
import { plural } from '../../shared/counts';
import { ImportError } from '../import/errors';
import { formatMegabytes } from '../import/size';
import { readZip, streamZip } from '../import/zip';
import { PROJECT_ENTRY, sourceEntry } from './qdpx-common';
import { type QdeText, labelOf, qdeReader } from './qdpx-read';
import { normaliseSource } from './qdpx-text';
import type { CheckedSelection, Checked, PreparedSource } from './qdpx-write';

/** Projects are bigger than documents (project.qde of a large study, every source's text). */
const LIMITS = { maxEntries: 100_000, maxEntryBytes: 256_000_000, maxTotalBytes: 512_000_000 };
const MAX_ARCHIVE_BYTES = 1_000_000_000;
/** project.qde read between two progress reports. */
const PROGRESS_BYTES = 512 * 1024;

function utf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${what} is not UTF-8 text, as REFI-QDA requires`);
  }
}

async function checkSize(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new ImportError(error.code === 'ENOENT' ? 'no such file' : error.message);
  });
  if (info.size > MAX_ARCHIVE_BYTES)
    throw new ImportError(`the project is ${formatMegabytes(info.size)}; the limit is ${formatMegabytes(MAX_ARCHIVE_BYTES)}`);
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
      codedBy: s.codedBy,
      creatingUser: s.creatingUser,
      created: s.created,
      modified: s.modified,
    };
  });
  // The checked selections replace the source's own: the project is not held twice.
  return { source: { ...source, selections: [] }, entry, bytes, text: text.text, selections };
}

/**
 * Streams project.qde out of the archive through the XML reader (the document is never held
 * whole), then reads the texts it names and checks every selection against them.
 */
export async function readCheckedProject(path: string, onProgress: (progress: QdpxProgress) => void): Promise<Checked> {
  await checkSize(path);
  const reader = qdeReader();
  let found = false;
  await streamZip(
    { path },
    {
      ...LIMITS,
      consume: (name, total) => {
        if (name.toLowerCase() !== PROJECT_ENTRY || found) return null;
        found = true;
        const decoder = new TextDecoder('utf-8', { fatal: true });
        let read = 0;
        let reported = 0;
        const decode = (chunk?: Buffer): string => {
          try {
            return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
          } catch {
            throw new ImportError(`${PROJECT_ENTRY} is not UTF-8 text, as REFI-QDA requires`);
          }
        };
        onProgress({ read, total, selections: 0 });
        return {
          data: (chunk) => {
            reader.write(decode(chunk));
            read += chunk.length;
            if (read - reported >= PROGRESS_BYTES) {
              reported = read;
              onProgress({ read, total, selections: reader.selections });
            }
          },
          end: () => {
            reader.write(decode());
            onProgress({ read, total, selections: reader.selections });
          },
        };
      },
    },
  );
  if (!found) throw new ImportError(`there is no ${PROJECT_ENTRY} inside: this is not a REFI-QDA project`);
  const project = reader.close();
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
  const files =
    wanted.size === 0 ? new Map<string, Uint8Array>() : await readZip({ path }, { ...LIMITS, wanted: (name) => wanted.has(name) });
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
  const sources: PreparedSource[] = [];
  for (const source of project.sources) {
    const { entry, bytes } = fileOf(source);
    const ready = checkSource(source, entry, bytes, notes);
    if (ready.text.trim() === '') skipped.push(`source "${labelOf(source)}" is empty and was not imported`);
    else sources.push(ready);
  }
  if (project.otherSources > 0)
    skipped.push(`${plural(project.otherSources, 'picture, PDF, audio or video source')}: Marginalia holds text only`);
  // Each prepared source carries its own: the project's list would send them twice.
  project.sources = [];
  return { project, sources, notes, fileName: basename(path), skipped };
}
