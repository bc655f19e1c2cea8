import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError } from '../import/errors';
import { canonicalGuid } from './qdpx-common';

/** The parts of a QDA-XML project Marginalia takes in (plain data, no library ids yet). */
export interface QdeCode {
  guid: string;
  name: string;
  color: string | null;
  description: string;
  children: QdeCode[];
}

export interface QdeSelection {
  guid: string | null;
  label: string;
  start: number;
  end: number;
  description: string;
  codeRefs: string[];
  /** Who applied each code (its Coding's creatingUser), by code GUID. */
  codedBy: Map<string, string>;
  creatingUser: string | null;
  noteRefs: string[];
  created: string | null;
  modified: string | null;
}

/** A <User>: a coder of the project. */
export interface QdeUser {
  guid: string;
  name: string;
}

/** A TextSource or a Note: both are TextSourceType in the schema. */
export interface QdeText {
  guid: string;
  name: string | null;
  plainTextPath: string | null;
  content: string | null;
  description: string;
  selections: QdeSelection[];
  /** Notes about the whole source (its memos). */
  noteRefs: string[];
  /** Values by lower-cased variable name. */
  variables: Map<string, string>;
  created: string | null;
  modified: string | null;
}

/** How a source or note is named in messages: its name, else its GUID. */
export const labelOf = (text: QdeText): string => text.name || text.guid;

export interface QdeLink {
  name: string;
  origin: string | null;
  target: string | null;
  noteRefs: string[];
}

export interface QdeProject {
  name: string;
  users: QdeUser[];
  codes: QdeCode[];
  sources: QdeText[];
  notes: QdeText[];
  links: QdeLink[];
  /** Notes about the project as a whole (its memos). */
  noteRefs: string[];
  /** Sources of kinds Marginalia cannot hold (pictures, PDF layouts, audio, video). */
  otherSources: number;
}

/** Reads project.qde as it streams in; only the project read so far is held, never the document. */
export interface QdeReader {
  write(chunk: string): void;
  /** Ends the document and returns the project. */
  close(): QdeProject;
  /** Selections read so far, for progress. */
  readonly selections: number;
}

type Attributes = Map<string, string>;

interface Element {
  name: string;
  /** What the element's own text is kept as, when the reader keeps it. */
  keep?: (text: string) => void;
  text?: string[];
}

const OTHER_SOURCES = new Set(['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']);
const VALUE_KINDS = ['TextValue', 'FloatValue', 'IntegerValue', 'DateValue', 'DateTimeValue', 'BooleanValue'];

/** Local names: a prefixed qda:Code is a Code (namespaces are not checked, as before). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

function attributesOf(tag: SaxesTagPlain): Attributes {
  const out: Attributes = new Map();
  for (const [name, value] of Object.entries(tag.attributes)) if (!name.startsWith('xmlns')) out.set(local(name), value);
  return out;
}

const guidRef = (attributes: Attributes): string | null => canonicalGuid(attributes.get('targetGUID'));

function requiredGuid(attributes: Attributes, what: string): string {
  const guid = canonicalGuid(attributes.get('guid'));
  if (!guid) throw new ImportError(`project.qde is damaged: ${what} has no valid guid`);
  return guid;
}

function position(attributes: Attributes, name: string, label: string): number {
  const raw = attributes.get(name)?.trim() ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw new ImportError(`selection "${label}" has no valid ${name} ("${raw}")`);
  return Number(raw);
}

function newText(attributes: Attributes, what: string): QdeText {
  return {
    guid: requiredGuid(attributes, what),
    name: attributes.get('name') ?? null,
    plainTextPath: attributes.get('plainTextPath') ?? null,
    content: null,
    description: '',
    selections: [],
    noteRefs: [],
    variables: new Map(),
    created: attributes.get('creationDateTime') ?? null,
    modified: attributes.get('modifiedDateTime') ?? null,
  };
}

function newSelection(attributes: Attributes): QdeSelection {
  const guid = canonicalGuid(attributes.get('guid'));
  const label = attributes.get('name') || guid || 'without a name';
  return {
    guid,
    label,
    start: position(attributes, 'startPosition', label),
    end: position(attributes, 'endPosition', label),
    description: '',
    codeRefs: [],
    codedBy: new Map(),
    creatingUser: canonicalGuid(attributes.get('creatingUser')),
    noteRefs: [],
    created: attributes.get('creationDateTime') ?? null,
    modified: attributes.get('modifiedDateTime') ?? null,
  };
}

/** A VariableValue being read: which variable, and its value by kind (the first kind given wins). */
interface ValueDraft {
  ref: string | null;
  values: Map<string, string>;
}

/**
 * A streaming reader of QDA-XML. A DOCTYPE is refused outright (QDA-XML needs none, and entity
 * expansion is a classic bomb); an entity other than XML's own is an error, never looked up.
 * Variable values are named once the whole project is read, whatever the order of its parts.
 */
export function qdeReader(): QdeReader {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const project: QdeProject = { name: '', users: [], codes: [], sources: [], notes: [], links: [], noteRefs: [], otherSources: 0 };
  const variableNames = new Map<string, string>();
  const values = new Map<QdeText, ValueDraft[]>();
  const stack: Element[] = [];
  const codes: QdeCode[] = [];
  let text: QdeText | null = null;
  let selection: QdeSelection | null = null;
  let value: ValueDraft | null = null;
  let link: QdeLink | null = null;
  let codingUser: string | null = null;
  let sawRoot = false;
  let count = 0;

  const path = (depth: number): string => stack[stack.length - depth]?.name ?? '';
  const damaged = (message: string): ImportError => new ImportError(`project.qde is not well-formed XML (line ${parser.line}: ${message})`);

  parser.on('error', (error) => {
    throw error instanceof ImportError ? error : damaged(error.message.replace(/^\d+:\d+: /, ''));
  });
  parser.on('doctype', () => {
    throw new ImportError('project.qde declares a DOCTYPE, which a REFI-QDA project never needs — refused');
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const attributes = attributesOf(tag);
    const parent = path(1);
    const element: Element = { name };
    const keep = (into: (t: string) => void) => {
      element.keep = into;
      element.text = [];
    };
    if (stack.length === 0) {
      if (name !== 'Project') throw new ImportError('project.qde has no <Project> element: this is not a REFI-QDA project');
      sawRoot = true;
      project.name = attributes.get('name') ?? '';
    } else if (name === 'Code' && (parent === 'Code' || (parent === 'Codes' && path(2) === 'CodeBook' && stack.length === 3))) {
      const color = attributes.get('color')?.trim() ?? null;
      const code: QdeCode = {
        guid: requiredGuid(attributes, `the code "${attributes.get('name') ?? ''}"`),
        name: attributes.get('name') ?? '',
        color: color && /^#(?:[0-9a-f]{6}|[0-9a-f]{3})$/i.test(color) ? color : null,
        description: '',
        children: [],
      };
      (parent === 'Code' ? (codes[codes.length - 1] as QdeCode).children : project.codes).push(code);
      codes.push(code);
    } else if (name === 'Description' && parent === 'Code' && codes.length > 0) {
      const code = codes[codes.length - 1] as QdeCode;
      keep((t) => (code.description = t));
    } else if (name === 'User' && parent === 'Users' && stack.length === 2) {
      const guid = canonicalGuid(attributes.get('guid'));
      if (guid) project.users.push({ guid, name: attributes.get('name')?.trim() ?? '' });
    } else if (name === 'Variable' && parent === 'Variables' && stack.length === 2) {
      const guid = canonicalGuid(attributes.get('guid'));
      if (guid) variableNames.set(guid, attributes.get('name') ?? '');
    } else if (stack.length === 2 && parent === 'Sources' && name === 'TextSource') {
      text = newText(attributes, 'a text source');
      project.sources.push(text);
    } else if (stack.length === 2 && parent === 'Sources' && OTHER_SOURCES.has(name)) {
      project.otherSources++;
    } else if (stack.length === 2 && parent === 'Notes' && name === 'Note') {
      text = newText(attributes, 'a note');
      project.notes.push(text);
    } else if (stack.length === 2 && parent === 'Links' && name === 'Link') {
      link = {
        name: attributes.get('name') ?? '',
        origin: canonicalGuid(attributes.get('originGUID')),
        target: canonicalGuid(attributes.get('targetGUID')),
        noteRefs: [],
      };
      project.links.push(link);
    } else if (name === 'NoteRef') {
      const ref = guidRef(attributes);
      const owner =
        stack.length === 1
          ? project
          : stack.length === 3 && link
            ? link
            : stack.length === 3 && text
              ? text
              : stack.length === 4 && selection && parent === 'PlainTextSelection'
                ? selection
                : null;
      if (ref && owner) owner.noteRefs.push(ref);
    } else if (text && stack.length === 3) {
      const current = text;
      if (name === 'PlainTextContent') {
        current.content = '';
        keep((t) => (current.content = t));
      } else if (name === 'Description') keep((t) => (current.description = t));
      else if (name === 'PlainTextSelection') {
        selection = newSelection(attributes);
        current.selections.push(selection);
        count++;
      } else if (name === 'VariableValue') {
        value = { ref: null, values: new Map() };
        values.set(current, [...(values.get(current) ?? []), value]);
      }
    } else if (selection && stack.length === 4 && name === 'Description') {
      const current = selection;
      keep((t) => (current.description = t));
    } else if (selection && name === 'Coding' && stack.length === 4) {
      codingUser = canonicalGuid(attributes.get('creatingUser'));
    } else if (selection && name === 'CodeRef' && parent === 'Coding' && stack.length === 5) {
      const ref = guidRef(attributes);
      if (ref) selection.codeRefs.push(ref);
      if (ref && codingUser) selection.codedBy.set(ref, codingUser);
    } else if (value && stack.length === 4 && name === 'VariableRef') {
      value.ref = guidRef(attributes) ?? '';
    } else if (value && stack.length === 4 && VALUE_KINDS.includes(name)) {
      const current = value;
      keep((t) => current.values.set(name, t));
    }
    stack.push(element);
  });
  const addText = (t: string) => stack[stack.length - 1]?.text?.push(t);
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = stack.pop() as Element;
    element.keep?.((element.text as string[]).join(''));
    if (element.name === 'Code' && codes.length > 0 && stack.length >= 3) codes.pop();
    else if (stack.length === 2 && (element.name === 'TextSource' || element.name === 'Note')) text = null;
    else if (stack.length === 2 && element.name === 'Link') link = null;
    else if (stack.length === 3 && element.name === 'PlainTextSelection') selection = null;
    else if (stack.length === 3 && element.name === 'VariableValue') value = null;
  });

  return {
    get selections() {
      return count;
    },
    write: (chunk) => void parser.write(chunk),
    close() {
      parser.close();
      if (!sawRoot) throw new ImportError('project.qde has no <Project> element: this is not a REFI-QDA project');
      for (const [owner, drafts] of values) {
        for (const draft of drafts) {
          const name = variableNames.get(draft.ref ?? '');
          const content = VALUE_KINDS.map((kind) => draft.values.get(kind) ?? '').find((v) => v !== '');
          if (name && content !== undefined) owner.variables.set(name.toLowerCase(), content);
        }
      }
      return project;
    },
  };
}

/** Reads a whole project.qde held as a string (small projects, tests). */
export function readProject(xml: string): QdeProject {
  const reader = qdeReader();
  reader.write(xml);
  return reader.close();
}
