import type { Database } from 'better-sqlite3';
import { newUid } from '../uid';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportReport, QdpxImportReport } from '../../shared/types';
import { PARTIAL_DATE } from '../../shared/contract';
import { describeRange } from '../anchoring/selector';
import type { Clock } from '../clock';
import { isoNow } from '../clock';
import { ImportError, importErrorMessage } from '../import/errors';
import { prepareArticle, sha256 } from '../import/prepare';
import { articleWriter } from '../import/pipeline';
import { formatMegabytes } from '../import/size';
import { readZip } from '../import/zip';
import type { ParsedArticle } from '../model';
import { pickColor } from '../tags/palette';
import { loadTree } from '../tags/queries';
import { ARTICLE_VARIABLES, CLAIM_VARIABLES, PROJECT_ENTRY, parseLinkName, sourceEntry } from './qdpx-common';
import { type QdeCode, type QdeProject, type QdeText, readProject } from './qdpx-read';
import { type SourceText, normaliseSource, paragraphBlocks } from './qdpx-text';
import { plural } from '../../shared/counts';

/** Projects are bigger than documents (project.qde of a large study, every source's text). */
const LIMITS = { maxEntries: 100_000, maxEntryBytes: 256_000_000, maxTotalBytes: 512_000_000 };
const MAX_ARCHIVE_BYTES = 1_000_000_000;

const KINDS = new Set(['statistic', 'quote', 'event', 'other']);
const STANCES = new Set(['asserts', 'attributes', 'questions', 'refutes']);
const RELATIONS = new Set(['supports', 'contradicts', 'varies', 'specifies', 'undercuts', 'related']);
const STATUSES = new Set(['suggested', 'confirmed', 'rejected']);

interface Selection {
  guid: string | null;
  start: number;
  end: number;
  note: string[];
  codeRefs: string[];
  created: string | null;
  modified: string | null;
}

interface PreparedSource {
  source: QdeText;
  entry: string;
  bytes: Uint8Array;
  text: SourceText;
  selections: Selection[];
}

const label = (text: QdeText): string => text.name || text.guid;

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
  if (!text.plainTextPath) throw new ImportError(`${what} "${label(text)}" has neither text nor a text file`);
  const entry = sourceEntry(text.plainTextPath);
  if (!entry) throw new ImportError(`${what} "${label(text)}" points outside the project (${text.plainTextPath}) — refused`);
  return entry;
}

/** Checks every selection against its source's text before anything is written. */
function prepare(source: QdeText, entry: string, bytes: Uint8Array, notes: Map<string, string>): PreparedSource {
  const text = normaliseSource(source.content ?? utf8(bytes, `the text of source "${label(source)}"`));
  const selections = source.selections.map((s): Selection => {
    if (s.start >= s.end || s.end > text.length) {
      throw new ImportError(
        `selection "${s.label}" in source "${label(source)}" covers characters ${s.start}–${s.end}, outside its text (${text.length} characters)`,
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

function timestamp(value: string | null, fallback: string): string {
  const time = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/** Tag names cannot hold "/" (it separates codebook levels): a look-alike keeps the name readable. */
function tagName(raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim().replaceAll('/', '\u2215').slice(0, 200);
  return name === '' ? 'Unnamed code' : name;
}

function tagColor(raw: string | null): string | null {
  if (raw === null) return null;
  const hex = raw.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
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
    if (!files.has(entry)) throw new ImportError(`the text of "${label(text)}" (${entry}) is missing from the archive`);
  }
  const fileOf = (text: QdeText): { entry: string; bytes: Uint8Array } => {
    if (text.content !== null) return { entry: PROJECT_ENTRY, bytes: Buffer.from(text.content, 'utf8') };
    const entry = entryOf(text, 'text') as string;
    return { entry, bytes: files.get(entry) as Uint8Array };
  };

  const notes = new Map<string, string>();
  for (const note of project.notes) notes.set(note.guid, note.content ?? utf8(fileOf(note).bytes, `note "${label(note)}"`));
  const prepared: PreparedSource[] = [];
  for (const source of project.sources) {
    const { entry, bytes: raw } = fileOf(source);
    const ready = prepare(source, entry, raw, notes);
    if (ready.text.text.trim() === '') skipped.push(`source "${label(source)}" is empty and was not imported`);
    else prepared.push(ready);
  }
  if (project.otherSources > 0)
    skipped.push(`${plural(project.otherSources, 'picture, PDF, audio or video source')}: Marginalia holds text only`);

  return db.transaction(() => write(db, clock, { project, sources: prepared, notes, fileName: basename(path), skipped })).immediate();
}

async function projectBytes(archive: Uint8Array): Promise<Uint8Array> {
  const entries = await readZip(archive, { ...LIMITS, wanted: (name) => name.toLowerCase() === PROJECT_ENTRY });
  const qde = [...entries.values()][0];
  if (!qde) throw new ImportError(`there is no ${PROJECT_ENTRY} inside: this is not a REFI-QDA project`);
  return qde;
}

interface Checked {
  project: QdeProject;
  sources: PreparedSource[];
  /** Every note's text by GUID. */
  notes: Map<string, string>;
  fileName: string;
  skipped: string[];
}

function write(db: Database, clock: Clock, { project, sources, notes, fileName, skipped }: Checked): QdpxImportReport {
  const now = isoNow(clock);
  const report: QdpxImportReport = {
    file: fileName,
    imported: [],
    duplicates: [],
    tags: { created: 0, existing: 0 },
    passages: 0,
    claims: 0,
    links: 0,
    skipped,
  };
  const codeTags = writeCodebook(db, project.codes, now, report);

  const writer = articleWriter(db, clock);
  const uidFree = (table: 'articles' | 'passages' | 'claims', uid: string | null): uid is string =>
    uid !== null && db.prepare(`SELECT 1 FROM ${table} WHERE uid = ?`).get(uid) === undefined;
  const findPassage = db.prepare('SELECT id FROM passages WHERE article_id = ? AND start = ? AND "end" = ?').pluck();
  const insertPassage = db.prepare(
    `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagPassage = db.prepare('INSERT OR IGNORE INTO passage_tags (passage_id, tag_id) VALUES (?, ?)');
  const passageOf = new Map<string, number>();
  let dangling = 0;

  for (const { source, entry, bytes, text, selections } of sources) {
    const duplicate = writer.duplicateOf(sha256(text.text));
    let articleId: number;
    if (duplicate) {
      articleId = duplicate.id;
      report.duplicates.push({ source: label(source), existingId: duplicate.id, existingTitle: duplicate.title });
    } else {
      // Only an article that is written is prepared, and only its metadata can be reported as skipped.
      const article = prepareArticle(articleOf(source, entry, text.text, skipped));
      articleId = writer.insert({
        article,
        title: article.title as string,
        sourceName: `${fileName}/${entry}`,
        size: bytes.length,
        bytes,
        ...(uidFree('articles', source.guid) ? { uid: source.guid } : {}),
      });
      report.imported.push({ articleId, title: article.title as string });
    }
    for (const s of selections) {
      const range = describeRange(text.text, s.start, s.end);
      let passageId = findPassage.get(articleId, range.start, range.end) as number | undefined;
      if (passageId === undefined) {
        const created = timestamp(s.created, now);
        const { lastInsertRowid } = insertPassage.run(
          uidFree('passages', s.guid) ? s.guid : newUid(),
          articleId,
          range.start,
          range.end,
          range.exact,
          range.prefix,
          range.suffix,
          s.note.join('\n\n'),
          created,
          timestamp(s.modified, created),
        );
        passageId = Number(lastInsertRowid);
        report.passages++;
      }
      if (s.guid) passageOf.set(s.guid, passageId);
      for (const ref of s.codeRefs) {
        const tagId = codeTags.get(ref);
        if (tagId === undefined) dangling++;
        else tagPassage.run(passageId, tagId);
      }
    }
  }
  if (dangling > 0) skipped.push(`${plural(dangling, 'coding')} ${dangling === 1 ? 'refers' : 'refer'} to codes missing from the codebook`);

  const claimOf = writeClaims(db, project.notes, now, report, uidFree);
  writeLinks(db, project, notes, claimOf, passageOf, now, report);
  return report;
}

function articleOf(source: QdeText, entry: string, text: string, skipped: string[]): ParsedArticle {
  const variable = (name: string): string | null => source.variables.get(name.toLowerCase())?.trim() || null;
  let published = variable(ARTICLE_VARIABLES.published);
  if (published !== null && !PARTIAL_DATE.test(published)) {
    skipped.push(`source "${label(source)}": the date "${published}" is not an ISO date and was left out`);
    published = null;
  }
  return {
    title:
      source.name?.trim() ||
      basename(entry)
        .replace(/\.[^.]+$/, '')
        .replace(/[-_]+/g, ' '),
    outlet: variable(ARTICLE_VARIABLES.outlet),
    byline: variable(ARTICLE_VARIABLES.byline),
    published,
    place: variable(ARTICLE_VARIABLES.place),
    language: variable(ARTICLE_VARIABLES.language),
    url: variable(ARTICLE_VARIABLES.url),
    text,
    blocks: paragraphBlocks(text),
    format: 'txt',
    encoding: 'utf-8',
  };
}

/** The codebook, merged by path: a code whose path exists reuses that tag; new ones are added. */
function writeCodebook(db: Database, codes: QdeCode[], now: string, report: QdpxImportReport): Map<string, number> {
  const tree = loadTree(db);
  const uidTaken = db.prepare('SELECT 1 FROM tags WHERE uid = ?');
  const insert = db.prepare(
    'INSERT INTO tags (uid, parent_id, name, color, description, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const tags = new Map<string, number>();
  const walk = (list: QdeCode[], parentId: number | null): void => {
    for (const code of list) {
      const name = tagName(code.name);
      const existing = tree.childNamed(parentId, name);
      let id: number;
      if (existing) {
        id = existing.id;
        report.tags.existing++;
      } else {
        const position = tree.childrenOf(parentId).reduce((max, node) => Math.max(max, node.position + 1), 0);
        const uid = uidTaken.get(code.guid) === undefined ? code.guid : newUid();
        const color = tagColor(code.color) ?? pickColor(db);
        id = Number(insert.run(uid, parentId, name, color, code.description, position, now, now).lastInsertRowid);
        tree.add({ id, parentId, name, position });
        report.tags.created++;
      }
      tags.set(code.guid, id);
      walk(code.children, id);
    }
  };
  walk(codes, null);
  return tags;
}

/** Notes carrying a "Claim kind" variable are claims (as Marginalia exports them); a claim already here (same uid) is reused. */
function writeClaims(
  db: Database,
  list: QdeText[],
  now: string,
  report: QdpxImportReport,
  uidFree: (table: 'claims', uid: string) => boolean,
): Map<string, number> {
  const existing = db.prepare('SELECT id FROM claims WHERE uid = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO claims (uid, statement, kind, speaker, value, unit, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const claims = new Map<string, number>();
  for (const note of list) {
    const kind = note.variables.get(CLAIM_VARIABLES.kind.toLowerCase());
    const statement = note.content ?? '';
    if (kind === undefined || statement.trim() === '') continue;
    const found = existing.get(note.guid) as number | undefined;
    if (found !== undefined) {
      claims.set(note.guid, found);
      continue;
    }
    const value = Number(note.variables.get(CLAIM_VARIABLES.value.toLowerCase()) ?? Number.NaN);
    const created = timestamp(note.created, now);
    const { lastInsertRowid } = insert.run(
      uidFree('claims', note.guid) ? note.guid : newUid(),
      statement,
      KINDS.has(kind.trim().toLowerCase()) ? kind.trim().toLowerCase() : 'other',
      note.variables.get(CLAIM_VARIABLES.speaker.toLowerCase())?.trim() || null,
      Number.isFinite(value) ? value : null,
      note.variables.get(CLAIM_VARIABLES.unit.toLowerCase())?.trim() || null,
      note.description,
      created,
      timestamp(note.modified, created),
    );
    claims.set(note.guid, Number(lastInsertRowid));
    report.claims++;
  }
  return claims;
}

/** Links from a passage to a claim are appearances (named by stance); between two claims, claim links. */
function writeLinks(
  db: Database,
  project: QdeProject,
  noteText: Map<string, string>,
  claimOf: Map<string, number>,
  passageOf: Map<string, number>,
  now: string,
  report: QdpxImportReport,
): void {
  const appearance = db.prepare('INSERT OR IGNORE INTO claim_appearances (claim_id, passage_id, stance, created_at) VALUES (?, ?, ?, ?)');
  const link = db.prepare(
    `INSERT OR IGNORE INTO claim_links (from_claim_id, to_claim_id, relation, status, score, method, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let other = 0;
  for (const l of project.links) {
    const from = l.origin ?? '';
    const to = l.target ?? '';
    if (claimOf.has(from) && claimOf.has(to) && from !== to) {
      const label = parseLinkName(l.name);
      const note = l.noteRefs
        .map((guid) => noteText.get(guid) ?? '')
        .filter((n) => n.trim() !== '')
        .join('\n\n');
      const changes = link.run(
        claimOf.get(from),
        claimOf.get(to),
        RELATIONS.has(label.relation) ? label.relation : 'related',
        STATUSES.has(label.status) ? label.status : 'confirmed',
        label.score,
        label.method,
        note,
        now,
        now,
      ).changes;
      report.links += changes;
    } else if ((passageOf.has(from) && claimOf.has(to)) || (claimOf.has(from) && passageOf.has(to))) {
      const [passage, claim] = passageOf.has(from) ? [from, to] : [to, from];
      const stance = l.name.trim().toLowerCase();
      appearance.run(claimOf.get(claim), passageOf.get(passage), STANCES.has(stance) ? stance : 'asserts', now);
    } else {
      other++;
    }
  }
  if (other > 0)
    report.skipped.push(`${plural(other, 'link')} between other kinds of objects ${other === 1 ? 'was' : 'were'} not imported`);
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
