/**
 * The REFI-QDA reader as it was before it streamed (fast-xml-parser over the whole project.qde),
 * kept only as the oracle the streaming reader must agree with on every fixture.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../electron/core/import/errors';
import { canonicalGuid } from '../electron/core/interchange/qdpx-common';
import type { QdeCode, QdeProject, QdeSelection, QdeText } from '../electron/core/interchange/qdpx-read';

type Node = Record<string, unknown>;

const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'VariableValue',
  'Note',
  'Link',
  'Set',
  'Graph',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Numeric character references (&#13;) must be decoded; fast-xml-parser does so in this mode.
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

/** Child elements as a list, whether the parser gave one, several or none. */
const list = (value: unknown): Node[] =>
  Array.isArray(value) ? (value as Node[]) : value !== null && typeof value === 'object' ? [value as Node] : [];
const attribute = (node: Node, name: string): string | null => (typeof node[`@${name}`] === 'string' ? (node[`@${name}`] as string) : null);

function textOf(node: Node, name: string): string {
  const value = node[name];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Node)['#text'] === 'string') return (value as Node)['#text'] as string;
  return '';
}

function refs(node: Node, name: string): string[] {
  return list(node[name]).flatMap((ref) => canonicalGuid(attribute(ref, 'targetGUID') ?? undefined) ?? []);
}

function requiredGuid(node: Node, what: string): string {
  const guid = canonicalGuid(attribute(node, 'guid') ?? undefined);
  if (!guid) throw new ImportError(`project.qde is damaged: ${what} has no valid guid`);
  return guid;
}

function position(node: Node, name: string, label: string): number {
  const raw = attribute(node, name)?.trim() ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw new ImportError(`selection "${label}" has no valid ${name} ("${raw}")`);
  return Number(raw);
}

function code(node: Node): QdeCode {
  const color = attribute(node, 'color');
  return {
    guid: requiredGuid(node, `the code "${attribute(node, 'name') ?? ''}"`),
    name: attribute(node, 'name') ?? '',
    color: color && /^#(?:[0-9a-f]{6}|[0-9a-f]{3})$/i.test(color.trim()) ? color.trim() : null,
    description: textOf(node, 'Description'),
    children: list(node.Code).map(code),
  };
}

function selection(node: Node): QdeSelection {
  const guid = canonicalGuid(attribute(node, 'guid') ?? undefined);
  const label = attribute(node, 'name') || guid || 'without a name';
  return {
    guid,
    label,
    start: position(node, 'startPosition', label),
    end: position(node, 'endPosition', label),
    description: textOf(node, 'Description'),
    codeRefs: list(node.Coding).flatMap((coding) => refs(coding, 'CodeRef')),
    codedBy: new Map(
      list(node.Coding).flatMap((coding) => {
        const user = canonicalGuid(attribute(coding, 'creatingUser') ?? undefined);
        return user ? refs(coding, 'CodeRef').map((ref): [string, string] => [ref, user]) : [];
      }),
    ),
    creatingUser: canonicalGuid(attribute(node, 'creatingUser') ?? undefined),
    noteRefs: refs(node, 'NoteRef'),
    created: attribute(node, 'creationDateTime'),
    modified: attribute(node, 'modifiedDateTime'),
  };
}

function text(node: Node, variableNames: Map<string, string>, what: string): QdeText {
  const variables = new Map<string, string>();
  for (const value of list(node.VariableValue)) {
    const ref = value.VariableRef as Node | undefined;
    const name = ref ? variableNames.get(canonicalGuid(attribute(ref, 'targetGUID') ?? undefined) ?? '') : undefined;
    const content = ['TextValue', 'FloatValue', 'IntegerValue', 'DateValue', 'DateTimeValue', 'BooleanValue']
      .map((k) => textOf(value, k))
      .find((v) => v !== '');
    if (name && content !== undefined) variables.set(name.toLowerCase(), content);
  }
  return {
    guid: requiredGuid(node, what),
    name: attribute(node, 'name'),
    plainTextPath: attribute(node, 'plainTextPath'),
    content: 'PlainTextContent' in node ? textOf(node, 'PlainTextContent') : null,
    description: textOf(node, 'Description'),
    selections: list(node.PlainTextSelection).map(selection),
    noteRefs: refs(node, 'NoteRef'),
    variables,
    created: attribute(node, 'creationDateTime'),
    modified: attribute(node, 'modifiedDateTime'),
  };
}

/**
 * Parses project.qde. Well-formedness is checked first so a damaged file is named with its line;
 * a DOCTYPE is refused outright (QDA-XML needs none, and entity expansion is a classic bomb).
 */
export function readProjectWhole(xml: string): QdeProject {
  if (/<!DOCTYPE/i.test(xml)) throw new ImportError('project.qde declares a DOCTYPE, which a REFI-QDA project never needs — refused');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportError(`project.qde is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parsed = (parser.parse(xml) as Node).Project;
  if (parsed === undefined) throw new ImportError('project.qde has no <Project> element: this is not a REFI-QDA project');
  const root: Node = parsed !== null && typeof parsed === 'object' ? (parsed as Node) : {};

  const variableNames = new Map<string, string>();
  for (const variable of list((root.Variables as Node | undefined)?.Variable)) {
    const guid = canonicalGuid(attribute(variable, 'guid') ?? undefined);
    if (guid) variableNames.set(guid, attribute(variable, 'name') ?? '');
  }
  const sources = (root.Sources as Node | undefined) ?? {};
  return {
    name: attribute(root, 'name') ?? '',
    users: list((root.Users as Node | undefined)?.User).flatMap((node) => {
      const guid = canonicalGuid(attribute(node, 'guid') ?? undefined);
      return guid ? [{ guid, name: attribute(node, 'name')?.trim() ?? '' }] : [];
    }),
    codes: list(((root.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code).map(code),
    sources: list(sources.TextSource).map((node) => text(node, variableNames, 'a text source')),
    notes: list((root.Notes as Node | undefined)?.Note).map((node) => text(node, variableNames, 'a note')),
    links: list((root.Links as Node | undefined)?.Link).map((node) => ({
      name: attribute(node, 'name') ?? '',
      origin: canonicalGuid(attribute(node, 'originGUID') ?? undefined),
      target: canonicalGuid(attribute(node, 'targetGUID') ?? undefined),
      noteRefs: refs(node, 'NoteRef'),
    })),
    noteRefs: refs(root, 'NoteRef'),
    otherSources: ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'].reduce((n, kind) => n + list(sources[kind]).length, 0),
  };
}
