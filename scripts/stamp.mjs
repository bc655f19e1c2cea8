// What a build was made from, as it was: a build is current while each of its input files still has
// the modification time and size it had. An edited or deleted source, a changed lock or a
// reinstalled package (node_modules/.package-lock.json) shows up as a difference.
import { statSync } from 'node:fs';
import { join } from 'node:path';

// A file written this close to the build's start may have been read before it changed (file
// systems keep coarse times): it is recorded as unknown, so the next run builds again.
const SETTLE_MS = 1000;

/** [file, mtimeMs, size] per file (relative to root); [file, null, null] for one that is absent. */
export function takeStamp(root, files, startedAt) {
  return [...new Set(files)].sort().map((file) => {
    const info = statSync(join(root, file), { throwIfNoEntry: false });
    if (!info) return [file, null, null];
    return [file, info.mtimeMs > startedAt - SETTLE_MS ? -1 : info.mtimeMs, info.size];
  });
}

export function stampIsCurrent(root, stamp) {
  return stamp.every(([file, mtimeMs, size]) => {
    const info = statSync(join(root, file), { throwIfNoEntry: false });
    return info ? info.mtimeMs === mtimeMs && info.size === size : mtimeMs === null;
  });
}

/** The files every build depends on besides its sources: the package, its lock and what is installed. */
export const INSTALL_FILES = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
