import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './corpus';
import { MARGINALIA, median, timeProcess } from './measure';

export interface CliBenchOptions {
  /** Rounds of the three commands, interleaved so that the machine's mood hits them alike. */
  rounds: number;
  articles: number;
}

/**
 * Start-up as an analyst scripting the CLI meets it (a loop over a thousand articles pays it each
 * time): `marginalia --help` and `marginalia stats` on a library of generated articles, each a
 * process of its own, against `node -e 0` in the same rounds.
 */
export async function cliBench(options: CliBenchOptions): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-cli-'));
  try {
    generateCorpus(join(dir, 'corpus'), options.articles);
    const library = join(dir, 'bench.marginalia');
    // Also builds the CLI bundle when it is not current: building is not what is measured.
    await timeProcess([MARGINALIA, 'import', '--json', '--library', library, join(dir, 'corpus')]);
    const commands: Record<string, string[]> = {
      node: ['-e', '0'],
      help: [MARGINALIA, '--help'],
      stats: [MARGINALIA, 'stats', '--library', library],
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
    for (let round = 0; round < options.rounds; round++) {
      for (const [name, args] of Object.entries(commands)) times[name]!.push((await timeProcess(args)).ms);
    }
    // node: `node -e 0`; help: `marginalia --help`; stats: `marginalia stats` on the library.
    return Object.fromEntries(
      Object.entries(times).flatMap(([name, ms]) => [
        [`${name}_median_ms`, Math.round(median(ms))],
        [`${name}_lowest_ms`, Math.round(Math.min(...ms))],
        [`${name}_highest_ms`, Math.round(Math.max(...ms))],
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
