import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MarginaliaError } from '../errors';
import { checkLibrary } from './check';
import { checkLibraryFile } from './check-file';
import { openLibrary } from './open';
import { readOnlyReason } from './read-only';
import { type Rebuilt, rebuildDerived } from './rebuild';
import { type Recovery, recoverLibrary } from './recover';
import { foreignLog } from './wal-guard';
import { writeTransaction } from './write';

export type RepairOutcome =
  /** The file itself was sound: what is derived from its rows was built again, in place. */
  | { kind: 'rebuilt'; before: string[]; rebuilt: Rebuilt; problems: string[] }
  /** The file is damaged: what could be read went into a new library beside it. */
  | { kind: 'recovered'; before: string[]; target: string; recovery: Recovery };

/** A name beside `path` that nothing uses yet: "Research (recovered).marginalia", then "(recovered 2)"… */
export function freeNameBeside(path: string, label: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '.marginalia'];
  for (let n = 1; ; n++) {
    const candidate = join(dirname(path), `${stem} (${label}${n === 1 ? '' : ` ${n}`})${extension}`);
    if (!existsSync(candidate) && !existsSync(`${candidate}-wal`)) return candidate;
  }
}

/**
 * Repairs a library: when its file is sound, rebuilds the search indexes, number tokens, blocks
 * and sentence index from its rows; when SQLite finds the file damaged, leaves it as it is and
 * recovers what can be read into a new library beside it.
 */
export function repairLibrary(path: string, nativeBinding?: string): RepairOutcome {
  const foreign = foreignLog(path, nativeBinding);
  if (foreign) throw new MarginaliaError('wal-mismatch', foreign);
  const before = checkLibraryFile(path, nativeBinding);
  if (before.some((problem) => /damaged/.test(problem))) {
    const target = freeNameBeside(path, 'recovered');
    return { kind: 'recovered', before, target, recovery: recoverLibrary(path, target, nativeBinding) };
  }
  const readOnly = readOnlyReason(path);
  if (readOnly)
    throw new MarginaliaError('read-only', `${basename(path)} cannot be repaired in place: ${readOnly}. Repair a copy of it instead.`);
  const lib = openLibrary(path, nativeBinding ? { nativeBinding } : {});
  try {
    const rebuilt = writeTransaction(lib.db, () => rebuildDerived(lib.db));
    return { kind: 'rebuilt', before, rebuilt, problems: checkLibrary(lib.db) };
  } finally {
    lib.close();
  }
}
