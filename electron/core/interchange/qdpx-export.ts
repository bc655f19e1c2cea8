import type { Database } from 'better-sqlite3';
import { type ExportUsers, exportUsers } from './qdpx-users';
import { randomUUID } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { offsetConverter } from '../anchoring/offsets';
import type { ArticleMetaRow } from '../../shared/article';
import { loadTree, type Tree } from '../tags/queries';
import { ARTICLE_VARIABLES, CLAIM_VARIABLES, PROJECT_ENTRY, QDA_NAMESPACE, guidFor, linkName } from './qdpx-common';
import { memoXml, type MemoXml } from './qdpx-memos';
import { attributes, xmlText, xsdDecimal } from './xml-text';

export interface QdpxExportSummary {
  articles: number;
  passages: number;
}

interface ArticleRow extends ArticleMetaRow {
  imported_at: string;
  updated_at: string;
}

interface PassageRow {
  id: number;
  uid: string;
  start: number;
  end: number;
  note: string;
  created_at: string;
  updated_at: string;
  coder_id: number | null;
  /** "tagId:coderId" pairs, comma-separated (coderId empty for taggings from before coders). */
  taggings: string | null;
}

interface ClaimRow {
  id: number;
  uid: string;
  statement: string;
  kind: string;
  speaker: string | null;
  value: number | null;
  unit: string | null;
  note: string;
  created_at: string;
  updated_at: string;
  coder_id: number | null;
}

interface LinkRow {
  from_uid: string;
  to_uid: string;
  relation: string;
  status: string;
  score: number | null;
  method: string | null;
  note: string;
}

/** Variable GUIDs are fixed, so two exports of one library name them alike. */
const VARIABLES = [...Object.values(ARTICLE_VARIABLES), ...Object.values(CLAIM_VARIABLES)].map((name) => ({
  name,
  guid: guidFor(`marginalia-variable:${name}`),
  type: name === CLAIM_VARIABLES.value ? 'Float' : 'Text',
}));
const variableGuid = (name: string): string => VARIABLES.find((v) => v.name === name)!.guid;

const sourceFile = (guid: string): string => `${guid}.txt`;

/** Passage names shown by other tools: the start of the quote, on one line. */
function selectionName(exact: string): string {
  const line = exact.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function textValue(name: string, value: string | null): string {
  return value === null || value === ''
    ? ''
    : `<VariableValue><VariableRef targetGUID="${variableGuid(name)}"/><TextValue>${xmlText(value)}</TextValue></VariableValue>`;
}

function description(value: string): string {
  return value === '' ? '' : `<Description>${xmlText(value)}</Description>`;
}

function* codes(db: Database, tree: Tree, parentId: number | null): Generator<string> {
  const details = db.prepare('SELECT uid, color, description FROM tags WHERE id = ?');
  for (const node of tree.childrenOf(parentId)) {
    const tag = details.get(node.id) as { uid: string; color: string; description: string };
    const color = /^#[0-9a-f]{6}$/i.test(tag.color) ? tag.color.toUpperCase() : null;
    const children = tree.childrenOf(node.id).length > 0;
    yield `<Code${attributes({ guid: guidFor(tag.uid), name: node.name, isCodable: 'true', color })}>${description(tag.description)}`;
    if (children) yield* codes(db, tree, node.id);
    yield '</Code>';
  }
}

/**
 * project.qde, element by element in the order Project.xsd demands: Users, CodeBook, Variables,
 * Sources (articles, passages as PlainTextSelection with Coding, a NoteRef to the article's memo),
 * Notes (claims, memos, link notes), Links (appearances: passage → claim named by stance; claim
 * links named by relation), and the project's NoteRef to the library memo.
 */
function* projectXml(
  db: Database,
  name: string,
  now: string,
  onSource: (articleId: number, guid: string) => void,
): Generator<string, number> {
  const tree = loadTree(db);
  const memos = memoXml(db);
  const users = exportUsers(db, name, (guid, userName) => `<User${attributes({ guid, name: userName })}/>`);
  const user = users.project;
  yield '<?xml version="1.0" encoding="utf-8"?>\n';
  yield `<Project${attributes({ xmlns: QDA_NAMESPACE, name, origin: 'Marginalia', creatingUserGUID: user, creationDateTime: now })}>`;
  yield users.xml;
  if (tree.childrenOf(null).length > 0) {
    yield '<CodeBook><Codes>';
    yield* codes(db, tree, null);
    yield '</Codes></CodeBook>';
  }
  yield '<Variables>';
  for (const v of VARIABLES) yield `<Variable${attributes({ guid: v.guid, name: v.name, typeOfVariable: v.type })}/>`;
  yield '</Variables>';

  const tagGuid = new Map(
    (db.prepare('SELECT id, uid FROM tags').all() as Array<{ id: number; uid: string }>).map((t) => [t.id, guidFor(t.uid)]),
  );
  const articles = db.prepare(
    `SELECT id, uid, title, outlet, byline, published, place, language, url, imported_at, updated_at FROM articles WHERE id > ? ORDER BY id LIMIT 500`,
  );
  const articleText = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  const passages = db.prepare(
    `SELECT id, uid, start, "end", note, created_at, updated_at, coder_id,
            (SELECT group_concat(tag_id || ':' || ifnull(coder_id, '')) FROM passage_tags WHERE passage_id = p.id) AS taggings
     FROM passages p WHERE article_id = ? ORDER BY start, id`,
  );
  let opened = false;
  let passageCount = 0;
  for (let after = 0, page: ArticleRow[]; (page = articles.all(after) as ArticleRow[]).length > 0; after = page.at(-1)!.id) {
    for (const article of page) {
      if (!opened) yield '<Sources>';
      opened = true;
      const guid = guidFor(article.uid);
      onSource(article.id, guid);
      const text = articleText.get(article.id) as string;
      const positions = offsetConverter(text);
      yield `<TextSource${attributes({
        guid,
        name: article.title,
        plainTextPath: `internal://${sourceFile(guid)}`,
        creatingUser: user,
        creationDateTime: article.imported_at,
        modifyingUser: user,
        modifiedDateTime: article.updated_at,
      })}>`;
      for (const p of passages.all(article.id) as PassageRow[]) {
        passageCount++;
        const coder = users.of(p.coder_id);
        yield `<PlainTextSelection${attributes({
          guid: guidFor(p.uid),
          name: selectionName(text.slice(p.start, p.end)),
          // REFI-QDA counts characters (code points); the library stores UTF-16 offsets.
          startPosition: positions.toCodePoints(p.start),
          endPosition: positions.toCodePoints(p.end),
          creatingUser: coder,
          creationDateTime: p.created_at,
          modifyingUser: coder,
          modifiedDateTime: p.updated_at,
        })}>${description(p.note)}`;
        for (const tagging of p.taggings?.split(',') ?? []) {
          const [tagId, coderId] = tagging.split(':');
          const by = coderId ? users.of(Number(coderId)) : coder;
          yield `<Coding${attributes({ guid: randomUUID(), creatingUser: by })}><CodeRef targetGUID="${tagGuid.get(Number(tagId))}"/></Coding>`;
        }
        yield '</PlainTextSelection>';
      }
      yield memos.sourceRef(article.id);
      yield Object.entries(ARTICLE_VARIABLES)
        .map(([column, variable]) => textValue(variable, article[column as keyof typeof ARTICLE_VARIABLES]))
        .join('');
      yield '</TextSource>';
    }
  }
  if (opened) yield '</Sources>';
  yield* claimsXml(db, users, memos);
  return passageCount;
}

function* claimsXml(db: Database, users: ExportUsers, memos: MemoXml): Generator<string> {
  const claims = db.prepare(
    'SELECT id, uid, statement, kind, speaker, value, unit, note, created_at, updated_at, coder_id FROM claims WHERE id > ? ORDER BY id LIMIT 1000',
  );
  const links = db.prepare(
    `SELECT f.uid AS from_uid, t.uid AS to_uid, l.relation, l.status, l.score, l.method, l.note
     FROM claim_links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id ORDER BY l.id`,
  );
  const linkNotes = new Map<LinkRow, string>();
  let opened = false;
  for (let after = 0, page: ClaimRow[]; (page = claims.all(after) as ClaimRow[]).length > 0; after = page.at(-1)!.id) {
    for (const c of page) {
      if (!opened) yield '<Notes>';
      opened = true;
      const value =
        c.value === null
          ? ''
          : `<VariableValue><VariableRef targetGUID="${variableGuid(CLAIM_VARIABLES.value)}"/><FloatValue>${xsdDecimal(c.value)}</FloatValue></VariableValue>`;
      yield (
        `<Note${attributes({
          guid: guidFor(c.uid),
          name: selectionName(c.statement),
          creatingUser: users.of(c.coder_id),
          creationDateTime: c.created_at,
          modifyingUser: users.of(c.coder_id),
          modifiedDateTime: c.updated_at,
        })}>${description(c.note)}<PlainTextContent>${xmlText(c.statement)}</PlainTextContent>` +
        textValue(CLAIM_VARIABLES.kind, c.kind) +
        textValue(CLAIM_VARIABLES.speaker, c.speaker) +
        value +
        textValue(CLAIM_VARIABLES.unit, c.unit) +
        '</Note>'
      );
    }
  }
  for (const note of memos.notes(users.project)) {
    if (!opened) yield '<Notes>';
    opened = true;
    yield note;
  }
  // A link's note is a Note of its own that the Link refers to; claim links are few enough to hold.
  const allLinks = links.all() as LinkRow[];
  for (const link of allLinks) {
    if (link.note === '') continue;
    if (!opened) yield '<Notes>';
    opened = true;
    const guid = randomUUID();
    linkNotes.set(link, guid);
    yield `<Note${attributes({ guid, name: 'Link note' })}><PlainTextContent>${xmlText(link.note)}</PlainTextContent></Note>`;
  }
  if (opened) yield '</Notes>';

  const appearances = db.prepare(
    `SELECT ca.id, p.uid AS passage_uid, c.uid AS claim_uid, ca.stance FROM claim_appearances ca
     JOIN passages p ON p.id = ca.passage_id JOIN claims c ON c.id = ca.claim_id WHERE ca.id > ? ORDER BY ca.id LIMIT 1000`,
  );
  opened = false;
  type Appearance = { id: number; passage_uid: string; claim_uid: string; stance: string };
  for (let after = 0, page: Appearance[]; (page = appearances.all(after) as Appearance[]).length > 0; after = page.at(-1)!.id) {
    for (const a of page) {
      if (!opened) yield '<Links>';
      opened = true;
      yield `<Link${attributes({ guid: randomUUID(), name: a.stance, direction: 'OneWay', originGUID: guidFor(a.passage_uid), targetGUID: guidFor(a.claim_uid) })}/>`;
    }
  }
  for (const link of allLinks) {
    if (!opened) yield '<Links>';
    opened = true;
    const note = linkNotes.get(link);
    yield (
      `<Link${attributes({ guid: randomUUID(), name: linkName(link), direction: 'OneWay', originGUID: guidFor(link.from_uid), targetGUID: guidFor(link.to_uid) })}>` +
      (note ? `<NoteRef targetGUID="${note}"/>` : '') +
      '</Link>'
    );
  }
  if (opened) yield '</Links>';
  yield memos.projectRef();
  yield '</Project>\n';
}

/** Groups small strings into ~64 KB buffers so the zip's deflate works on sizeable chunks. */
function* buffered(parts: Iterable<string>): Generator<Buffer> {
  let pending = '';
  for (const part of parts) {
    pending += part;
    if (pending.length >= 65_536) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending !== '') yield Buffer.from(pending, 'utf8');
}

/**
 * The library as a REFI-QDA project (.qdpx): project.qde plus one UTF-8 plain-text file per
 * article under sources/. Both are produced while the zip is written, so memory stays flat; each
 * source entry is added as its TextSource is written, so the two always agree.
 */
export async function exportQdpx(db: Database, out: Writable, name: string, now: string): Promise<QdpxExportSummary> {
  const summary: QdpxExportSummary = { articles: 0, passages: 0 };
  const zip = new yazl.ZipFile();
  // yazl reports its own and its input streams' failures on the ZipFile, not on its output.
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  failed.catch(() => undefined);
  const input = (chunks: Iterable<Buffer>): Readable => Readable.from(chunks).on('error', (error) => zip.emit('error', error));
  const articleText = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  const addSource = (articleId: number, guid: string): void => {
    summary.articles++;
    zip.addReadStreamLazy(`sources/${sourceFile(guid)}`, (callback) =>
      callback(null, input([Buffer.from(articleText.get(articleId) as string, 'utf8')])),
    );
  };
  function* project(): Generator<string> {
    summary.passages = yield* projectXml(db, name, now, addSource);
    zip.end();
  }
  zip.addReadStream(input(buffered(project())), PROJECT_ENTRY);
  try {
    await Promise.race([pipeline(zip.outputStream, out), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return summary;
}
