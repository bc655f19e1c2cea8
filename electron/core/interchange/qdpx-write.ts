import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { newUid } from '../uid';
import type { QdpxImportReport } from '../../shared/types';
import { PARTIAL_DATE } from '../../shared/contract';
import { describeRange } from '../anchoring/selector';
import type { Clock } from '../clock';
import { isoNow } from '../clock';
import { prepareArticle, sha256 } from '../import/prepare';
import { articleWriter } from '../articles/writer';
import type { ParsedArticle } from '../model';
import { pickColor } from '../tags/palette';
import { loadTree } from '../tags/queries';
import { ARTICLE_VARIABLES, CLAIM_VARIABLES, parseLinkName } from './qdpx-common';
import { type QdeCode, type QdeProject, type QdeText, labelOf } from './qdpx-read';
import { paragraphBlocks } from './qdpx-text';
import { plural } from '../../shared/counts';
import { type MemoTarget, writeMemos } from './qdpx-memo-import';
import { importAppearance, importClaim, importLink } from '../claims/exchange';
import { codersForUsers } from './qdpx-users';

/** A selection checked against its source, with offsets into the normalised text. */
export interface CheckedSelection {
  guid: string | null;
  start: number;
  end: number;
  note: string[];
  codeRefs: string[];
  /** Who applied each code, by code GUID (a User GUID). */
  codedBy: ReadonlyMap<string, string>;
  creatingUser: string | null;
  created: string | null;
  modified: string | null;
}

/** A text source read and checked, ready to be written. */
export interface PreparedSource {
  source: QdeText;
  entry: string;
  bytes: Uint8Array;
  /** The source's text as the library keeps it (normalised). */
  text: string;
  selections: CheckedSelection[];
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

/** A whole project, read and checked: writing it cannot fail on its content. */
export interface Checked {
  project: QdeProject;
  sources: PreparedSource[];
  /** Every note's text by GUID. */
  notes: Map<string, string>;
  fileName: string;
  skipped: string[];
}

/**
 * Writes a checked project inside the caller's transaction: the codebook merged by path, sources as
 * articles (or the article already holding the same text), passages with their codes, claims, links.
 */
export function writeProject(db: Database, clock: Clock, { project, sources, notes, fileName, skipped }: Checked): QdpxImportReport {
  const now = isoNow(clock);
  const report: QdpxImportReport = {
    file: fileName,
    imported: [],
    duplicates: [],
    tags: { created: 0, existing: 0 },
    passages: 0,
    claims: 0,
    links: 0,
    memos: 0,
    skipped,
  };
  const codeTags = writeCodebook(db, project.codes, now, report);
  // Codings by a named user are that coder's; the rest are the importing coder's (the connection's stamp).
  const coderOf = codersForUsers(db, clock, project.users);
  const coder = (user: string | null | undefined): number | null => (user ? (coderOf.get(user) ?? null) : null);

  const writer = articleWriter(db, clock);
  const uidFree = (table: 'articles' | 'passages' | 'claims', uid: string | null): uid is string =>
    uid !== null && db.prepare(`SELECT 1 FROM ${table} WHERE uid = ?`).get(uid) === undefined;
  const findPassage = db.prepare('SELECT id FROM passages WHERE article_id = ? AND start = ? AND "end" = ?').pluck();
  const insertPassage = db.prepare(
    `INSERT INTO passages (uid, article_id, start, "end", exact, prefix, suffix, note, created_at, updated_at, coder_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tagPassage = db.prepare('INSERT OR IGNORE INTO passage_tags (passage_id, tag_id, coder_id) VALUES (?, ?, ?)');
  const passageOf = new Map<string, number>();
  const memoTargets: MemoTarget[] = [{ articleId: null, noteRefs: project.noteRefs }];
  let dangling = 0;

  for (const { source, entry, bytes, text, selections } of sources) {
    const duplicate = writer.sameTextAs(sha256(text));
    let articleId: number;
    if (duplicate) {
      articleId = duplicate.id;
      report.duplicates.push({ source: labelOf(source), existingId: duplicate.id, existingTitle: duplicate.title });
    } else {
      // Only an article that is written is prepared, and only its metadata can be reported as skipped.
      const article = prepareArticle(articleOf(source, entry, text, skipped));
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
    memoTargets.push({ articleId, noteRefs: source.noteRefs });
    for (const s of selections) {
      const range = describeRange(text, s.start, s.end);
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
          // A selection with no creatingUser is the coder's who coded it (NVivo and QualCoder name only the Coding's).
          coder(s.creatingUser ?? s.codedBy.values().next().value),
        );
        passageId = Number(lastInsertRowid);
        report.passages++;
      }
      if (s.guid) passageOf.set(s.guid, passageId);
      for (const ref of s.codeRefs) {
        const tagId = codeTags.get(ref);
        if (tagId === undefined) dangling++;
        else tagPassage.run(passageId, tagId, coder(s.codedBy.get(ref) ?? s.creatingUser));
      }
    }
  }
  if (dangling > 0) skipped.push(`${plural(dangling, 'coding')} ${dangling === 1 ? 'refers' : 'refer'} to codes missing from the codebook`);

  const claimOf = writeClaims(db, clock, project.notes, now, report, uidFree);
  writeLinks(db, clock, project, notes, claimOf, passageOf, now, report);
  report.memos = writeMemos(db, memoTargets, notes, now);
  return report;
}

function articleOf(source: QdeText, entry: string, text: string, skipped: string[]): ParsedArticle {
  const variable = (name: string): string | null => source.variables.get(name.toLowerCase())?.trim() || null;
  let published = variable(ARTICLE_VARIABLES.published);
  if (published !== null && !PARTIAL_DATE.test(published)) {
    skipped.push(`source "${labelOf(source)}": the date "${published}" is not an ISO date and was left out`);
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
  clock: Clock,
  list: QdeText[],
  now: string,
  report: QdpxImportReport,
  uidFree: (table: 'claims', uid: string) => boolean,
): Map<string, number> {
  const existing = db.prepare('SELECT id FROM claims WHERE uid = ?').pluck();
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
    const id = importClaim(
      db,
      clock,
      {
        statement,
        kind,
        speaker: note.variables.get(CLAIM_VARIABLES.speaker.toLowerCase()) ?? null,
        value: Number.isFinite(value) ? value : null,
        unit: note.variables.get(CLAIM_VARIABLES.unit.toLowerCase()) ?? null,
        note: note.description,
      },
      { uid: uidFree('claims', note.guid) ? note.guid : newUid(), createdAt: created, updatedAt: timestamp(note.modified, created) },
    );
    claims.set(note.guid, id);
    report.claims++;
  }
  return claims;
}

/** Links from a passage to a claim are appearances (named by stance); between two claims, claim links. */
function writeLinks(
  db: Database,
  clock: Clock,
  project: QdeProject,
  noteText: Map<string, string>,
  claimOf: Map<string, number>,
  passageOf: Map<string, number>,
  now: string,
  report: QdpxImportReport,
): void {
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
      const [fromId, toId] = [claimOf.get(from) as number, claimOf.get(to) as number];
      if (
        importLink(db, clock, {
          from: fromId,
          to: toId,
          relation: label.relation,
          status: label.status,
          score: label.score,
          method: label.method,
          note,
        })
      )
        report.links++;
    } else if ((passageOf.has(from) && claimOf.has(to)) || (claimOf.has(from) && passageOf.has(to))) {
      const [passage, claim] = passageOf.has(from) ? [from, to] : [to, from];
      importAppearance(db, claimOf.get(claim) as number, passageOf.get(passage) as number, l.name, now);
    } else {
      other++;
    }
  }
  if (other > 0)
    report.skipped.push(`${plural(other, 'link')} between other kinds of objects ${other === 1 ? 'was' : 'were'} not imported`);
}
