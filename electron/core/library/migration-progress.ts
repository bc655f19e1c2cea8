import type { MigrationProgress } from './migrations/types';
import { formatCount } from '../../shared/counts';

// Small libraries upgrade in well under a second: nothing to say about them.
const WORTH_TELLING = 1000;
const EVERY_MS = 250;

/**
 * Tells on stderr how far the upgrade of an older library has got ("Upgrading the library (stemmed
 * search): 12,000 of 100,000 articles"): one line updated in place on a terminal, a line at the
 * start and the end otherwise (a log).
 */
export function migrationReporter(stream: NodeJS.WriteStream = process.stderr): (progress: MigrationProgress) => void {
  let last = 0;
  return ({ name, done, total }) => {
    if (total < WORTH_TELLING) return;
    const line = `Upgrading the library (${name}): ${formatCount(done)} of ${formatCount(total)} articles`;
    const finished = done === total;
    if (stream.isTTY) {
      const now = performance.now();
      if (!finished && done > 0 && now - last < EVERY_MS) return;
      last = now;
      stream.write(`\r${line}${finished ? '\n' : ''}`);
    } else if (done === 0 || finished) {
      stream.write(`${line}\n`);
    }
  };
}
