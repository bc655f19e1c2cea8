import { basename, isAbsolute, relative, sep } from 'node:path';
import type { CommandName } from '../shared/contract';
import { MarginaliaError } from './errors';
import { realPath } from './system-folders';

export type PathUse = 'read' | 'write';

/**
 * Turns a path the untrusted page sent into the file the host may touch, or throws why not: the
 * desktop app resolves grants (ids its dialogs and drops handed out), the HTTP host checks the
 * folders it was started with. Hosts that trust their caller (the CLI) have none.
 */
export type PathResolver = (path: string, use: PathUse) => string;

/** The commands that take a file system path, the argument holding it, and what they do with it. */
const PATH_ARGUMENTS = {
  'import.start': { field: 'paths', use: 'read' },
  'import.qdpx': { field: 'path', use: 'read' },
  'merge.preview': { field: 'path', use: 'read' },
  'merge.run': { field: 'path', use: 'read' },
  'export.passagesCsv': { field: 'path', use: 'write' },
  'export.claimsCsv': { field: 'path', use: 'write' },
  'export.claimsJsonLd': { field: 'path', use: 'write' },
  'export.linksCsv': { field: 'path', use: 'write' },
  'export.memosCsv': { field: 'path', use: 'write' },
  'export.annotations': { field: 'path', use: 'write' },
  'export.qdpx': { field: 'path', use: 'write' },
  'export.report': { field: 'path', use: 'write' },
} as const satisfies Partial<Record<CommandName, { field: 'path' | 'paths'; use: PathUse }>>;

/** The command's (validated) arguments with every path resolved; throws when one is not allowed. */
export function resolvePathArguments<A>(name: CommandName, args: A, resolve: PathResolver): A {
  if (!Object.hasOwn(PATH_ARGUMENTS, name)) return args;
  const { field, use } = PATH_ARGUMENTS[name as keyof typeof PATH_ARGUMENTS];
  const record = args as Record<string, unknown>;
  const value = record[field];
  const resolved = Array.isArray(value) ? value.map((p: string) => resolve(p, use)) : resolve(value as string, use);
  return { ...record, [field]: resolved } as A;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The HTTP host's rule: paths only inside the given folders, judged where they really lead (every
 * symbolic link on the way resolved), so a link inside an allowed folder cannot reach out of it.
 */
export function folderPolicy(folders: readonly string[], describe: string): PathResolver {
  const roots = folders.map((folder) => realPath(folder));
  return (path, use) => {
    const real = realPath(path);
    if (roots.some((root) => isInside(root, real))) return real;
    const verb = use === 'read' ? 'read' : 'write';
    throw new MarginaliaError('forbidden', `${basename(path) || path}: this server may not ${verb} there; ${describe}`);
  };
}
